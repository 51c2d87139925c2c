import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { toRefundRequest, type RefundRequest, type RefundRequestStatus } from './refund-request-record.js';
import { selectRefundRequests } from './refund-requests.queries.js';

/** Who may read refund requests: the account's OWNERs (their own) and platform staff (any: the support queue). */
export const READ_REFUND_REQUESTS_ROLES = [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** Options of {@link listRefundRequests}. */
export interface ListRefundRequestsOptions {
  principal: Principal;
  /** Only this account's (an OWNER's own is always applied). */
  accountId?: string | null;
  /** Only this wallet's. */
  walletId?: string | null;
  status?: RefundRequestStatus | null;
  /** Only requests in one of these statuses (with `status`: both apply); at least one (repeats count once). */
  statuses?: readonly RefundRequestStatus[] | null;
  /** How many, 1..refundRequestsPageSizeMax (newest first). */
  first: number;
  limits: Pick<Config, 'refundRequestsPageSizeMax'>;
}

/**
 * Refund requests newest first: platform staff's queue (`statuses: [PENDING, FAILED]`, every account) or an
 * owner's history. @throws ForbiddenError, BadUserInputError (`first`, `statuses`), NotFoundError (another tenant's account).
 */
export async function listRefundRequests(em: EntityManager, options: ListRefundRequestsOptions): Promise<RefundRequest[]> {
  const { principal } = options;
  requireRole(principal, READ_REFUND_REQUESTS_ROLES, 'read refund requests');
  const max = options.limits.refundRequestsPageSizeMax;
  if (!Number.isInteger(options.first) || options.first < 1 || options.first > max) {
    throw new BadUserInputError('first', `first must be between 1 and ${max}`);
  }
  const statuses = statusFilter(options.status ?? null, options.statuses ?? null);
  const scope = tenantScope(principal);
  const accountId = options.accountId ?? null;
  if (accountId !== null && (!isUuid(accountId) || (scope !== null && accountId.toLowerCase() !== scope))) {
    throw new NotFoundError('Account', accountId);
  }
  if (options.walletId != null && !isUuid(options.walletId)) return [];
  const rows = await selectRefundRequests.all(em, {
    accountScope: scope ?? accountId?.toLowerCase() ?? null,
    statuses,
    walletId: options.walletId?.toLowerCase() ?? null,
    limit: options.first,
  });
  return rows.map(toRefundRequest);
}

/** The statuses asked for: `status` and `statuses` both apply (null: any); an empty list is refused. */
function statusFilter(status: RefundRequestStatus | null, statuses: readonly RefundRequestStatus[] | null): string[] | null {
  if (statuses !== null && statuses.length === 0) throw new BadUserInputError('statuses', 'statuses must list at least one status');
  if (statuses === null) return status === null ? null : [status];
  const unique = [...new Set(statuses)];
  return status === null ? unique : unique.filter((value) => value === status);
}
