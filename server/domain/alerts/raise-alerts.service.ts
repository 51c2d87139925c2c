import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction, type Db, type SqlTransaction } from '../../database/sql.js';
import { consumeOutbox, type OutboxRecord } from '../outbox/outbox-consumer.js';
import { lockConsumer } from '../outbox/outbox.queries.js';
import { ALERT_SEVERITY, AlertKind, isAlertKind } from './alert-kinds.js';
import { balanceRangeIsQuiet, judgeBalanceMoves, type BalanceCrossing } from './low-balance.js';
import { formatMoneyForPeople } from '../wallets/money.js';
import { judgeSpendCaps } from '../spend-caps/spend-cap-alerts.js';
import { selectSpendCapUseOfAccounts } from '../spend-caps/spend-caps.queries.js';
import {
  countUnreportedStoppedCalls,
  ensureCampaignAlertStates,
  ensureWalletAlertStates,
  gatherStoppedCalls as gatherStoppedCallRows,
  insertAlertCause,
  insertAlertRows,
  lockCampaignAlertStates,
  lockWalletAlertStates,
  reportStoppedCalls,
  selectStoppedInboundCalls,
  selectTopUpsForAlerts,
  selectUnjudgedMoves,
  selectUnjudgedSpans,
  selectWalletCurrencies,
  updateCampaignAlertStates,
  updateWalletAlertStates,
  type BalanceMoveRow,
  type WalletAlertStateRow,
} from './alerts.queries.js';

/** The durable outbox consumer that raises alerts (its row lock also guards every alert insert). */
export const ALERTS_CONSUMER = 'alerts';

/** An alert about to be inserted. */
export interface NewAlert {
  kind: AlertKind;
  accountId: string;
  walletId?: string | null;
  campaignId?: string | null;
  currency?: string | null;
  thresholdMicros?: bigint | null;
  balanceMicros?: bigint | null;
  amountMicros?: bigint | null;
  callsStopped?: number | null;
  message: string;
  /** What makes two alerts the same: a second insert with this key is ignored. */
  dedupeKey: string;
  raisedAt: Date;
}

/**
 * The body of an `ALERT_CAUSE` outbox row: an alert a service decided on in its own transaction
 * (amounts as decimal strings of micro-units, since JSON has no bigint).
 */
export interface AlertCause {
  kind: AlertKind;
  walletId?: string | null;
  campaignId?: string | null;
  currency?: string | null;
  amountMicros?: string | null;
  balanceMicros?: string | null;
  message: string;
  dedupeKey: string;
}

/**
 * Writes an {@link AlertCause} to the outbox in the caller's transaction; the alert processor raises it.
 */
export async function publishAlertCause(db: Db, accountId: string, cause: AlertCause): Promise<void> {
  await insertAlertCause.run(db, { accountId, cause: JSON.stringify(cause) });
}

/**
 * Inserts alerts in order, skipping any whose dedupe key exists; returns how many were new. The
 * caller's transaction must hold the alerts consumer's row lock (see {@link lockAlertWriters}), so
 * alert ids stay in commit order.
 */
export async function insertAlerts(tx: SqlTransaction, alerts: readonly NewAlert[]): Promise<number> {
  if (alerts.length === 0) return 0;
  const inserted = await insertAlertRows.all(tx, {
    kinds: alerts.map((a) => a.kind),
    severities: alerts.map((a) => ALERT_SEVERITY[a.kind]),
    accountIds: alerts.map((a) => a.accountId),
    walletIds: alerts.map((a) => a.walletId ?? null),
    campaignIds: alerts.map((a) => a.campaignId ?? null),
    currencies: alerts.map((a) => a.currency?.trim() ?? null),
    thresholdsMicros: alerts.map((a) => a.thresholdMicros?.toString() ?? null),
    balancesMicros: alerts.map((a) => a.balanceMicros?.toString() ?? null),
    amountsMicros: alerts.map((a) => a.amountMicros?.toString() ?? null),
    callsStopped: alerts.map((a) => a.callsStopped ?? null),
    messages: alerts.map((a) => a.message),
    dedupeKeys: alerts.map((a) => a.dedupeKey),
    raisedAts: alerts.map((a) => a.raisedAt.toISOString()),
  });
  return inserted.length;
}

/** Takes the lock every alert writer holds until commit: the alerts consumer's (see {@link consumeOutbox}). */
export async function lockAlertWriters(tx: SqlTransaction): Promise<void> {
  await lockConsumer.run(tx, { name: ALERTS_CONSUMER });
}

/** What {@link raiseAlerts} needs. */
export interface RaiseAlertsDeps {
  /** Outbox rows per transaction. */
  batchSize: number;
  /** Percent of a threshold above it that the balance must climb before it re-arms. */
  rearmMarginPercent: number;
  /** How long after the first stop a CALLS_STOPPED alert waits for the campaign's other calls to stop, in milliseconds. */
  callsStoppedSettleMs: number;
  /** Percent of a spend cap at which SPEND_CAP_WARNING is raised. */
  spendCapWarningPercent: number;
}

/**
 * One pass of the alert processor: reads the outbox after its durable position and raises the
 * alerts its rows cause, exactly once, in the same transaction as the new position. Returns how
 * many alerts it raised. Safe to run in several processes at once (they take turns).
 */
export async function raiseAlerts(em: EntityManager, deps: RaiseAlertsDeps): Promise<number> {
  let raised = 0;
  await consumeOutbox(em, {
    name: ALERTS_CONSUMER,
    batchSize: deps.batchSize,
    handle: async (rows, tx) => {
      // Wallets before campaigns, the house's lock order: walletAlerts' writes take key-share locks
      // on wallets, gatherStoppedCalls' on campaigns. The other way round, startCall (holding its
      // wallet, then locking its campaign) and this pass deadlocked (seen once in CI).
      const ofWallets = await walletAlerts(tx, rows, deps.rearmMarginPercent);
      await gatherStoppedCalls(tx, rows);
      const alerts = [
        ...ofWallets,
        ...(await campaignAlerts(tx, rows)),
        ...(await inboundStoppedCallAlerts(tx, rows)),
        ...(await paymentAlerts(tx, rows)),
        ...causeAlerts(rows),
        ...(await spendCapAlerts(tx, rows, deps.spendCapWarningPercent)),
      ];
      raised += await insertAlerts(tx, alerts);
    },
  });
  // Stopped calls are reported once their stop is over, which may be a pass after the last row.
  const pending = await countUnreportedStoppedCalls.one(em);
  if (pending.n > 0) {
    raised += await transaction(em, async (tx) => {
      await lockAlertWriters(tx);
      return insertAlerts(tx, await stoppedCallAlerts(tx, deps.callsStoppedSettleMs));
    });
  }
  return raised;
}

/** Low balance, depletion, recovery and suspension of the wallets the rows touch. */
async function walletAlerts(tx: SqlTransaction, rows: readonly OutboxRecord[], rearmMarginPercent: number): Promise<NewAlert[]> {
  const walletIds = [
    ...new Set(
      rows.filter((r) => (r.type === 'WALLET_TRANSACTION' || r.type === 'WALLET_UPDATED') && r.wallet_id).map((r) => r.wallet_id!),
    ),
  ].sort();
  if (walletIds.length === 0) return [];
  await ensureWalletAlertStates.run(tx, { walletIds });
  const states = await lockWalletAlertStates.all(tx, { walletIds });
  // Most wallets' new transactions stay far from every threshold: for those the range of their
  // balances is enough, and only the others' transactions are read one by one.
  const spans = new Map((await selectUnjudgedSpans.all(tx, { walletIds })).map((span) => [span.wallet_id, span]));
  const loud = states
    .filter((state) => {
      const span = spans.get(state.wallet_id);
      if (!span || span.moves === 0) return false;
      return !balanceRangeIsQuiet(
        {
          thresholdsMicros: state.thresholds_micros.map(BigInt),
          armedMicros: state.armed_micros.map(BigInt),
          depleted: state.depleted,
        },
        BigInt(span.lowest_balance_micros!),
        BigInt(span.highest_balance_micros!),
        rearmMarginPercent,
      );
    })
    .map((state) => state.wallet_id);
  const moves = loud.length > 0 ? await selectUnjudgedMoves.all(tx, { walletIds: loud }) : [];
  const movesOf = new Map<string, BalanceMoveRow[]>();
  for (const move of moves) {
    let list = movesOf.get(move.wallet_id);
    if (!list) {
      list = [];
      movesOf.set(move.wallet_id, list);
    }
    list.push(move);
  }

  const alerts: NewAlert[] = [];
  const updates: { walletId: string; armed: bigint[]; sequence: string; balance: string; depleted: boolean; status: string }[] = [];
  for (const state of states) {
    const walletMoves = movesOf.get(state.wallet_id) ?? [];
    const judged = judgeBalanceMoves(
      {
        thresholdsMicros: state.thresholds_micros.map(BigInt),
        armedMicros: state.armed_micros.map(BigInt),
        depleted: state.depleted,
      },
      walletMoves.map((m) => ({
        sequence: BigInt(m.sequence),
        balanceBeforeMicros: BigInt(m.balance_before_micros),
        balanceAfterMicros: BigInt(m.balance_after_micros),
      })),
      rearmMarginPercent,
    );
    // A quiet wallet's moves were not read: its span says where they ended.
    const span = spans.get(state.wallet_id);
    const lastSequence = walletMoves.at(-1)?.sequence ?? span?.last_sequence ?? state.sequence;
    const lastBalance = walletMoves.at(-1)?.balance_after_micros ?? span?.last_balance_micros ?? state.balance_micros;
    const createdAt = new Map(walletMoves.map((m) => [BigInt(m.sequence), new Date(m.created_at)]));
    for (const crossing of judged.crossings) alerts.push(balanceAlert(state, crossing, createdAt.get(crossing.sequence)!));
    if (state.wallet_status === 'SUSPENDED' && state.status === 'ACTIVE') {
      alerts.push({
        kind: AlertKind.WALLET_SUSPENDED,
        accountId: state.account_id,
        walletId: state.wallet_id,
        currency: state.currency,
        balanceMicros: BigInt(lastBalance),
        message: `The ${state.currency.trim()} wallet is suspended: its balance is zero, so calls and messages are refused until it is funded. Numbers are kept for now; an account left unfunded for 30 days is closed.`,
        dedupeKey: `WALLET_SUSPENDED:${state.wallet_id}:${new Date(state.suspended_at!).toISOString()}`,
        raisedAt: new Date(state.suspended_at!),
      });
    }
    updates.push({
      walletId: state.wallet_id,
      armed: [...judged.state.armedMicros],
      sequence: lastSequence,
      balance: lastBalance,
      depleted: judged.state.depleted,
      status: state.wallet_status,
    });
  }
  await updateWalletAlertStates.run(tx, {
    walletIds: updates.map((u) => u.walletId),
    armed: updates.map((u) => `{${u.armed.join(',')}}`),
    sequences: updates.map((u) => u.sequence),
    balances: updates.map((u) => u.balance),
    depleted: updates.map((u) => u.depleted),
    statuses: updates.map((u) => u.status),
  });
  return alerts;
}

function balanceAlert(state: WalletAlertStateRow, crossing: BalanceCrossing, raisedAt: Date): NewAlert {
  const currency = state.currency.trim();
  const common = { accountId: state.account_id, walletId: state.wallet_id, currency, balanceMicros: crossing.balanceMicros, raisedAt };
  const balance = formatMoneyForPeople(crossing.balanceMicros, currency, 'code');
  switch (crossing.kind) {
    case 'LOW_BALANCE':
      return {
        ...common,
        kind: AlertKind.LOW_BALANCE,
        thresholdMicros: crossing.thresholdMicros,
        message: `The ${currency} wallet's balance is ${balance}, at or below your low-balance threshold of ${formatMoneyForPeople(crossing.thresholdMicros, currency, 'code')}. Top up to keep calls and messages going.`,
        dedupeKey: `LOW_BALANCE:${state.wallet_id}:${crossing.thresholdMicros}:${crossing.sequence}`,
      };
    case 'BALANCE_DEPLETED':
      return {
        ...common,
        kind: AlertKind.BALANCE_DEPLETED,
        thresholdMicros: 0n,
        message: `The ${currency} wallet's balance has reached ${balance}: calls and messages stop until it is topped up.`,
        dedupeKey: `BALANCE_DEPLETED:${state.wallet_id}:${crossing.sequence}`,
      };
    case 'BALANCE_RECOVERED':
      return {
        ...common,
        kind: AlertKind.BALANCE_RECOVERED,
        message: `The ${currency} wallet is funded again: its balance is ${balance}.`,
        dedupeKey: `BALANCE_RECOVERED:${state.wallet_id}:${crossing.sequence}`,
      };
  }
}

/** BUDGET_REACHED once each time a campaign stops at its budget. */
async function campaignAlerts(tx: SqlTransaction, rows: readonly OutboxRecord[]): Promise<NewAlert[]> {
  const campaignIds = [...new Set(rows.filter((r) => r.type === 'CAMPAIGN_UPDATED' && r.campaign_id).map((r) => r.campaign_id!))].sort();
  if (campaignIds.length === 0) return [];
  await ensureCampaignAlertStates.run(tx, { campaignIds });
  const campaigns = await lockCampaignAlertStates.all(tx, { campaignIds });
  const alerts: NewAlert[] = [];
  for (const campaign of campaigns) {
    if (campaign.status === 'STOPPED_BUDGET_REACHED' && campaign.seen_status !== 'STOPPED_BUDGET_REACHED') {
      const currency = campaign.currency.trim();
      const budget = campaign.budget_micros === null ? null : BigInt(campaign.budget_micros);
      alerts.push({
        kind: AlertKind.BUDGET_REACHED,
        accountId: campaign.account_id,
        walletId: campaign.wallet_id,
        campaignId: campaign.campaign_id,
        currency,
        amountMicros: budget,
        message: `Campaign "${campaign.name}" reached its budget${budget === null ? '' : ` of ${formatMoneyForPeople(budget, currency, 'code')}`} and stopped dialing. Raise the budget or start it again to resume.`,
        dedupeKey: `BUDGET_REACHED:${campaign.campaign_id}:${campaign.version}`,
        raisedAt: new Date(campaign.updated_at),
      });
    }
  }
  await updateCampaignAlertStates.run(tx, { campaignIds: campaigns.map((c) => c.campaign_id), statuses: campaigns.map((c) => c.status) });
  return alerts;
}

const STOP_REASON_TEXT: Record<string, string> = {
  INSUFFICIENT_FUNDS: 'the wallet ran out of funds',
  BUDGET_REACHED: "the campaign's budget was reached",
  WALLET_SUSPENDED: 'the wallet is suspended',
  SPEND_CAP_REACHED: 'a spend cap was reached',
};

/** Latest calls of a campaign looked at for stops not yet read from the outbox, when its stop is reported. */
const STOPPED_CALLS_SWEEP_MAX = 1_000;

/** Gathers the calls the server stopped for money (each once) until {@link stoppedCallAlerts} reports them. */
async function gatherStoppedCalls(tx: SqlTransaction, rows: readonly OutboxRecord[]): Promise<void> {
  const callIds = [...new Set(rows.filter((r) => r.type === 'CALL_UPDATED' && r.call_id).map((r) => r.call_id!))];
  if (callIds.length === 0) return;
  await gatherStoppedCallRows.run(tx, { callIds });
}

/**
 * CALLS_STOPPED: one alert per campaign and stop reason with the number of calls stopped, raised
 * when the campaign has no call left up (a wallet running dry stops its calls within one
 * increment) or `settleMs` after the first of them was seen, whichever comes first.
 */
async function stoppedCallAlerts(tx: SqlTransaction, settleMs: number): Promise<NewAlert[]> {
  // One statement, so one snapshot: the campaign's active calls and its stopped calls are read at
  // the same moment. A campaign with no call left up may have stopped its last calls in a
  // transaction whose outbox rows this processor has not read yet: they are taken (swept) from the
  // campaign's latest calls, so that one stop is one alert.
  const groups = await reportStoppedCalls.all(tx, { settleMs, sweepMax: STOPPED_CALLS_SWEEP_MAX });
  return groups.map((group) => ({
    kind: AlertKind.CALLS_STOPPED,
    accountId: group.account_id,
    walletId: group.wallet_id,
    campaignId: group.campaign_id,
    currency: group.currency.trim(),
    callsStopped: group.calls,
    message: `${group.calls} ${group.calls === 1 ? 'call was' : 'calls were'} stopped in campaign "${group.name}" because ${STOP_REASON_TEXT[group.end_reason] ?? group.end_reason}.`,
    dedupeKey: `CALLS_STOPPED:${group.campaign_id}:${group.end_reason}:${group.first_call_id}`,
    raisedAt: new Date(group.last_ended_at),
  }));
}

/**
 * CALLS_STOPPED for calls received on a number that the server stopped for money: one alert per
 * number and stop reason among the rows read (an inbound call has no campaign to gather its stops
 * under; the wallet running dry stops them within one increment, so they arrive together).
 */
async function inboundStoppedCallAlerts(tx: SqlTransaction, rows: readonly OutboxRecord[]): Promise<NewAlert[]> {
  const callIds = [...new Set(rows.filter((r) => r.type === 'CALL_UPDATED' && r.call_id && r.campaign_id === null).map((r) => r.call_id!))];
  if (callIds.length === 0) return [];
  const groups = new Map<string, Awaited<ReturnType<typeof selectStoppedInboundCalls.all>>>();
  for (const call of await selectStoppedInboundCalls.all(tx, { callIds })) {
    const key = `${call.number_id}:${call.end_reason}`;
    groups.set(key, [...(groups.get(key) ?? []), call]);
  }
  return [...groups.values()].map((calls) => {
    const first = calls[0]!;
    return {
      kind: AlertKind.CALLS_STOPPED,
      accountId: first.account_id,
      walletId: first.wallet_id,
      currency: first.currency.trim(),
      callsStopped: calls.length,
      message: `${calls.length} ${calls.length === 1 ? 'call' : 'calls'} received on ${first.to_number} ${calls.length === 1 ? 'was' : 'were'} stopped because ${STOP_REASON_TEXT[first.end_reason] ?? first.end_reason}.`,
      dedupeKey: `CALLS_STOPPED:inbound:${first.number_id}:${first.end_reason}:${first.id}`,
      raisedAt: new Date(calls.at(-1)!.ended_at_ms),
    };
  });
}

const PAYMENT_ALERT_KINDS: Readonly<Record<string, AlertKind>> = {
  PAYMENT_FAILED: AlertKind.PAYMENT_FAILED,
  AUTO_RECHARGE_FAILED: AlertKind.AUTO_RECHARGE_FAILED,
  AUTO_RECHARGE_PAUSED: AlertKind.AUTO_RECHARGE_PAUSED,
};

/** Declined top-ups and automatic recharges that failed or paused. */
async function paymentAlerts(tx: SqlTransaction, rows: readonly OutboxRecord[]): Promise<NewAlert[]> {
  const paymentRows = rows.filter((r) => r.type === 'PAYMENT_EVENT' && r.payment_event !== null && r.payment_event in PAYMENT_ALERT_KINDS);
  if (paymentRows.length === 0) return [];
  const topUpIds = [...new Set(paymentRows.map((r) => r.top_up_id).filter((id): id is string => id !== null))];
  const topUps = new Map((await selectTopUpsForAlerts.all(tx, { topUpIds })).map((t) => [t.id, t]));
  const walletIds = [...new Set(paymentRows.map((r) => r.wallet_id).filter((id): id is string => id !== null))];
  const currencies = new Map((await selectWalletCurrencies.all(tx, { walletIds })).map((w) => [w.id, w.currency.trim()]));
  return paymentRows.map((row) => {
    const kind = PAYMENT_ALERT_KINDS[row.payment_event!]!;
    const topUp = row.top_up_id ? topUps.get(row.top_up_id) : undefined;
    const currency = topUp?.currency.trim() ?? (row.wallet_id ? currencies.get(row.wallet_id) : undefined) ?? null;
    const amount = topUp ? BigInt(topUp.amount_micros) : null;
    const amountText = amount !== null && currency ? ` of ${formatMoneyForPeople(amount, currency, 'code')}` : '';
    const reason = topUp?.failure_reason ? ` ${topUp.failure_reason}` : '';
    const message =
      kind === AlertKind.PAYMENT_FAILED
        ? `A top-up${amountText} failed.${reason}`
        : kind === AlertKind.AUTO_RECHARGE_FAILED
          ? `An automatic recharge${amountText} failed.${reason}`
          : 'Automatic recharge is paused: the card needs attention (declined repeatedly, needs authentication, or none is set). Update the card and turn it back on in Settings.';
    return {
      kind,
      accountId: row.account_id,
      walletId: row.wallet_id,
      currency,
      amountMicros: amount,
      message,
      dedupeKey: `${kind}:${row.top_up_id ?? 'none'}:${row.id}`,
      raisedAt: new Date(row.created_at),
    };
  });
}

/**
 * SPEND_CAP_WARNING and SPEND_CAP_REACHED of the capped accounts the rows touch (spend moves with
 * transactions, calls, campaigns and messages): each cap's latest periods as last written, raised once
 * per cap and period by their dedupe keys. Costs one read per pass; uncapped accounts have no rows.
 */
async function spendCapAlerts(tx: SqlTransaction, rows: readonly OutboxRecord[], warningPercent: number): Promise<NewAlert[]> {
  const accountIds = [...new Set(rows.map((r) => r.account_id).filter((id): id is string => id !== null))].sort();
  if (accountIds.length === 0) return [];
  const caps = await selectSpendCapUseOfAccounts.all(tx, { accountIds });
  const last = rows.at(-1);
  return judgeSpendCaps(caps, warningPercent, last ? new Date(last.created_at) : new Date());
}

/** Alerts services decided on in their own transactions (ALERT_CAUSE rows). */
function causeAlerts(rows: readonly OutboxRecord[]): NewAlert[] {
  return rows
    .filter((r) => r.type === 'ALERT_CAUSE')
    .map((row) => {
      const cause = row.alert_cause as unknown as AlertCause;
      if (!isAlertKind(cause.kind)) throw new Error(`outbox row ${row.id}: unknown alert kind ${String(cause.kind)}`);
      return {
        kind: cause.kind,
        accountId: row.account_id,
        walletId: cause.walletId ?? null,
        campaignId: cause.campaignId ?? null,
        currency: cause.currency ?? null,
        amountMicros: cause.amountMicros ? BigInt(cause.amountMicros) : null,
        balanceMicros: cause.balanceMicros ? BigInt(cause.balanceMicros) : null,
        message: cause.message,
        dedupeKey: cause.dedupeKey,
        raisedAt: new Date(row.created_at),
      };
    });
}
