import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, InvalidStateError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import type { ServiceDeps } from '../service-deps.js';
import { findPhoneNumber } from './find-phone-numbers.service.js';
import { postPurchaseRefund } from './number-postings.js';
import { markRefunded, revertRefund, setRefundTransaction } from './numbers.queries.js';
import {
  iso,
  isHeld,
  NumberReleaseReason,
  PhoneNumberStatus,
  purchaseTotalMicros,
  toPhoneNumberRecord,
  type PhoneNumberRecord,
} from './phone-number-record.js';
import { isWithinRefundWindow } from './number-offers.js';

/** Roles that refund a number: the owner and the operator. */
export const NUMBER_REFUND_ROLES = [Role.OWNER, Role.PLATFORM_ADMIN] as const;

/** Most times a refund re-reads a number that changed under it (a renewal) before giving up. */
const REFUND_ATTEMPTS_MAX = 3;

/**
 * Gives a held number back within `numberRefundDays` of its purchase (exactly that long after is
 * still in time, a millisecond more is not): REFUNDED (release reason REFUNDED), and the purchase
 * plus first month credited back as ONE REFUND transaction (`refundTransactionId`), once. Later
 * months are not refunded.
 *
 * The state changes first and the credit follows (under `spendwire:number:<id>:refund`): a second
 * refund, a release or a renewal racing it then finds the number REFUNDED, so the credit is given
 * at most once. Should the credit be refused (the balance cap), the number is put back as it was;
 * should the process crash in between, the recovery posts it.
 * @throws ForbiddenError unless OWNER or PLATFORM_ADMIN.
 * @throws NotFoundError for an unknown number or one of another tenant.
 * @throws InvalidStateError when it is already REFUNDED or RELEASED, or the refund window has passed.
 * @throws BadUserInputError (`amount`) when the credit would lift the wallet above its cap.
 */
export async function refundNumber(
  em: EntityManager,
  deps: ServiceDeps,
  options: { principal: Principal; phoneNumberId: string },
): Promise<PhoneNumberRecord> {
  requireRole(options.principal, NUMBER_REFUND_ROLES, 'refund a number');
  const nowMs = deps.clock.now();
  for (let attempt = 1; ; attempt += 1) {
    const number = await findPhoneNumber(em, options.principal, options.phoneNumberId);
    if (number.status === PhoneNumberStatus.REFUNDED)
      throw new InvalidStateError(`Phone number "${number.id}" is already refunded`, { status: number.status });
    if (!isHeld(number.status)) {
      throw new InvalidStateError(`Phone number "${number.id}" is ${number.status}: a released number cannot be refunded`, {
        status: number.status,
      });
    }
    if (!isWithinRefundWindow(number.purchasedAtMs, nowMs, deps.config.numberRefundDays)) {
      throw new InvalidStateError(
        `Phone number "${number.id}": refund window passed (${deps.config.numberRefundDays} days after purchase)`,
        {
          status: number.status,
        },
      );
    }
    const row = await markRefunded.maybeOne(em, {
      id: number.id,
      version: number.version,
      reason: NumberReleaseReason.REFUNDED,
      releasedAt: iso(nowMs),
    });
    if (row) return creditRefund(em, deps, number, toPhoneNumberRecord(row), options.principal.actor);
    if (attempt >= REFUND_ATTEMPTS_MAX) throw new InvalidStateError(`Phone number "${number.id}" keeps changing: retry the refund`);
  }
}

async function creditRefund(
  em: EntityManager,
  deps: ServiceDeps,
  before: PhoneNumberRecord,
  refunded: PhoneNumberRecord,
  actor: string,
): Promise<PhoneNumberRecord> {
  if (purchaseTotalMicros(refunded) === 0n) return refunded;
  let refundTransactionId: string;
  try {
    refundTransactionId = (await postPurchaseRefund(em, deps, refunded, actor)).transaction.id;
  } catch (error) {
    if (error instanceof DomainError) {
      await revertRefund.run(em, {
        id: before.id,
        status: before.status,
        graceUntil: before.graceUntilMs === null ? null : iso(before.graceUntilMs),
      });
    }
    throw error;
  }
  const row = await setRefundTransaction.one(em, { id: refunded.id, refundTransactionId });
  deps.committed();
  return toPhoneNumberRecord(row);
}
