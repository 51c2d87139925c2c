// Goal: enum values, including ones added to the schema later, read as words; method: examples.
import { describe, expect, it } from 'vitest';
import { enumLabel } from '../../../client/src/utils/enum-label.js';

describe('enumLabel', () => {
  it('turns SCREAMING_SNAKE_CASE into a capitalised phrase', () => {
    expect(enumLabel('CREDIT')).toBe('Credit');
    expect(enumLabel('TOP_UP')).toBe('Top up');
    expect(enumLabel('PLATFORM_ADMIN')).toBe('Platform admin');
    expect(enumLabel('CALL_CHARGE')).toBe('Call charge');
  });

  it('copes with odd input', () => {
    expect(enumLabel('')).toBe('');
    expect(enumLabel('_X__Y_')).toBe('X y');
  });
});
