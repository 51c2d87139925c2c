import type { EntityManager } from '@mikro-orm/postgresql';
import { assert, BadUserInputError, IdempotencyKeyReusedError, InvalidStateError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { PhoneNumberStatus } from '../numbers/phone-number-record.js';
import { isE164 } from '../rating/rating.js';
import { validateIdempotencyKey } from '../wallets/validate-input.js';
import { CallDirection, toCallRecord, type CallRecord } from './call-record.js';
import { CALL_ROLES, callRate, type CallServiceDeps } from './call.service.js';
import { openCall } from './open-call.js';
import { selectCalledNumber, selectInboundCallByIdempotencyKey } from './calls.queries.js';

/** Options of {@link startInboundCall}. */
export interface StartInboundCallOptions {
  principal: Principal;
  /** The account's number being called. */
  numberId: string;
  /** The caller: E.164, or "anonymous" style text the carrier gives (1 to `callerIdLengthMax` printable characters). */
  from: string;
  idempotencyKey?: string | null;
}

/**
 * Answers a call received on one of the account's numbers, metered like an outbound call: the
 * first increment at the number's inbound per-minute price (the rate of the number's own prefix
 * in its rate plan, without a connect fee) is reserved on the number's wallet, then the billing
 * clock reserves increment after increment and stops the call where the money runs out; endCall
 * bills it. It starts through the same routine as an outbound call ({@link openCall}): a wallet
 * that cannot fund the first increment, is suspended, or whose daily or monthly spend cap (the
 * wallet's or the account's) does not allow it, answers the call REFUSED (INSUFFICIENT_FUNDS,
 * WALLET_SUSPENDED, SPEND_CAP_REACHED): at zero balance or at a cap a number no longer receives calls.
 * Plan allowances cover outbound minutes only: an inbound call is always paid from the wallet.
 * The same idempotency key on the same number returns the same call.
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN. @throws NotFoundError ('Number').
 * @throws InvalidStateError when the number is not ACTIVE (in GRACE, released or refunded); nothing is written.
 * @throws BadUserInputError (`from`, `idempotencyKey`, `numberId` when its plan has no rate for it).
 * @throws LimitExceededError at the account's concurrent-call cap. @throws EmailNotVerifiedError.
 * @throws IdempotencyKeyReusedError when the key started a call from another caller.
 */
export async function startInboundCall(em: EntityManager, deps: CallServiceDeps, options: StartInboundCallOptions): Promise<CallRecord> {
  requireRole(options.principal, CALL_ROLES, 'receive a call');
  const idempotencyKey = validateIdempotencyKey(options.idempotencyKey, deps.config.idempotencyKeyLengthMax);
  const from = validateCaller(options.from, deps.config.callerIdLengthMax);
  if (!isUuid(options.numberId)) throw new NotFoundError('Number', options.numberId);
  const number = await selectCalledNumber.maybeOne(em, { numberId: options.numberId, accountScope: tenantScope(options.principal) });
  if (!number) throw new NotFoundError('Number', options.numberId);
  if (idempotencyKey !== null) {
    const earlier = await findInboundCallByKey(em, number.id, idempotencyKey);
    if (earlier) return replayInbound(earlier, from, idempotencyKey);
  }
  if (number.status !== PhoneNumberStatus.ACTIVE) {
    throw new InvalidStateError(`Number ${number.number} is ${number.status}, not ACTIVE: it receives no calls`, {
      numberId: number.id,
      status: number.status,
    });
  }
  const { plan: ratePlan, rate } = await callRate(em, deps, number.rate_plan_id, number.number);
  if (!rate) throw new BadUserInputError('numberId', `No rate for ${number.number} in rate plan "${ratePlan.name}"`);
  try {
    // Rated by the number's own inbound price, without a connect fee; plan allowances cover outbound minutes only.
    return await openCall(em, deps, {
      direction: CallDirection.INBOUND,
      accountId: number.account_id,
      walletId: number.wallet_id,
      campaignId: null,
      numberId: number.id,
      from,
      to: number.number,
      rate: {
        prefix: rate.prefix,
        perMinuteMicros: rate.inboundPerMinuteMicros,
        connectFeeMicros: 0n,
        firstIncrementSeconds: rate.firstIncrementSeconds,
        nextIncrementSeconds: rate.nextIncrementSeconds,
      },
      subscriptionPays: false,
      idempotencyKey,
      startedAtMs: deps.clock.now(),
    });
  } catch (error) {
    const candidate = error as { code?: string; constraint?: string } | null;
    if (idempotencyKey !== null && candidate?.code === '23505' && candidate.constraint === 'call_number_idempotency_idx') {
      const earlier = await findInboundCallByKey(em, number.id, idempotencyKey);
      assert(earlier, 'a conflicting call is visible once its writer has committed');
      return replayInbound(earlier, from, idempotencyKey);
    }
    throw error;
  }
}

/**
 * The caller id as given, trimmed: an E.164 number, or a carrier's word for a hidden caller.
 * @throws BadUserInputError (`from`) when empty, longer than `lengthMax` or not printable ASCII.
 */
function validateCaller(from: string, lengthMax: number): string {
  const trimmed = from.trim();
  if (isE164(trimmed)) return trimmed;
  if (trimmed.length === 0 || trimmed.length > lengthMax || !/^[\x21-\x7e][\x20-\x7e]*$/.test(trimmed)) {
    throw new BadUserInputError(
      'from',
      `from must be the caller's E.164 number (e.g. "+447700900123") or 1 to ${lengthMax} printable characters`,
    );
  }
  return trimmed;
}

async function findInboundCallByKey(em: EntityManager, numberId: string, key: string): Promise<CallRecord | undefined> {
  const row = await selectInboundCallByIdempotencyKey.maybeOne(em, { numberId, idempotencyKey: key });
  return row ? toCallRecord(row) : undefined;
}

function replayInbound(earlier: CallRecord, from: string, key: string): CallRecord {
  if (earlier.from !== from) throw new IdempotencyKeyReusedError(key);
  return earlier;
}
