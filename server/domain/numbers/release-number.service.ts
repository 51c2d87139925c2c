import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlTransaction, transaction, type Db } from '../../database/sql.js';
import { InvalidStateError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import type { ServiceDeps } from '../service-deps.js';
import { findPhoneNumber } from './find-phone-numbers.service.js';
import { releaseAccountNumbers, releaseByCustomer } from './numbers.queries.js';
import { publishNumberReleased } from './renew-numbers.service.js';
import { iso, NumberReleaseReason, toPhoneNumberRecord, type PhoneNumberRecord } from './phone-number-record.js';

/** Roles that give a number up: the owner, an integrator's platform, and the operator. */
export const NUMBER_RELEASE_ROLES = [Role.OWNER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/**
 * The customer gives a held (ACTIVE, GRACE or RENEWAL_OWED) number up: RELEASED (RELEASED_BY_CUSTOMER) at once,
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
  throw new InvalidStateError(
    `Phone number "${number.id}" is ${number.status}: only a held (ACTIVE, GRACE or RENEWAL_OWED) number can be released`,
    {
      status: number.status,
    },
  );
}

/**
 * Releases every held number (ACTIVE, GRACE or RENEWAL_OWED, purchases in flight included) of an
 * account, e.g. when it is closed, each with its NUMBER_RELEASED alert in the same transaction;
 * returns how many. Runs inside the caller's transaction when given one (`db`), so a closure can close
 * the account and release its numbers atomically. Do it after marking the
 * account CLOSED: a purchase share-locks the account while it claims its number, so it either
 * sees the closure and is refused, or its claim is released here (and its debit credited back).
 */
export async function releaseNumbersOfAccount(db: Db, accountId: string, nowMs: number, reason: 'ACCOUNT_CLOSED'): Promise<number> {
  const inTransaction = <T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> =>
    db instanceof SqlTransaction ? work(db) : transaction(db, work);
  return inTransaction(async (tx) => {
    const rows = await releaseAccountNumbers.all(tx, { accountId, reason: NumberReleaseReason[reason], releasedAt: iso(nowMs) });
    // The owner hears of every number it had (a purchase still in flight was never theirs to hear of).
    for (const row of rows.filter((released) => released.completed)) {
      await publishNumberReleased(
        tx,
        { id: row.id, accountId, walletId: row.wallet_id, number: row.number, currency: row.currency.trim() },
        NumberReleaseReason[reason],
      );
    }
    return rows.length;
  });
}
