/**
 * Pages of rows ordered newest first, by (created_at desc, id desc): the opaque cursor of a row,
 * the SQL condition "after the cursor", and the page-size check. Campaigns, calls, messages and
 * numbers page this way.
 */
import type { Config } from '../../config.js';
import { BadUserInputError } from '../../errors.js';
import { isUuid } from '../ids.js';

/** The opaque cursor of a row ordered by (created_at desc, id desc): exact microseconds and id. */
export function encodeCreatedCursor(createdAtUs: string, id: string): string {
  return Buffer.from(`${createdAtUs}|${id}`, 'utf8').toString('base64url');
}

/** @throws BadUserInputError (`after`) for a cursor this server did not issue. */
export function decodeCreatedCursor(cursor: string): { createdAtUs: string; id: string } {
  const [createdAtUs, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    extra !== undefined ||
    !id ||
    !isUuid(id) ||
    !createdAtUs ||
    !/^[0-9]{1,18}$/.test(createdAtUs) ||
    encodeCreatedCursor(createdAtUs, id) !== cursor
  ) {
    throw new BadUserInputError('after', 'after is not a cursor returned by this API');
  }
  return { createdAtUs, id };
}

/** The named parameters of {@link createdBeforeCursorSql} for an optional cursor `after`. */
export function afterCursorParams(after: string | null | undefined): { afterUs: string | null; afterId: string | null } {
  if (after === null || after === undefined) return { afterUs: null, afterId: null };
  const cursor = decodeCreatedCursor(after);
  return { afterUs: cursor.createdAtUs, afterId: cursor.id };
}

/**
 * SQL for "(alias.created_at, alias.id) comes after the cursor", with the named parameters
 * `:afterUs` (microseconds, null: no cursor) and `:afterId`; see {@link afterCursorParams}.
 */
export function createdBeforeCursorSql(alias: string): string {
  return `(:afterUs::bigint is null or (${alias}.created_at, ${alias}.id) < (to_timestamp(0) + :afterUs::bigint * interval '1 microsecond', :afterId::uuid))`;
}

/** @throws BadUserInputError (`first`) outside 1..max. */
export function validatePageSize(
  first: number | null | undefined,
  limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>,
): number {
  if (first === null || first === undefined) return limits.callsPageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > limits.callsPageSizeMax) {
    throw new BadUserInputError('first', `first must be between 1 and ${limits.callsPageSizeMax}`);
  }
  return first;
}
