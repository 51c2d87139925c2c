/**
 * The storm's mixed operations through the public GraphQL API, on Zipf-skewed wallets (a few hot,
 * many cold): charges, recordUsage batches, top-ups with test cards (3-D Secure passed and failed,
 * declines), adjustments, grants, refunds of unused credit, calls started and ended, messages sent
 * and reported delivered or failed, number purchases. Every operation that takes an idempotency
 * key gets one of its own, kept across its retries; what each acknowledged operation returned is
 * recorded so that the final checks can find it in the books.
 */
import type { StripeSandbox } from '../../server/stripe-sandbox/stripe-sandbox.js';
import type { ApiClient, Outcome } from './api-client.js';
import type { SwitchSimulator } from './switch.js';

/** A storm wallet: its account's OWNER key and its running campaign. */
export interface StormWallet {
  index: number;
  accountId: string;
  walletId: string;
  ownerKey: string;
  campaignId: string;
  /** Active calls started by the storm and put through by the switch, not yet hung up by the storm (the switch may have hung some up at their grant). */
  activeCallIds: string[];
  /** Held messages the storm has not reported yet. */
  heldMessageIds: string[];
  /** The campaign was refused a call for funds or budget: the next call resumes it first. */
  campaignStopped: boolean;
  /** A card top-up succeeded on this wallet: a refund of unused credit may find something to refund. */
  toppedUp: boolean;
}

/** The kinds of operation, with their relative weights in the mix. */
export const OPERATION_WEIGHTS = {
  charge: 30,
  usageBatch: 10,
  topUp: 8,
  adjustment: 4,
  grant: 4,
  refund: 2,
  callStart: 10,
  callEnd: 9,
  messageSend: 10,
  messageReport: 8,
  numberPurchase: 3,
} as const;
export type OperationKind = keyof typeof OPERATION_WEIGHTS | 'campaignResume';

/** What one storm operation did, for the books check. */
export interface OperationRecord {
  kind: OperationKind;
  walletId: string;
  /** The idempotency key it carried (undefined: the operation takes none). */
  key?: string;
  outcome: Outcome['kind'];
  /** The refusal's error code. */
  code?: string;
  /** The refusal's message. */
  message?: string;
  attempts: number;
  /** How long the client waited for its answer, retries included, in ms. */
  durationMs: number;
  /** Ids it returned, by table: they must be in the books when it was acknowledged. */
  ids: { table: 'wallet_transaction' | 'top_up' | 'call' | 'message' | 'phone_number'; id: string }[];
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same storm plan. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Draws wallet indexes 0..count-1 with Zipf weights 1/(i+1)^exponent: wallet 0 is the hottest. */
export function zipfSampler(count: number, exponent: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let index = 0; index < count; index++) {
    total += 1 / (index + 1) ** exponent;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

const KINDS = Object.keys(OPERATION_WEIGHTS) as (keyof typeof OPERATION_WEIGHTS)[];
const WEIGHT_TOTAL = KINDS.reduce((sum, kind) => sum + OPERATION_WEIGHTS[kind], 0);

/** Draws an operation kind by {@link OPERATION_WEIGHTS}. */
export function drawKind(random: () => number): keyof typeof OPERATION_WEIGHTS {
  let target = random() * WEIGHT_TOTAL;
  for (const kind of KINDS) {
    target -= OPERATION_WEIGHTS[kind];
    if (target < 0) return kind;
  }
  return 'charge';
}

/** A decimal money string with 2 decimals from a whole number of cents. */
const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

const CHARGE = 'mutation C($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';
const USAGE =
  'mutation U($input: RecordUsageInput!) { recordUsage(input: $input) { results { status transaction { id } error { code } } } }';
const TOP_UP = 'mutation T($input: TopUpInput!) { topUp(input: $input) { topUp { id status paymentIntentId } } }';
const ADJUST = 'mutation A($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }';
const GRANT = 'mutation G($input: GrantCreditInput!) { grantCredit(input: $input) { transaction { id } } }';
const REFUND = 'mutation R($input: RefundUnusedCreditInput!) { refundUnusedCredit(input: $input) { transaction { id } } }';
const START_CALL = 'mutation S($input: StartCallInput!) { startCall(input: $input) { call { id status fundedUntil } } }';
const RESUME = 'mutation R($id: ID!) { startCampaign(id: $id) { campaign { status } } }';
const SEND = 'mutation M($input: SendMessageInput!) { sendMessage(input: $input) { messages { id status } } }';
const REPORT = 'mutation D($input: ReportMessageDeliveryInput!) { reportMessageDelivery(input: $input) { message { id status } } }';
const PURCHASE = 'mutation N($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }';

/** Test cards and their shares of the storm's top-ups. */
const CARDS: { id: string; share: number; authenticate?: 'succeed' | 'fail' }[] = [
  { id: 'pm_card_visa', share: 0.45 },
  { id: 'pm_card_authenticationRequired', share: 0.15, authenticate: 'succeed' },
  { id: 'pm_card_authenticationRequired', share: 0.1, authenticate: 'fail' },
  { id: 'pm_card_chargeDeclined', share: 0.15 },
  { id: 'pm_card_chargeDeclinedInsufficientFunds', share: 0.15 },
];

/** The card whose share of {@link CARDS} holds `draw` (0..1). */
function pickCard(draw: number): (typeof CARDS)[number] {
  let left = draw;
  for (const card of CARDS) {
    left -= card.share;
    if (left < 0) return card;
  }
  return CARDS[0]!;
}

/** What the operations need besides the wallet. */
export interface OperationContext {
  api: ApiClient;
  adminToken: string;
  ratePlanId: string;
  sandbox: StripeSandbox;
  /** A unique string for this run's keys and numbers. */
  runId: string;
  /** The switch that carries the storm's calls: it hangs each up at its grant, or when the storm's party does. */
  switch: SwitchSimulator;
}

function record(kind: OperationKind, wallet: StormWallet, outcome: Outcome, key?: string): OperationRecord {
  return {
    kind,
    walletId: wallet.walletId,
    key,
    outcome: outcome.kind,
    code: outcome.kind === 'refused' ? outcome.code : undefined,
    message: outcome.kind === 'refused' ? outcome.message : undefined,
    attempts: outcome.attempts,
    durationMs: outcome.durationMs,
    ids: [],
  };
}

/**
 * Runs operation number `sequence` of kind `kind` on `wallet` and returns what it did (one or two
 * records: a call refused for a stopped campaign resumes the campaign).
 */
export async function runOperation(
  context: OperationContext,
  kind: keyof typeof OPERATION_WEIGHTS,
  wallet: StormWallet,
  sequence: number,
  random: () => number,
): Promise<OperationRecord[]> {
  const { api, adminToken } = context;
  const key = `${context.runId}-${sequence}`;
  switch (kind) {
    case 'charge': {
      const input = {
        walletId: wallet.walletId,
        amount: money(1 + Math.floor(random() * 150)),
        description: `chaos ${key}`,
        idempotencyKey: key,
      };
      const outcome = await api.run(wallet.ownerKey, CHARGE, { input });
      const result = record(kind, wallet, outcome, key);
      if (outcome.kind === 'ok') result.ids.push({ table: 'wallet_transaction', id: outcome.data.charge.transaction.id });
      return [result];
    }
    case 'usageBatch': {
      const size = 5 + Math.floor(random() * 16);
      const events = Array.from({ length: size }, (_, index) => ({
        walletId: wallet.walletId,
        amount: money(1 + Math.floor(random() * 20)),
        description: `chaos ${key}.${index}`,
        idempotencyKey: `${key}.${index}`,
      }));
      const outcome = await api.run(wallet.ownerKey, USAGE, { input: { events } });
      const result = record(kind, wallet, outcome, key);
      if (outcome.kind === 'ok') {
        for (const event of outcome.data.recordUsage.results as { status: string; transaction: { id: string } | null }[]) {
          if (event.transaction) result.ids.push({ table: 'wallet_transaction', id: event.transaction.id });
        }
      }
      return [result];
    }
    case 'topUp': {
      const card = pickCard(random());
      const input = {
        walletId: wallet.walletId,
        amount: String(10 + Math.floor(random() * 41)),
        paymentMethodId: card.id,
        idempotencyKey: key,
      };
      const outcome = await api.run(wallet.ownerKey, TOP_UP, { input });
      const result = record(kind, wallet, outcome, key);
      if (outcome.kind === 'ok') {
        const topUp = outcome.data.topUp.topUp as { id: string; status: string; paymentIntentId: string | null };
        result.ids.push({ table: 'top_up', id: topUp.id });
        if (topUp.status === 'REQUIRES_ACTION' && card.authenticate && topUp.paymentIntentId) {
          // The customer passes (or fails) the 3-D Secure challenge; Stripe then tells the server by webhook.
          await context.sandbox.authenticate(topUp.paymentIntentId, card.authenticate).catch(() => {});
        }
        if (card.id === 'pm_card_visa' || card.authenticate === 'succeed') wallet.toppedUp = true;
      }
      return [result];
    }
    case 'adjustment': {
      // Mostly credits; a small debit now and then (refused when the wallet cannot cover it).
      const credit = random() < 0.8;
      const amount = credit ? money(100 + Math.floor(random() * 1_900)) : `-${money(1 + Math.floor(random() * 100))}`;
      const input = { walletId: wallet.walletId, amount, reason: `chaos ${key}`, idempotencyKey: key };
      const outcome = await api.run(adminToken, ADJUST, { input });
      const result = record(kind, wallet, outcome, key);
      if (outcome.kind === 'ok') result.ids.push({ table: 'wallet_transaction', id: outcome.data.adjustWallet.transaction.id });
      return [result];
    }
    case 'grant': {
      const input = {
        walletId: wallet.walletId,
        amount: money(100 + Math.floor(random() * 900)),
        reason: `chaos ${key}`,
        idempotencyKey: key,
      };
      const outcome = await api.run(adminToken, GRANT, { input });
      const result = record(kind, wallet, outcome, key);
      if (outcome.kind === 'ok') result.ids.push({ table: 'wallet_transaction', id: outcome.data.grantCredit.transaction.id });
      return [result];
    }
    case 'refund': {
      if (!wallet.toppedUp) return runOperation(context, 'charge', wallet, sequence, random);
      const input = {
        walletId: wallet.walletId,
        amount: money(100 + Math.floor(random() * 400)),
        reason: `chaos ${key}`,
        idempotencyKey: key,
      };
      const outcome = await api.run(adminToken, REFUND, { input });
      const result = record(kind, wallet, outcome, key);
      if (outcome.kind === 'ok') result.ids.push({ table: 'wallet_transaction', id: outcome.data.refundUnusedCredit.transaction.id });
      return [result];
    }
    case 'callStart': {
      const records: OperationRecord[] = [];
      if (wallet.campaignStopped) {
        const resumed = await api.run(wallet.ownerKey, RESUME, { id: wallet.campaignId });
        records.push(record('campaignResume', wallet, resumed));
        if (resumed.kind === 'ok') wallet.campaignStopped = false;
      }
      const to = `+1212${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
      const outcome = await api.run(wallet.ownerKey, START_CALL, { input: { campaignId: wallet.campaignId, to, idempotencyKey: key } });
      const result = record(kind, wallet, outcome, key);
      records.push(result);
      if (outcome.kind === 'ok') {
        const call = outcome.data.startCall.call as { id: string; status: string; fundedUntil: string | null };
        result.ids.push({ table: 'call', id: call.id });
        if (call.status === 'ACTIVE') {
          context.switch.connect(call.id, wallet.ownerKey, call.fundedUntil!);
          wallet.activeCallIds.push(call.id);
        } else wallet.campaignStopped = true;
      } else if (outcome.kind === 'refused' && outcome.code === 'CAMPAIGN_NOT_RUNNING') {
        wallet.campaignStopped = true;
      }
      return records;
    }
    case 'callEnd': {
      // A party hangs up a call the switch still has up (those it hung up at their grant are its own to end).
      while (wallet.activeCallIds.length > 0 && !context.switch.isUp(wallet.activeCallIds[0]!)) wallet.activeCallIds.shift();
      const callId = wallet.activeCallIds.shift();
      if (!callId) return runOperation(context, 'callStart', wallet, sequence, random);
      const outcome = await context.switch.hangUp(callId);
      return [record(kind, wallet, outcome)];
    }
    case 'messageSend': {
      const recipients = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => `+4477009${String(Math.floor(random() * 100_000)).padStart(5, '0')}`,
      );
      const body = random() < 0.2 ? 'Storm test ✓ message with a non-GSM character' : `Storm test message ${key}`;
      const input = {
        walletId: wallet.walletId,
        campaignId: wallet.campaignId,
        from: '+15550001111',
        to: recipients,
        body,
        idempotencyKey: key,
      };
      const outcome = await api.run(wallet.ownerKey, SEND, { input });
      const result = record(kind, wallet, outcome, key);
      if (outcome.kind === 'ok') {
        for (const message of outcome.data.sendMessage.messages as { id: string; status: string }[]) {
          result.ids.push({ table: 'message', id: message.id });
          if (message.status === 'PENDING') wallet.heldMessageIds.push(message.id);
        }
      }
      return [result];
    }
    case 'messageReport': {
      const messageId = wallet.heldMessageIds.shift();
      if (!messageId) return runOperation(context, 'messageSend', wallet, sequence, random);
      const status = random() < 0.75 ? 'DELIVERED' : 'FAILED';
      const outcome = await api.run(wallet.ownerKey, REPORT, { input: { messageId, status } });
      return [record(kind, wallet, outcome)];
    }
    case 'numberPurchase': {
      const number = `+1555${String(sequence % 10_000_000).padStart(7, '0')}`;
      const input = { walletId: wallet.walletId, ratePlanId: context.ratePlanId, number, idempotencyKey: key };
      const outcome = await api.run(wallet.ownerKey, PURCHASE, { input });
      const result = record(kind, wallet, outcome, key);
      if (outcome.kind === 'ok') result.ids.push({ table: 'phone_number', id: outcome.data.purchaseNumber.phoneNumber.id });
      return [result];
    }
  }
}

/**
 * Hangs up every call the switch still has up (clean-up before the checks; not counted as storm
 * operations) and waits until every endCall the switch sent, these and those of calls it hung up at
 * their grant, is acknowledged.
 */
export async function endRemainingCalls(context: OperationContext, wallets: StormWallet[]): Promise<OperationRecord[]> {
  const records: OperationRecord[] = [];
  for (const wallet of wallets) {
    for (const callId of wallet.activeCallIds.splice(0)) {
      if (!context.switch.isUp(callId)) continue;
      const outcome = await context.switch.hangUp(callId);
      records.push(record('callEnd', wallet, outcome));
    }
  }
  await context.switch.endAll();
  return records;
}
