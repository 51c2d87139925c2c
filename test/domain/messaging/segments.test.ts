// Goal: an SMS body is counted in the right encoding and number of parts, exactly as carriers bill it.
// Method: table tests at every single-part and multipart boundary, the full GSM 03.38 alphabet, and a fast-check property against a part-by-part reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, MESSAGE_BODY_LENGTH_MAX } from '../../../server/domain/messaging/segments.js';

/** The GSM 03.38 default alphabet as listed in 3GPP TS 23.038, table by table row. */
const GSM7_BASIC = [
  '@',
  '£',
  '$',
  '¥',
  'è',
  'é',
  'ù',
  'ì',
  'ò',
  'Ç',
  '\n',
  'Ø',
  'ø',
  '\r',
  'Å',
  'å',
  'Δ',
  '_',
  'Φ',
  'Γ',
  'Λ',
  'Ω',
  'Π',
  'Ψ',
  'Σ',
  'Θ',
  'Ξ',
  'Æ',
  'æ',
  'ß',
  'É',
  ' ',
  '!',
  '"',
  '#',
  '¤',
  '%',
  '&',
  "'",
  '(',
  ')',
  '*',
  '+',
  ',',
  '-',
  '.',
  '/',
  ...'0123456789:;<=>?',
  '¡',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'Ä',
  'Ö',
  'Ñ',
  'Ü',
  '§',
  '¿',
  ...'abcdefghijklmnopqrstuvwxyz',
  'ä',
  'ö',
  'ñ',
  'ü',
  'à',
];
const GSM7_EXTENSION = ['\f', '^', '{', '}', '\\', '[', ']', '~', '|', '€'];

describe('countSegments: GSM7', () => {
  it.each([
    [0, 1],
    [1, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
    [1530, 10],
    [1600, 11],
  ])('%s plain characters → %s parts', (length, segments) => {
    expect(countSegments('a'.repeat(length))).toEqual({ encoding: 'GSM7', units: length, segments });
  });

  it('counts every basic character as 1 septet', () => {
    expect(GSM7_BASIC).toHaveLength(127);
    for (const character of GSM7_BASIC) {
      expect(countSegments(character), JSON.stringify(character)).toEqual({ encoding: 'GSM7', units: 1, segments: 1 });
    }
    expect(countSegments(GSM7_BASIC.join(''))).toEqual({ encoding: 'GSM7', units: 127, segments: 1 });
  });

  it('counts every extension character as 2 septets', () => {
    for (const character of GSM7_EXTENSION) {
      expect(countSegments(character), JSON.stringify(character)).toEqual({ encoding: 'GSM7', units: 2, segments: 1 });
    }
  });

  it.each([
    [80, 160, 1],
    [81, 162, 2],
    [152, 304, 2], // 76 pairs (152 septets) per part
    [153, 306, 3], // 306 septets, yet a third part: 153 is odd and no part holds half a pair
  ])('%s × "€" → %s septets, %s parts', (count, units, segments) => {
    expect(countSegments('€'.repeat(count))).toEqual({ encoding: 'GSM7', units, segments });
  });

  it('fits a 160-septet message ending in an escape pair in one part', () => {
    expect(countSegments(`${'a'.repeat(158)}€`)).toEqual({ encoding: 'GSM7', units: 160, segments: 1 });
    expect(countSegments(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM7', units: 161, segments: 2 });
  });

  it('moves an escape pair that would straddle the 153-septet boundary to the next part', () => {
    // Part 1 is 152 'a' because '€' would straddle septet 153, so part 2 opens with it: 306 septets
    // would fit 2 parts by count, yet they need 3.
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM7', units: 306, segments: 3 });
    // The same septets with the pair not on the boundary fit in 2 parts.
    expect(countSegments(`${'a'.repeat(151)}€${'a'.repeat(153)}`)).toEqual({ encoding: 'GSM7', units: 306, segments: 2 });
    expect(countSegments(`€${'a'.repeat(304)}`)).toEqual({ encoding: 'GSM7', units: 306, segments: 2 });
  });

  it.each(['é', 'É', 'Ç', 'ü', 'à', '¤', '£', '¥', 'Δ', '\u03a9'])('keeps GSM7 with %j', (character) => {
    expect(countSegments(`Hello ${character}`).encoding).toBe('GSM7');
  });
});

describe('countSegments: UCS2', () => {
  it.each([
    [1, 1],
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])('%s Chinese characters → %s parts', (length, segments) => {
    expect(countSegments('中'.repeat(length))).toEqual({ encoding: 'UCS2', units: length, segments });
  });

  it.each([
    ['ç', 'small c cedilla (only capital Ç is GSM7)'],
    ['中', 'a Chinese character'],
    ['😀', 'an emoji'],
    ['á', 'a acute'],
    ['`', 'the backtick'],
    ['\t', 'a tab'],
    ['\u00a0', 'a no-break space'],
    ['\u2126', 'the ohm sign (not Greek capital omega)'],
    ['ê', 'e circumflex'],
    ['’', 'a typographic apostrophe'],
  ])('switches the whole message to UCS2 for %j (%s)', (character) => {
    const body = `${'a'.repeat(100)}${character}`;
    expect(countSegments(body)).toEqual({ encoding: 'UCS2', units: body.length, segments: 2 });
  });

  it('counts an emoji as 2 code units', () => {
    expect(countSegments('😀')).toEqual({ encoding: 'UCS2', units: 2, segments: 1 });
    expect(countSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS2', units: 70, segments: 1 });
    expect(countSegments('😀'.repeat(36))).toEqual({ encoding: 'UCS2', units: 72, segments: 2 });
  });

  it('does not split a surrogate pair at the 67-unit boundary', () => {
    // 66 units then an emoji: the pair would straddle 67, so it opens part 2, and 134 units need 3 parts.
    expect(countSegments(`${'中'.repeat(66)}😀${'中'.repeat(66)}`)).toEqual({ encoding: 'UCS2', units: 134, segments: 3 });
    // The same units with the pair inside part 1 fit in 2 parts.
    expect(countSegments(`${'中'.repeat(65)}😀${'中'.repeat(67)}`)).toEqual({ encoding: 'UCS2', units: 134, segments: 2 });
    expect(countSegments('😀'.repeat(67))).toEqual({ encoding: 'UCS2', units: 134, segments: 3 }); // 33 pairs per part
  });
});

describe('countSegments: empty body and limit', () => {
  it('counts an empty body as 1 part of 0 units', () => {
    expect(countSegments('')).toEqual({ encoding: 'GSM7', units: 0, segments: 1 });
  });

  it('caps bodies at 1600 characters', () => {
    expect(MESSAGE_BODY_LENGTH_MAX).toBe(1600);
  });
});

describe('countSegments: property', () => {
  it('matches a reference that cuts parts one at a time', () => {
    const alphabet = fc.constantFrom('a', 'Z', ' ', '€', '[', '中', '😀', 'ç', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), fc.boolean(), (characters, gsm7Only) => {
        const chosen = gsm7Only ? characters.filter((c) => ['a', 'Z', ' ', '€', '[', 'é'].includes(c)) : characters;
        const body = chosen.join('');
        const result = countSegments(body);
        const isGsm7 = chosen.every((c) => ['a', 'Z', ' ', '€', '[', 'é'].includes(c));
        const sizes = chosen.map((c) => (isGsm7 ? (c === '€' || c === '[' ? 2 : 1) : c.length));
        const units = sizes.reduce((sum, size) => sum + size, 0);
        const [single, part] = isGsm7 ? [160, 153] : [70, 67];
        expect(result.encoding).toBe(isGsm7 ? 'GSM7' : 'UCS2');
        expect(result.units).toBe(units);
        if (units <= single) {
          expect(result.segments).toBe(1);
          return;
        }
        // Cut parts by slicing whole characters off the front until nothing is left.
        let segments = 0;
        let index = 0;
        while (index < sizes.length) {
          let room = part;
          while (index < sizes.length && sizes[index]! <= room) room -= sizes[index++]!;
          segments += 1;
        }
        expect(result.segments).toBe(segments);
        expect(result.segments).toBeGreaterThanOrEqual(Math.ceil(units / part));
      }),
    );
  });
});
