import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { afterCursorParams, validatePageSize } from '../campaigns/created-cursor.js';
import { isUuid } from '../ids.js';
import { toCallRecord, type CallRecord } from './call-record.js';
import { selectCalledNumber, selectInboundCallsPage } from './calls.queries.js';

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
  const rows = await selectInboundCallsPage.all(em, { accountId, numberId, ...afterCursorParams(options.after), limit: first + 1 });
  return { calls: rows.slice(0, first).map(toCallRecord), hasNextPage: rows.length > first };
}
