import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import { BadUserInputError } from '../../errors.js';
import { afterCursorParams, encodeCreatedCursor } from '../campaigns/created-cursor.js';
import { isUuid } from '../ids.js';
import type { AccountRecord } from './account-record.js';
import { selectAccountsPage } from './account-search.queries.js';
import { requireRole, type Principal } from './principal.js';
import { PLATFORM_ROLES } from './role.js';

/** Options of {@link searchAccounts}. */
export interface SearchAccountsOptions {
  principal: Principal;
  /** Part of a name or user e-mail, or a whole account id; null or blank: every account. */
  search?: string | null;
  first?: number | null;
  /** The cursor of the previous page's last account. */
  after?: string | null;
}

/** A page of found accounts, newest first, each with its cursor. */
export interface AccountSearchPage {
  accounts: { account: AccountRecord; cursor: string }[];
  hasNextPage: boolean;
}

/** `text` as an ILIKE pattern that matches it anywhere, its own `%`, `_` and `\` taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Platform staff's account search: accounts whose name or one of whose users' e-mail contains
 * `search` (case-insensitive), or whose id it is; newest first.
 * @throws ForbiddenError (account roles: the search spans every tenant), BadUserInputError (`first`
 * outside 1..accountsPageSizeMax, `search` longer than accountSearchLengthMax, `after`).
 */
export async function searchAccounts(
  db: Db,
  config: Pick<Config, 'accountsPageSizeMax' | 'accountsPageSizeDefault' | 'accountSearchLengthMax'>,
  options: SearchAccountsOptions,
): Promise<AccountSearchPage> {
  requireRole(options.principal, PLATFORM_ROLES, 'search accounts');
  const first = options.first ?? config.accountsPageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > config.accountsPageSizeMax) {
    throw new BadUserInputError('first', `first must be between 1 and ${config.accountsPageSizeMax}`);
  }
  const search = options.search?.trim() ?? '';
  if (search.length > config.accountSearchLengthMax) {
    throw new BadUserInputError('search', `search must be at most ${config.accountSearchLengthMax} characters`);
  }
  const rows = await selectAccountsPage.all(db, {
    pattern: search === '' ? null : containsPattern(search),
    accountId: isUuid(search) ? search.toLowerCase() : null,
    ...afterCursorParams(options.after),
    limit: first + 1,
  });
  return {
    accounts: rows.slice(0, first).map((row) => ({
      account: { id: row.id, name: row.name, createdAt: new Date(row.created_at_ms) },
      cursor: encodeCreatedCursor(row.created_at_us, row.id),
    })),
    hasNextPage: rows.length > first,
  };
}
