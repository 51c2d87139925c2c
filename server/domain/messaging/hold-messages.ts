/**
 * The write half of sendMessage: holding the price of one or many priced requests on their wallets
 * (and campaigns, and spend caps) in ONE transaction, in the order given. Concurrent sends on one
 * wallet share it through {@link MessageHoldBatcher} (group commit), where each used to hold the
 * wallet's row lock across ~8 round trips of its own.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pipelinedTransaction } from '../../database/sql.js';
import { type MemberOutcome, TransactionBatcher } from '../../database/transaction-batcher.js';
import { assert, CampaignNotRunningError, DomainError, InsufficientFundsError, WalletSuspendedError } from '../../errors.js';
import { CampaignStatus } from '../campaigns/campaign-record.js';
import type { ServiceDeps } from '../service-deps.js';
import { publishSpendCapReached } from '../spend-caps/spend-cap-alerts.js';
import type { CapRefusal } from '../spend-caps/spend-cap-book.js';
import { SpendCapBook } from '../spend-caps/spend-cap-book.js';
import { spendCapReachedError } from '../spend-caps/spend-cap-refusal.js';
import { availableMicros, changeReservedCredit } from '../wallets/credit.js';
import { formatMoney } from '../wallets/money.js';
import type { BodyShape, PricedRecipient } from './message-input.js';
import { toMessageRecord, type MessageRecord } from './message-record.js';
import {
  commitCampaignsCreditWithEvents,
  insertOutboundMessageBatch,
  lockCampaignsOfSends,
  lockMessageKeys,
  lockWalletsCredit,
  selectMessagesOfKeys,
} from './messaging.queries.js';

/** One sendMessage request, validated and priced: what holding it needs. */
export interface MessageHold {
  accountId: string;
  walletId: string;
  /** The campaign whose budget caps the request and whose `committed` it raises; null: none. */
  campaignId: string | null;
  /** The wallet's currency (for the refusals' texts). */
  currency: string;
  from: string;
  body: string;
  shape: BodyShape;
  /** One per recipient, in the request's order. */
  priced: readonly PricedRecipient[];
  /** The sum of `priced`'s prices, in micros. */
  totalMicros: bigint;
  /** When the request was made, epoch milliseconds (the spend caps' current periods). */
  sentAtMs: number;
  /** When the holds expire, ISO 8601. */
  expiresAt: string;
  idempotencyKey: string | null;
}

/**
 * What holding a request did: its messages (one per row written, in no particular order), or what
 * its idempotency key had already recorded (the caller answers it as a replay, or refuses the reuse).
 */
export type HeldMessages = { sent: MessageRecord[] } | { earlier: MessageRecord[] };

/** The process's group commit of message holds: concurrent sends on a wallet share one transaction. */
export type MessageHoldBatcher = TransactionBatcher<MessageHold, HeldMessages>;

/**
 * Makes the process's {@link MessageHoldBatcher}: a request goes alone at once while fewer than
 * `messageHoldBatchesInFlightMax` transactions run; otherwise, and while a running one holds its
 * wallet, it waits and leaves with everyone who came meanwhile (up to `messageHoldBatchSizeMax`
 * requests), in arrival order. Each batch forks its own EntityManager (its own pooled connection).
 */
export function createMessageHoldBatcher(
  em: EntityManager,
  deps: ServiceDeps,
  limits: Pick<Config, 'messageHoldBatchSizeMax' | 'messageHoldBatchesInFlightMax'>,
): MessageHoldBatcher {
  return new TransactionBatcher<MessageHold, HeldMessages>({
    batchSizeMax: limits.messageHoldBatchSizeMax,
    batchesInFlightMax: limits.messageHoldBatchesInFlightMax,
    // A batch locks its wallets from its first round trip to its commit: one batch per wallet at a
    // time, the next gathering the wallet's sends meanwhile instead of queueing on its row lock.
    keysOf: (hold) => [`wallet:${hold.walletId}`],
    runBatch: (holds) => holdMessages(em.fork(), deps, holds),
  });
}

/** A wallet of a batch: its credit as the batch decides, in micros. */
interface HoldWallet {
  balanceMicros: bigint;
  reservedMicros: bigint;
  deltaMicros: bigint;
  status: string;
}

/** A campaign of a batch: its budget and commitments as the batch decides. */
interface HoldCampaign {
  id: string;
  status: CampaignStatus;
  budgetMicros: bigint | null;
  committedMicros: bigint;
  deltaMicros: bigint;
  /** Requests that raised its commitments (each adds one to its version, as alone). */
  sends: number;
}

/** How a request of a batch was decided before anything is written. */
type Decision =
  | { kind: 'sent'; batchId: string; ids: string[] }
  | { kind: 'earlier'; messages: MessageRecord[] }
  /** Its key was used by an earlier request of this batch that is being sent: answered with that one's messages. */
  | { kind: 'sameKeyAs'; index: number }
  | { kind: 'refused'; error: DomainError };

const lockNameOf = (accountId: string, key: string) => `spendwire:message-key:${accountId}:${key}`;
const keyOf = (accountId: string, key: string) => `${accountId}\u0000${key}`;

/**
 * Holds many requests in ONE transaction sent in two round trips ({@link pipelinedTransaction}):
 * the first (with the begin) takes the requests' idempotency-key locks (in hash order), reads what
 * those keys recorded, and locks the wallets, their spend caps and the campaigns (each in id order);
 * the second (with the commit) writes every message, every wallet's and campaign's change, the caps,
 * the campaigns' outbox events and the spend-cap alerts. In between, each request is decided in the
 * order given against the running state of the rows it shares with the ones before it, exactly as it
 * would be alone after them: a key that already sent is answered with its messages; then the checks
 * of sendMessage in its order (campaign RUNNING, wallet not suspended with nothing available, the
 * available credit, the campaign's budget, the spend caps). A refused request writes nothing but the
 * alert of the cap that refused it, and later ones may still pass.
 * Throws what PostgreSQL throws (the whole batch rolled back); signals subscribers after commit.
 */
export async function holdMessages(
  em: EntityManager,
  deps: ServiceDeps,
  holds: readonly MessageHold[],
): Promise<MemberOutcome<HeldMessages>[]> {
  // One entry per (account, key): requests of a batch may share a key (each of its messages is read once).
  const keyed = [
    ...new Map(
      holds.flatMap((hold) => (hold.idempotencyKey === null ? [] : [[keyOf(hold.accountId, hold.idempotencyKey), hold] as const])),
    ).values(),
  ];
  const walletIds = [...new Set(holds.map((hold) => hold.walletId))].sort();
  const campaignIds = [...new Set(holds.flatMap((hold) => (hold.campaignId === null ? [] : [hold.campaignId])))].sort();
  const { outcomes, anySent } = await pipelinedTransaction(em, async (tx, roundTrip) => {
    // Lock order everywhere: idempotency keys, then calls and messages, wallets, spend caps,
    // campaigns, accounts. Each key's earlier messages are read after its lock is granted.
    const [, earlierRows, walletRows, caps, campaignRows] = await roundTrip(() => [
      keyed.length === 0
        ? Promise.resolve([])
        : lockMessageKeys.all(tx, { lockNames: keyed.map((hold) => lockNameOf(hold.accountId, hold.idempotencyKey!)) }),
      keyed.length === 0
        ? Promise.resolve([])
        : selectMessagesOfKeys.all(tx, {
            accountIds: keyed.map((hold) => hold.accountId),
            keys: keyed.map((hold) => hold.idempotencyKey!),
          }),
      lockWalletsCredit.all(tx, { walletIds }),
      SpendCapBook.lock(tx, walletIds, Math.max(...holds.map((hold) => hold.sentAtMs))),
      campaignIds.length === 0 ? Promise.resolve([]) : lockCampaignsOfSends.all(tx, { campaignIds }),
    ]);
    const earlierByKey = new Map<string, MessageRecord[]>();
    for (const row of earlierRows) {
      const key = keyOf(row.account_id, row.idempotency_key!);
      const list = earlierByKey.get(key) ?? [];
      list.push(toMessageRecord(row));
      earlierByKey.set(key, list);
    }
    const wallets = new Map<string, HoldWallet>();
    for (const row of walletRows) {
      wallets.set(row.id, {
        balanceMicros: BigInt(row.balance_micros),
        reservedMicros: BigInt(row.reserved_micros),
        deltaMicros: 0n,
        status: row.status,
      });
    }
    const campaigns = new Map<string, HoldCampaign>();
    for (const row of campaignRows) {
      campaigns.set(row.id, {
        id: row.id,
        status: row.status,
        budgetMicros: row.budget_micros === null ? null : BigInt(row.budget_micros),
        committedMicros: BigInt(row.committed_micros),
        deltaMicros: 0n,
        sends: 0,
      });
    }

    // Each request in order, against the running state of the rows it shares with the ones before it.
    const sentByKey = new Map<string, number>();
    const capRefusals: CapRefusal[] = [];
    const decisions = holds.map((hold, index): Decision => {
      if (hold.idempotencyKey !== null) {
        const key = keyOf(hold.accountId, hold.idempotencyKey);
        const earlier = earlierByKey.get(key);
        if (earlier !== undefined) return { kind: 'earlier', messages: earlier };
        // Alone, this request would wait for the key's lock until that one committed, then see its messages.
        const sameKey = sentByKey.get(key);
        if (sameKey !== undefined) return { kind: 'sameKeyAs', index: sameKey };
      }
      try {
        decideHold(hold, wallets, campaigns, caps, capRefusals);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { kind: 'refused', error };
      }
      if (hold.idempotencyKey !== null) sentByKey.set(keyOf(hold.accountId, hold.idempotencyKey), index);
      return { kind: 'sent', batchId: randomUUID(), ids: hold.priced.map(() => randomUUID()) };
    });

    const sent = holds.flatMap((hold, index) => {
      const decision = decisions[index]!;
      return decision.kind === 'sent' ? [{ hold, decision }] : [];
    });
    const changedCampaigns = [...campaigns.values()].filter((campaign) => campaign.sends > 0);
    // Every write in one round trip with the commit.
    const [rows] = await roundTrip(
      () => [
        sent.length === 0 ? Promise.resolve([]) : insertOutboundMessageBatch.all(tx, insertParams(sent)),
        changeReservedCredit(
          tx,
          [...wallets.entries()].map(([walletId, wallet]) => ({ walletId, deltaMicros: wallet.deltaMicros })),
        ),
        caps.write(tx),
        changedCampaigns.length === 0
          ? Promise.resolve(0)
          : commitCampaignsCreditWithEvents.run(tx, {
              ids: changedCampaigns.map((campaign) => campaign.id),
              amountsMicros: changedCampaigns.map((campaign) => campaign.deltaMicros.toString()),
              sends: changedCampaigns.map((campaign) => campaign.sends),
            }),
        // Refused by a spend cap: nothing of the request is written but the alert's cause.
        ...capRefusals.map((refusal) => publishSpendCapReached(tx, refusal)),
      ],
      { commit: true },
    );
    const byBatch = new Map<string, MessageRecord[]>();
    for (const row of rows) {
      const list = byBatch.get(row.batch_id) ?? [];
      list.push(toMessageRecord(row));
      byBatch.set(row.batch_id, list);
    }
    const messagesOf = (decision: Decision & { kind: 'sent' }) => {
      const messages = byBatch.get(decision.batchId);
      assert(messages && messages.length === decision.ids.length, 'every message of a sent request was written');
      return messages;
    };
    const outcomes = decisions.map((decision): MemberOutcome<HeldMessages> => {
      switch (decision.kind) {
        case 'sent':
          return { ok: true, value: { sent: messagesOf(decision) } };
        case 'earlier':
          return { ok: true, value: { earlier: decision.messages } };
        case 'sameKeyAs': {
          const first = decisions[decision.index]!;
          assert(first.kind === 'sent', 'a request shares its key with a sent one');
          return { ok: true, value: { earlier: messagesOf(first) } };
        }
        default:
          return { ok: false, error: decision.error };
      }
    });
    return { outcomes, anySent: sent.length > 0 };
  });
  if (anySent) deps.committed();
  return outcomes;
}

/**
 * Decides one request against the batch's running state and counts it there (nothing is written
 * yet); the checks and their order are sendMessage's.
 * @throws CampaignNotRunningError, WalletSuspendedError, InsufficientFundsError (also with reason
 * BUDGET_REACHED), SpendCapReachedError (its refusal added to `capRefusals`), having counted nothing.
 */
function decideHold(
  hold: MessageHold,
  wallets: Map<string, HoldWallet>,
  campaigns: Map<string, HoldCampaign>,
  caps: SpendCapBook,
  capRefusals: CapRefusal[],
): void {
  const { totalMicros, currency } = hold;
  const wallet = wallets.get(hold.walletId);
  assert(wallet, 'a wallet found a moment ago still exists: wallets are never deleted');
  const campaign = hold.campaignId === null ? null : campaigns.get(hold.campaignId);
  assert(campaign !== undefined, 'a campaign found a moment ago still exists: campaigns are never deleted');
  if (campaign !== null && campaign.status !== CampaignStatus.RUNNING) throw new CampaignNotRunningError(campaign.id, campaign.status);
  const available = availableMicros({ balanceMicros: wallet.balanceMicros, reservedMicros: wallet.reservedMicros + wallet.deltaMicros });
  if (wallet.status === 'SUSPENDED' && available <= 0n) throw new WalletSuspendedError(hold.walletId);
  if (available < totalMicros) {
    throw new InsufficientFundsError(
      `Insufficient funds: ${formatMoney(totalMicros)} ${currency} requested for ${hold.priced.length} message(s), ${formatMoney(available)} ${currency} available`,
      { available: formatMoney(available), requested: formatMoney(totalMicros), currency },
    );
  }
  if (campaign !== null && campaign.budgetMicros !== null) {
    const committed = campaign.committedMicros + campaign.deltaMicros;
    if (committed + totalMicros > campaign.budgetMicros) {
      const left = campaign.budgetMicros - committed;
      throw new InsufficientFundsError(
        `Campaign budget reached: ${formatMoney(totalMicros)} ${currency} requested, ${formatMoney(left > 0n ? left : 0n)} ${currency} of the budget left`,
        {
          reason: 'BUDGET_REACHED',
          budget: formatMoney(campaign.budgetMicros),
          committed: formatMoney(committed),
          requested: formatMoney(totalMicros),
          currency,
        },
      );
    }
  }
  const capRefusal = caps.refusal(hold.walletId, totalMicros);
  if (capRefusal !== null) {
    capRefusals.push(capRefusal);
    throw spendCapReachedError(capRefusal, totalMicros);
  }
  caps.add(hold.walletId, totalMicros);
  wallet.deltaMicros += totalMicros;
  if (campaign !== null && totalMicros > 0n) {
    campaign.deltaMicros += totalMicros;
    campaign.sends += 1;
  }
}

/** The parameter arrays of {@link insertOutboundMessageBatch}: one element per message of every sent request. */
function insertParams(sent: readonly { hold: MessageHold; decision: Decision & { kind: 'sent' } }[]) {
  const messages = sent.flatMap(({ hold, decision }) =>
    hold.priced.map((recipient, index) => ({ hold, recipient, id: decision.ids[index]!, batchId: decision.batchId })),
  );
  const column = <T>(pick: (message: (typeof messages)[number]) => T) => messages.map(pick);
  return {
    ids: column((message) => message.id),
    accountIds: column((message) => message.hold.accountId),
    walletIds: column((message) => message.hold.walletId),
    campaignIds: column((message) => message.hold.campaignId),
    batchIds: column((message) => message.batchId),
    froms: column((message) => message.hold.from),
    bodies: column((message) => message.hold.body),
    encodings: column((message) => message.hold.shape.encoding),
    segments: column((message) => message.hold.shape.segments),
    expiresAts: column((message) => message.hold.expiresAt),
    idempotencyKeys: column((message) => message.hold.idempotencyKey),
    toNumbers: column((message) => message.recipient.to),
    ratePrefixes: column((message) => message.recipient.ratePrefix),
    pricesMicros: column((message) => message.recipient.priceMicros.toString()),
  };
}
