import type { EntityManager } from '@mikro-orm/postgresql';
import type { Db } from '../../database/sql.js';
import { InvalidStateError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import type { ServiceDeps } from '../service-deps.js';
import { findPhoneNumber } from './find-phone-numbers.service.js';
import { releaseAccountNumbers, releaseByCustomer } from './numbers.queries.js';
import { iso, NumberReleaseReason, toPhoneNumberRecord, type PhoneNumberRecord } from './phone-number-record.js';

/** Roles that give a number up: the owner, an integrator's platform, and the operator. */
export const NUMBER_RELEASE_ROLES = [Role.OWNER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/**
 * The customer gives a held (ACTIVE or GRACE) number up: RELEASED (RELEASED_BY_CUSTOMER) at once,
 * no refund; anyone may buy it again. One conditional statement, so it races safely with a
 * renewal (which then credits back a month it debited meanwhile) and with a refund (one wins).
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN.
 * @throws NotFoundError for an unknown number or one of another tenant.
 * @throws InvalidStateError when it is already RELEASED or REFUNDED.
 */
export async function releaseNumber(
  em: EntityManager,
  deps: ServiceDeps,
  options: { principal: Principal; phoneNumberId: string },
): Promise<PhoneNumberRecord> {
  requireRole(options.principal, NUMBER_RELEASE_ROLES, 'release a number');
  if (!isUuid(options.phoneNumberId)) throw new NotFoundError('Phone number', options.phoneNumberId);
  const row = await releaseByCustomer.maybeOne(em, {
    id: options.phoneNumberId,
    scope: tenantScope(options.principal),
    reason: NumberReleaseReason.RELEASED_BY_CUSTOMER,
    releasedAt: iso(deps.clock.now()),
  });
  if (row) return toPhoneNumberRecord(row);
  const number = await findPhoneNumber(em, options.principal, options.phoneNumberId);
  throw new InvalidStateError(`Phone number "${number.id}" is ${number.status}: only an ACTIVE or GRACE number can be released`, {
    status: number.status,
  });
}

/**
 * Releases every held number (ACTIVE or GRACE, purchases in flight included) of an account, e.g.
 * when it is closed; returns how many. Runs inside the caller's transaction when given one (`db`), so
 * a closure can close the account and release its numbers atomically. Do it after marking the
 * account CLOSED: a purchase share-locks the account while it claims its number, so it either
 * sees the closure and is refused, or its claim is released here (and its debit credited back).
 */
export async function releaseNumbersOfAccount(db: Db, accountId: string, nowMs: number, reason: 'ACCOUNT_CLOSED'): Promise<number> {
  return releaseAccountNumbers.run(db, { accountId, reason: NumberReleaseReason[reason], releasedAt: iso(nowMs) });
}
