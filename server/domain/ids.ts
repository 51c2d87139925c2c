import { randomFillSync } from 'node:crypto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns true when `id` is a UUID in canonical text form: every id Spendwire issues is one. */
export function isUuid(id: string): boolean {
  return UUID_PATTERN.test(id);
}

/** ASCII codes of the hexadecimal digits, lower case. */
const HEX_DIGIT_CODES = Buffer.from('0123456789abcdef', 'latin1');

/** Characters of a UUID's text form. */
const UUID_LENGTH = 36;

/** Most UUIDs {@link randomUuids} writes per buffer fill: a recordUsage batch at the largest usageEventsPerCallMax (1,000) takes one fill. */
const RANDOM_UUIDS_PER_FILL = 1024;

/** Scratch space of {@link randomUuids}: the random bytes and the text of one fill. */
const randomBytesScratch = Buffer.alloc(16 * RANDOM_UUIDS_PER_FILL);
const uuidTextScratch = Buffer.alloc(UUID_LENGTH * RANDOM_UUIDS_PER_FILL);

/**
 * `count` random (version 4) UUIDs, as `crypto.randomUUID()` makes them, from one fill of random bytes
 * per 1,024. Each is one flat string: randomUUID builds its text by concatenating 20 pieces, which a
 * batch of 500 (a recordUsage call's transaction ids) then pays to allocate and to flatten again where
 * the text is read (the statement's array parameter).
 */
export function randomUuids(count: number): string[] {
  const uuids = new Array<string>(count);
  for (let first = 0; first < count; first += RANDOM_UUIDS_PER_FILL) {
    const filled = Math.min(RANDOM_UUIDS_PER_FILL, count - first);
    randomFillSync(randomBytesScratch, 0, 16 * filled);
    for (let index = 0; index < filled; index += 1) {
      const bytes = 16 * index;
      const start = UUID_LENGTH * index;
      let at = start;
      for (let byte = 0; byte < 16; byte += 1) {
        if (byte === 4 || byte === 6 || byte === 8 || byte === 10) uuidTextScratch[at++] = 0x2d; // '-'
        let value = randomBytesScratch[bytes + byte]!;
        // RFC 9562: the version (4) in the high nibble of byte 6, the variant (0b10) in the top bits of byte 8.
        if (byte === 6) value = (value & 0x0f) | 0x40;
        else if (byte === 8) value = (value & 0x3f) | 0x80;
        uuidTextScratch[at++] = HEX_DIGIT_CODES[value >> 4]!;
        uuidTextScratch[at++] = HEX_DIGIT_CODES[value & 0x0f]!;
      }
      uuids[first + index] = uuidTextScratch.toString('latin1', start, start + UUID_LENGTH);
    }
  }
  return uuids;
}
