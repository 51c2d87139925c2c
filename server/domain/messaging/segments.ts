/**
 * SMS segment counting: which encoding a body needs and how many parts (each billed as one SMS)
 * it is sent in. Pure. GSM 03.38 / 3GPP TS 23.038 default alphabet and its extension table; a
 * multipart message loses room in each part to the concatenation header (UDH).
 */

/** GSM7: the GSM 03.38 default alphabet, 7-bit septets. UCS2: UTF-16, for anything else. */
export type SmsEncoding = 'GSM7' | 'UCS2';

/** Longest message body accepted, in characters (JavaScript `string.length`: UTF-16 code units). */
export const MESSAGE_BODY_LENGTH_MAX = 1600;

/** Septets that fit in a single-part GSM7 message. */
export const GSM7_SINGLE_SEGMENT_SEPTETS_MAX = 160;

/** Septets that fit in each part of a multipart GSM7 message (7 septets go to the UDH). */
export const GSM7_MULTIPART_SEGMENT_SEPTETS_MAX = 153;

/** UTF-16 code units that fit in a single-part UCS2 message. */
export const UCS2_SINGLE_SEGMENT_UNITS_MAX = 70;

/** UTF-16 code units that fit in each part of a multipart UCS2 message (3 go to the UDH). */
export const UCS2_MULTIPART_SEGMENT_UNITS_MAX = 67;

/**
 * The GSM 03.38 default alphabet, in table order (0x00..0x7F) without 0x1B, the escape to the
 * extension table. 0x09 is capital `Ç`: small `ç` is not in the alphabet.
 */
const GSM7_BASIC_CHARACTERS =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  'Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ' + // 0x1B, the escape, sits between Ξ and Æ.
  ' !"#¤%&\'()*+,-./' +
  '0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNO' +
  'PQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmno' +
  'pqrstuvwxyzäöñüà';

/** The GSM 03.38 extension table: each is sent as escape + character, two septets. */
const GSM7_EXTENSION_CHARACTERS = '\f^{}\\[~]|€';

const GSM7_BASIC = new Set(GSM7_BASIC_CHARACTERS);
const GSM7_EXTENSION = new Set(GSM7_EXTENSION_CHARACTERS);

/**
 * Encoding, size and number of parts of an SMS body. GSM7 when every character is in the default
 * alphabet or its extension table (extension characters take 2 septets), else UCS2 (UTF-16 code
 * units, an astral character such as an emoji takes 2). One part up to 160 septets / 70 units;
 * beyond that parts of 153 septets / 67 units, filled greedily without splitting an escape pair or
 * a surrogate pair, so a part may carry one unit less. An empty body is 1 part of 0 units (callers
 * reject empty bodies before this).
 */
export function countSegments(body: string): { encoding: SmsEncoding; units: number; segments: number } {
  // Units per character in sending order; `for...of` walks code points, so a surrogate pair is one item.
  const gsm7Units: number[] = [];
  let isGsm7 = true;
  for (const character of body) {
    if (GSM7_BASIC.has(character)) gsm7Units.push(1);
    else if (GSM7_EXTENSION.has(character)) gsm7Units.push(2);
    else {
      isGsm7 = false;
      break;
    }
  }
  if (isGsm7) {
    return { encoding: 'GSM7', ...fillSegments(gsm7Units, GSM7_SINGLE_SEGMENT_SEPTETS_MAX, GSM7_MULTIPART_SEGMENT_SEPTETS_MAX) };
  }
  const ucs2Units = Array.from(body, (character) => character.length);
  return { encoding: 'UCS2', ...fillSegments(ucs2Units, UCS2_SINGLE_SEGMENT_UNITS_MAX, UCS2_MULTIPART_SEGMENT_UNITS_MAX) };
}

/** Total units, and parts filled greedily with whole characters of `characterUnits` each. */
function fillSegments(characterUnits: readonly number[], singleMax: number, multipartMax: number): { units: number; segments: number } {
  const units = characterUnits.reduce((sum, size) => sum + size, 0);
  if (units <= singleMax) return { units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const size of characterUnits) {
    if (used + size > multipartMax) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { units, segments };
}
