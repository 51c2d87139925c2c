import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { afterCursorParams, validatePageSize } from '../campaigns/created-cursor.js';
import { isUuid } from '../ids.js';
import { toCallRecord, type CallRecord } from './call-record.js';
import type { Db } from '../../database/sql.js';
import {
  selectActiveInboundCallsOfNumber,
  selectCalledNumber,
  selectInboundCallsOfNumber,
  selectInboundCallsPage,
} from './calls.queries.js';

/**
 * Calls received on an account's numbers (or on one of them), newest first; one page. A tenant reads
 * its own account; SUPPORT and PLATFORM_ADMIN name the account (or a number, whose account it is).
 * @throws NotFoundError for a number the caller may not see. @throws BadUserInputError (`accountId`
 * when platform staff name neither an account nor a number; `first`; `after`).
 */
export async function listInboundCalls(
  em: EntityManager,
  options: {
    principal: Principal;
    accountId?: string | null;
    numberId?: string | null;
    /** Only calls paid by this wallet (a wallet of another account matches nothing). */
    walletId?: string | null;
    first?: number | null;
    after?: string | null;
    limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>;
  },
): Promise<{ calls: CallRecord[]; hasNextPage: boolean }> {
  const scope = tenantScope(options.principal);
  const first = validatePageSize(options.first, options.limits);
  let accountId = scope ?? options.accountId ?? null;
  if (scope !== null && options.accountId && options.accountId !== scope) throw new NotFoundError('Account', options.accountId);
  const numberId = options.numberId ?? null;
  if (numberId !== null) {
    const number = isUuid(numberId) ? await selectCalledNumber.maybeOne(em, { numberId, accountScope: scope }) : undefined;
    if (!number) throw new NotFoundError('Number', numberId);
    accountId = number.account_id;
  }
  if (accountId === null) throw new BadUserInputError('accountId', 'Name the account (or a number) whose inbound calls to list');
  if (!isUuid(accountId)) throw new NotFoundError('Account', accountId);
  const walletId = options.walletId ?? null;
  if (walletId !== null && !isUuid(walletId)) throw new NotFoundError('Wallet', walletId);
  const rows = await selectInboundCallsPage.all(em, {
    accountId,
    numberId,
    walletId,
    ...afterCursorParams(options.after),
    limit: first + 1,
  });
  return { calls: rows.slice(0, first).map(toCallRecord), hasNextPage: rows.length > first };
}

/**
 * A number the caller may see, for a feed of its inbound calls: its id and account.
 * @throws NotFoundError otherwise.
 */
export async function findCalledNumber(
  em: EntityManager,
  principal: Principal,
  numberId: string,
): Promise<{ id: string; accountId: string }> {
  const number = isUuid(numberId) ? await selectCalledNumber.maybeOne(em, { numberId, accountScope: tenantScope(principal) }) : undefined;
  if (!number) throw new NotFoundError('Number', numberId);
  return { id: number.id, accountId: number.account_id };
}

/**
 * Inbound calls of one number (already checked visible to the caller) for a feed of its calls,
 * oldest first: its active calls when `callIds` is null (where the feed starts), else those of `callIds`.
 */
export async function inboundCallsOfNumber(db: Db, numberId: string, callIds: readonly string[] | null): Promise<CallRecord[]> {
  const rows =
    callIds === null
      ? await selectActiveInboundCallsOfNumber.all(db, { numberId })
      : await selectInboundCallsOfNumber.all(db, { numberId, callIds });
  return rows.map(toCallRecord);
}
