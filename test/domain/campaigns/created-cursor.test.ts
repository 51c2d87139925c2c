// Goal: page cursors round-trip, a cursor this server did not issue is refused as BAD_USER_INPUT on `after`, the
// "after the cursor" SQL takes named parameters, and page sizes are checked at their bounds; method: the pure functions.
import { describe, expect, it } from 'vitest';
import {
  afterCursorParams,
  createdBeforeCursorSql,
  decodeCreatedCursor,
  encodeCreatedCursor,
  validatePageSize,
} from '../../../server/domain/campaigns/created-cursor.js';
import { sql } from '../../../server/database/sql.js';

const ID = '0b7e8f52-3c1d-4f5e-9a6b-7c8d9e0f1a2b';

describe('created cursors', () => {
  it('round-trips microseconds and id, and gives the named parameters of a cursor or of none', () => {
    const cursor = encodeCreatedCursor('1767225600000123', ID);
    expect(decodeCreatedCursor(cursor)).toEqual({ createdAtUs: '1767225600000123', id: ID });
    expect(afterCursorParams(cursor)).toEqual({ afterUs: '1767225600000123', afterId: ID });
    expect(afterCursorParams(null)).toEqual({ afterUs: null, afterId: null });
    expect(afterCursorParams(undefined)).toEqual({ afterUs: null, afterId: null });
  });

  it('refuses cursors it did not issue', () => {
    const foreign = ['', 'nonsense', Buffer.from(`12|${ID}|x`).toString('base64url'), Buffer.from('12|not-a-uuid').toString('base64url')];
    for (const cursor of [...foreign, `${encodeCreatedCursor('12', ID)}=`]) {
      expect(() => decodeCreatedCursor(cursor)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { field: 'after' } }),
      );
    }
  });

  it('binds the cursor as :afterUs and :afterId', () => {
    const query = sql(`select 1 from campaign m where ${createdBeforeCursorSql('m')}`);
    expect(query.names).toEqual(['afterUs', 'afterId']);
    expect(query.text).toContain('$1::bigint is null or (m.created_at, m.id) <');
  });

  it('accepts page sizes 1..max, defaults a missing one, and refuses the rest on `first`', () => {
    const limits = { callsPageSizeMax: 100, callsPageSizeDefault: 20 };
    expect(validatePageSize(null, limits)).toBe(20);
    expect(validatePageSize(undefined, limits)).toBe(20);
    expect(validatePageSize(1, limits)).toBe(1);
    expect(validatePageSize(100, limits)).toBe(100);
    for (const first of [0, 101, 1.5, -1]) {
      expect(() => validatePageSize(first, limits)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { field: 'first' } }),
      );
    }
  });
});
