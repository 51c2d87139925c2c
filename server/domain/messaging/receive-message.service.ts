import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import {
  assert,
  BadUserInputError,
  IdempotencyKeyReusedError,
  InsufficientFundsError,
  NotFoundError,
  WalletSuspendedError,
} from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { findRatePlan } from '../rating/rate-plan.service.js';
import { isE164 } from '../rating/rating.js';
import type { ServiceDeps } from '../service-deps.js';
import { availableMicros, reserveCredit } from '../wallets/credit.js';
import { formatMoney } from '../wallets/money.js';
import { validateIdempotencyKey } from '../wallets/validate-input.js';
import { postMessageCharge } from './message-holds.js';
import { priceInbound, shapeOf, validateBody, validateSender } from './message-input.js';
import { iso, MessageDirection, toMessageRecord, type MessageRecord } from './message-record.js';
import { insertInboundMessage, lockWalletCredit, selectReceivingNumber } from './messaging.queries.js';
import { findMessagesByKey, lockMessagesOfKey } from './message-idempotency.js';

/** Roles that hand in inbound messages: the platform's carrier gateway, or the number's own integrator or owner. */
export const MESSAGE_RECEIVE_ROLES = [Role.OWNER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/** Options of {@link receiveMessage}. */
export interface ReceiveMessageOptions {
  principal: Principal;
  /** The sender: an E.164 number or an alphanumeric sender id. */
  from: string;
  /** One of the platform's numbers (E.164), held (ACTIVE or in GRACE) by the account that pays. */
  to: string;
  body: string;
  /** The carrier's message id or any retry-safe key: the same key for the same number returns the same message. */
  idempotencyKey?: string | null;
}

/** What {@link receiveMessage} did. */
export interface ReceivedMessage {
  message: MessageRecord;
  /** True when an earlier request with the same key recorded it; nothing new was written. */
  replayed: boolean;
}

/**
 * Records an inbound message to one of the platform's numbers and charges its owner's wallet at
 * once: segments × the inbound price of the sender's rate in the number's rate plan (free when
 * no rate matches). Accepting and charging are decided together under the wallet's row lock: the
 * message is written RECEIVED with its price held on the wallet, and the price is then posted
 * (kind SMS) with the release of that hold in one statement, so the posting cannot fail and a
 * crash between the two steps is finished by {@link postPendingMessageCharges}. A wallet that
 * cannot pay refuses the message and nothing is written: at zero balance a number no longer
 * receives SMS.
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN.
 * @throws NotFoundError ('Number') when no account holds `to`, or another account does.
 * @throws BadUserInputError (`to`, `from`, `body`, `idempotencyKey`).
 * @throws WalletSuspendedError when the wallet is suspended and has nothing available.
 * @throws InsufficientFundsError when the available balance does not cover the price.
 * @throws IdempotencyKeyReusedError when the key recorded another message to the number.
 */
export async function receiveMessage(em: EntityManager, deps: ServiceDeps, options: ReceiveMessageOptions): Promise<ReceivedMessage> {
  requireRole(options.principal, MESSAGE_RECEIVE_ROLES, 'receive messages');
  const idempotencyKey = validateIdempotencyKey(options.idempotencyKey, deps.config.idempotencyKeyLengthMax);
  if (!isE164(options.to)) throw new BadUserInputError('to', 'to must be an E.164 number such as "+447700900123"');
  const from = validateSender('from', options.from);
  const body = validateBody('body', options.body);
  const number = await selectReceivingNumber.maybeOne(em, { number: options.to, accountId: tenantScope(options.principal) });
  if (!number) throw new NotFoundError('Number', options.to);
  const request = { from, to: options.to, body };
  if (idempotencyKey !== null) {
    const earlier = await findMessagesByKey(em, number.account_id, idempotencyKey);
    const replayed = replayReceive(earlier, request, idempotencyKey);
    // A replay also finishes a posting that a crash interrupted.
    if (replayed) return { ...replayed, message: await postMessageCharge(em, deps, replayed.message, options.principal.actor) };
  }
  const ratePlan = await findRatePlan(em, number.rate_plan_id);
  const shape = shapeOf(body);
  const { ratePrefix, priceMicros } = priceInbound(ratePlan.rates, from, shape.segments);
  const nowMs = deps.clock.now();
  const outcome = await transaction(em, async (tx): Promise<{ received: MessageRecord } | { earlier: MessageRecord[] }> => {
    if (idempotencyKey !== null) {
      const earlier = await lockMessagesOfKey(tx, number.account_id, idempotencyKey);
      if (earlier.length > 0) return { earlier };
    }
    // Lock order everywhere: calls and messages, wallets, campaigns, accounts.
    const wallet = await lockWalletCredit.maybeOne(tx, { walletId: number.wallet_id });
    assert(wallet, "a number's wallet exists: wallets are never deleted");
    const available = availableMicros({ balanceMicros: BigInt(wallet.balance_micros), reservedMicros: BigInt(wallet.reserved_micros) });
    const currency = wallet.currency.trim();
    if (wallet.status === 'SUSPENDED' && available <= 0n) throw new WalletSuspendedError(number.wallet_id);
    if (available < priceMicros) {
      throw new InsufficientFundsError(
        `Insufficient funds to receive an SMS on ${options.to}: ${formatMoney(priceMicros)} ${currency} requested, ${formatMoney(available)} ${currency} available`,
        { available: formatMoney(available), requested: formatMoney(priceMicros), currency },
      );
    }
    const row = await insertInboundMessage.one(tx, {
      id: randomUUID(),
      accountId: number.account_id,
      walletId: number.wallet_id,
      batchId: randomUUID(),
      from,
      to: options.to,
      body,
      encoding: shape.encoding,
      segments: shape.segments,
      ratePrefix,
      priceMicros,
      finalizedAt: iso(nowMs),
      idempotencyKey,
    });
    // Held until the posting below debits it and releases the hold in the same statement.
    await reserveCredit(tx, { walletId: number.wallet_id, amountMicros: priceMicros });
    return { received: toMessageRecord(row) };
  });
  if ('earlier' in outcome) {
    // A concurrent request with the same key committed first: answer as its replay.
    const replayed = replayReceive(outcome.earlier, request, idempotencyKey!);
    assert(replayed, 'a key that recorded something replays or is refused');
    return { ...replayed, message: await postMessageCharge(em, deps, replayed.message, options.principal.actor) };
  }
  deps.committed();
  return { message: await postMessageCharge(em, deps, outcome.received, options.principal.actor), replayed: false };
}

/**
 * The message the key recorded when it was this very message (same number, sender and body), or
 * undefined when the key recorded nothing yet.
 * @throws IdempotencyKeyReusedError when the key recorded anything else (keys are per account, shared with sendMessage).
 */
function replayReceive(
  earlier: MessageRecord[],
  request: { from: string; to: string; body: string },
  key: string,
): ReceivedMessage | undefined {
  if (earlier.length === 0) return undefined;
  const [message] = earlier;
  if (
    earlier.length !== 1 ||
    message!.direction !== MessageDirection.INBOUND ||
    message!.to !== request.to ||
    message!.from !== request.from ||
    message!.body !== request.body
  ) {
    throw new IdempotencyKeyReusedError(key);
  }
  return { message: message!, replayed: true };
}
