import type { EntityManager } from '@mikro-orm/postgresql';
import { onlyOutcome } from '../../database/transaction-batcher.js';
import { assert, BadUserInputError, IdempotencyKeyReusedError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { findCampaign } from '../campaigns/campaign.service.js';
import { findRatePlan } from '../rating/rate-plan.service.js';
import type { ServiceDeps } from '../service-deps.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { validateCampaignId, validateIdempotencyKey } from '../wallets/validate-input.js';
import { type HeldMessages, holdMessages, type MessageHold } from './hold-messages.js';
import { findMessagesByKey } from './message-idempotency.js';
import { isSenderId, priceRecipients, shapeOf, validateBody, validateRecipients, validateSender } from './message-input.js';
import { requireApprovedSenderId } from '../sender-ids/find-sender-ids.service.js';
import { iso, MessageDirection, type MessageRecord } from './message-record.js';
import { requireVerifiedAccount } from '../users/require-verified-email.js';

/** Roles that send messages: an integrator's platform, or the owner (and the operator). */
export const MESSAGE_SEND_ROLES = [Role.OWNER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/** Options of {@link sendMessage}. */
export interface SendMessageOptions {
  principal: Principal;
  walletId: string;
  /** The campaign the messages belong to: its rate plan prices them and its budget caps them. */
  campaignId?: string | null;
  /** The rate plan that prices the messages when there is no campaign (a wallet has no plan of its own). */
  ratePlanId?: string | null;
  /** E.164 number or alphanumeric sender id. */
  from: string;
  /** E.164 recipients, one message each. */
  to: readonly string[];
  body: string;
  idempotencyKey?: string | null;
}

/** What {@link sendMessage} did. */
export interface SentMessages {
  /** One per recipient, in the order of the request's `to`. */
  messages: MessageRecord[];
  /** Put on hold at send: the sum of the messages' prices. */
  heldMicros: bigint;
  /** True when an earlier request with the same idempotency key sent these; nothing new was written. */
  replayed: boolean;
}

/**
 * Sends one message per recipient, all or nothing: prices each (segments of the body × the SMS
 * price of the recipient's longest-prefix rate) and, in one transaction under the wallet's row
 * lock (then the campaign's), holds the total on the wallet (`reserved`) and on the campaign
 * (`committed`). Concurrent requests share that transaction through the app's batcher
 * ({@link holdMessages}): decided in arrival order against the running balance, each exactly as alone. Nothing is charged yet: a message's hold is captured when its delivery report
 * says DELIVERED, and released when it FAILED or EXPIRED. Free destinations are sent with a hold
 * of 0. The same idempotency key with the same request returns the same messages.
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN.
 * @throws NotFoundError for an unknown or foreign wallet, campaign or rate plan.
 * @throws BadUserInputError (`body`, `from`, `to`, `to.N` — not E.164, twice, or no SMS price —,
 * `campaignId` of another wallet, `ratePlanId` missing, of another currency or not the campaign's,
 * `idempotencyKey`).
 * @throws SenderIdNotApprovedError when `from` is an alphanumeric sender ID the account has not had approved (or it was cancelled).
 * @throws CampaignNotRunningError. @throws WalletSuspendedError when the wallet is suspended and has nothing available.
 * @throws InsufficientFundsError when the available balance does not cover the total, or
 * (`extensions.reason` BUDGET_REACHED) the campaign's budget does not; nothing is written and the
 * campaign keeps running. @throws SpendCapReachedError when a daily or monthly spend cap of the account
 * (in the wallet's currency) or of the wallet does not allow the total; nothing is written.
 * @throws IdempotencyKeyReusedError when the key sent another request.
 */
export async function sendMessage(em: EntityManager, deps: ServiceDeps, options: SendMessageOptions): Promise<SentMessages> {
  const prepared = await prepareSend(em, deps, options);
  if ('replayed' in prepared) return prepared.replayed;
  const { hold, request } = prepared;
  // Concurrent sends share one transaction (in arrival order, each checked against the running
  // balance) through the app's batcher; without one, this request holds alone.
  const outcome = deps.messageHolds ? await deps.messageHolds.execute(hold) : onlyOutcome(await holdMessages(em, deps, [hold]));
  // A concurrent request with the same key committed first: answer as its replay.
  if ('earlier' in outcome) return replaySend(outcome.earlier, request, hold.idempotencyKey!);
  return { messages: inRequestOrder(outcome.sent, request.to), heldMicros: hold.totalMicros, replayed: false };
}

/** A sendMessage request checked and priced, ready to hold; or its replay, answered without a transaction. */
export type PreparedSend = { replayed: SentMessages } | { hold: MessageHold; request: ReplayableRequest };

/**
 * The read half of {@link sendMessage}: validates the request, checks who may send from which wallet,
 * campaign and sender, answers a replay of a key already used, and prices every recipient; locks
 * nothing. @throws what sendMessage throws before it holds.
 */
export async function prepareSend(em: EntityManager, deps: ServiceDeps, options: SendMessageOptions): Promise<PreparedSend> {
  requireRole(options.principal, MESSAGE_SEND_ROLES, 'send messages');
  const idempotencyKey = validateIdempotencyKey(options.idempotencyKey, deps.config.idempotencyKeyLengthMax);
  const body = validateBody('body', options.body);
  const from = validateSender('from', options.from);
  const to = validateRecipients(options.to, deps.config.messageRecipientsMax);
  const campaignId = validateCampaignId(options.campaignId);
  const wallet = await findWallet(em, { principal: options.principal, walletId: options.walletId });
  await requireVerifiedAccount(em, wallet.accountId);
  const campaign = campaignId === null ? null : await findCampaign(em, options.principal, campaignId);
  if (campaign !== null && campaign.walletId !== wallet.id) {
    throw new BadUserInputError('campaignId', 'The campaign spends from another wallet');
  }
  const request: ReplayableRequest = { walletId: wallet.id, campaignId: campaign?.id ?? null, from, to, body };
  if (idempotencyKey !== null) {
    const earlier = await findMessagesByKey(em, wallet.accountId, idempotencyKey);
    if (earlier.length > 0) return { replayed: replaySend(earlier, request, idempotencyKey) };
  }
  // An alphanumeric sender is the account's registered, approved (and paid) sender ID, or the message is refused.
  if (isSenderId(from)) await requireApprovedSenderId(em, wallet.accountId, from);
  const ratePlanId = resolveRatePlanId(options.ratePlanId, campaign?.ratePlanId ?? null);
  const ratePlan = await findRatePlan(em, ratePlanId);
  const currency = wallet.currency.trim();
  if (ratePlan.currency !== currency) {
    throw new BadUserInputError('ratePlanId', `Rate plan is in ${ratePlan.currency}, the wallet in ${currency}`);
  }
  const shape = shapeOf(body);
  const priced = priceRecipients(ratePlan.rates, ratePlan.name, to, shape.segments);
  const totalMicros = priced.reduce((sum, recipient) => sum + recipient.priceMicros, 0n);
  const sentAtMs = deps.clock.now();
  const expiresAt = iso(sentAtMs + deps.config.messageHoldTtlMs);
  const hold: MessageHold = {
    accountId: wallet.accountId,
    walletId: wallet.id,
    campaignId: campaign?.id ?? null,
    currency,
    from,
    body,
    shape,
    priced,
    totalMicros,
    sentAtMs,
    expiresAt,
    idempotencyKey,
  };
  return { hold, request };
}

/**
 * The rate plan that prices the messages: the campaign's, or the one given when there is no
 * campaign. Naming another plan than the campaign's is refused rather than silently ignored.
 * @throws BadUserInputError (`ratePlanId`).
 */
function resolveRatePlanId(given: string | null | undefined, campaignRatePlanId: string | null): string {
  const ratePlanId = given ?? null;
  if (campaignRatePlanId !== null) {
    if (ratePlanId !== null && ratePlanId.toLowerCase() !== campaignRatePlanId.toLowerCase()) {
      throw new BadUserInputError(
        'ratePlanId',
        "Messages of a campaign are priced by the campaign's rate plan: omit ratePlanId or give that one",
      );
    }
    return campaignRatePlanId;
  }
  if (ratePlanId === null) throw new BadUserInputError('ratePlanId', 'ratePlanId is required when no campaignId is given');
  return ratePlanId;
}

/** What a replay must match: the request as the messages recorded it. */
export interface ReplayableRequest {
  walletId: string;
  campaignId: string | null;
  from: string;
  to: readonly string[];
  body: string;
}

/**
 * The messages an idempotency key sent, when they were the same request (same wallet, campaign,
 * sender, body and recipients — in any order; the rate plan is not recorded, the prices are),
 * in the order of this request's `to`.
 * @throws IdempotencyKeyReusedError otherwise, and when the key was used by an inbound message.
 */
function replaySend(earlier: MessageRecord[], request: ReplayableRequest, key: string): SentMessages {
  const same =
    earlier.length === request.to.length &&
    earlier.every(
      (message) =>
        message.direction === MessageDirection.OUTBOUND &&
        message.walletId === request.walletId &&
        message.campaignId === request.campaignId &&
        message.from === request.from &&
        message.body === request.body,
    ) &&
    new Set(earlier.map((message) => message.batchId)).size === 1 &&
    request.to.every((recipient) => earlier.some((message) => message.to === recipient));
  if (!same) throw new IdempotencyKeyReusedError(key);
  const messages = inRequestOrder(earlier, request.to);
  return { messages, heldMicros: messages.reduce((sum, message) => sum + message.priceMicros, 0n), replayed: true };
}

function inRequestOrder(messages: MessageRecord[], to: readonly string[]): MessageRecord[] {
  const byRecipient = new Map(messages.map((message) => [message.to, message]));
  return to.map((recipient) => {
    const message = byRecipient.get(recipient);
    assert(message, 'every recipient of a sent request has its message');
    return message;
  });
}
