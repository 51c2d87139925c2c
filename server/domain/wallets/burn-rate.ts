/**
 * The one definition of burn rate and time-to-empty: the wallet's `burn`, every campaign's
 * projection and the dashboard all read it from here.
 *
 * **What counts.** Only what drains the wallet while something runs: metered calls at their
 * rates, increments and connect fees (each call's cost as it accrued inside the window, see
 * {@link accruedCostMicros}, so a long call that ends now counts only its last minutes, not its
 * whole cost), outbound messages held or
 * captured, and the plan fees of active subscriptions spread over their period. One-off debits
 * never count: charges, number purchases and renewals, adjustments, refunds, grant reversals. A
 * $47 charge moves the balance, not the rate.
 *
 * **Over what.** A stated window (`burnRateWindowSeconds`, default 5 minutes). When the activity
 * in it began later (a campaign started 40 s ago), the usage is divided by the time it has really
 * run, never less than `burnRateWindowMinSeconds` (one increment's lump must not read as a rate).
 *
 * **The rate** is the larger of that windowed usage rate and the active calls' per-minute prices
 * (what is metering right now: it reacts at once when dialing starts, before the window fills),
 * plus the plan fees. Never the sum of the first two: the window already holds the cost of the
 * calls active a moment ago.
 *
 * **No projection** when nothing is running: no active call and no usage in the window. Then the
 * rate and time-to-empty are null, never "forever".
 *
 * **Rounding.** The windowed rate rounds UP to the micro; time-to-empty rounds DOWN to the second:
 * both err on the side of less time left.
 *
 * Calls are timed on the billing clock (injectable); messages and plan fees on the database clock.
 */
import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import { CallStatus, toCallRecord, type CallRecord } from '../calls/call-record.js';
import {
  selectCampaignPartialCalls,
  selectCampaignUsage,
  selectWalletPartialCalls,
  selectWalletsAvailable,
  selectWalletUsage,
  type UsageRow,
} from './burn-rate.queries.js';

/** Largest seconds figure the API carries (GraphQL Int): about 68 years. */
export const PROJECTION_SECONDS_MAX = 2_147_483_647;

/** The settings and the moment a burn is read at. */
export interface BurnSettings {
  config: Pick<Config, 'burnRateWindowSeconds' | 'burnRateWindowMinSeconds'>;
  /** Now on the billing clock, epoch milliseconds. */
  nowMs: number;
}

/** What a wallet or a campaign burns now, by the one definition (see the module comment). */
export interface Burn {
  /** Calls in progress now. */
  activeCalls: number;
  /** Sum of the active calls' per-minute prices, in micros. */
  meteredPerMinuteMicros: bigint;
  /** Calls' and messages' cost accrued inside the window, in micros. */
  windowUsageMicros: bigint;
  /** The stated window, in seconds. */
  windowSeconds: number;
  /** Seconds the usage was divided by: the window, or less when the activity began inside it. */
  coveredSeconds: number;
  /** Active subscriptions' plan fees as a per-minute rate, in micros (0 for a campaign). */
  planFeesPerMinuteMicros: bigint;
  /** The burn rate per minute in micros; null when nothing is running (no projection). */
  ratePerMinuteMicros: bigint | null;
}

/** A wallet's burn with its available credit and the time until it is used up. */
export interface WalletBurn extends Burn {
  availableMicros: bigint;
  /** Whole seconds until the available credit is used up at the rate; null when nothing is running. */
  timeToEmptySeconds: number | null;
}

/** `a ÷ b` rounded towards +∞, for b > 0 and a ≥ 0. */
function divideRoundingUp(dividend: bigint, divisor: bigint): bigint {
  return (dividend + divisor - 1n) / divisor;
}

/**
 * What `call` had drained by `atMs` (billing clock), in micros, metered smoothly: nothing before
 * it started; its connect fee at its start, then its per-minute price for every millisecond it
 * ran beyond its allowance; once ended, its final cost (what the increments' rounding added lands
 * at its end). Smooth on purpose: a call billed 60/60 drains its per-minute price per minute, not a
 * minute's price at once and then nothing, so the rate does not jump at each increment, and over
 * a whole call the drained amounts add up to exactly its cost.
 */
export function accruedCostMicros(call: CallRecord, atMs: number): bigint {
  if (atMs <= call.startedAtMs) return 0n;
  if (call.status !== CallStatus.ACTIVE && (call.endedAtMs === null || atMs >= call.endedAtMs)) return call.costMicros;
  const elapsedMs = Math.round(atMs - call.startedAtMs);
  const paidMs = Math.max(0, elapsedMs - call.allowanceSeconds * 1000);
  const accrued = call.connectFeeMicros + (call.perMinuteMicros * BigInt(paidMs)) / 60_000n;
  // An ended call never drained more than it cost.
  return call.status !== CallStatus.ACTIVE && accrued > call.costMicros ? call.costMicros : accrued;
}

/** The inputs of {@link burnFrom}: one scope's usage row and its calls that only partly fall in the window. */
export interface BurnInputs {
  usage: UsageRow;
  /** Active calls, and ended calls that started before the window. */
  partialCalls: readonly CallRecord[];
}

/**
 * The burn of one wallet or campaign from what was read (pure: see the module comment for the rule).
 * @throws Error (assertion) through the rating functions on a malformed call.
 */
export function burnFrom({ usage, partialCalls }: BurnInputs, settings: BurnSettings): Burn {
  const windowSeconds = settings.config.burnRateWindowSeconds;
  const minSeconds = Math.min(settings.config.burnRateWindowMinSeconds, windowSeconds);
  const windowStartMs = settings.nowMs - windowSeconds * 1000;
  let callsMicros = BigInt(usage.ended_calls);
  // How long the activity in the window has run, in seconds: the window itself once any call
  // straddles its start.
  let activitySeconds = 0;
  let active = false;
  const seen = (startMs: number) => {
    active = true;
    activitySeconds = Math.max(activitySeconds, (settings.nowMs - Math.max(startMs, windowStartMs)) / 1000);
  };
  if (usage.first_started_ms !== null) seen(usage.first_started_ms);
  for (const call of partialCalls) {
    const endMs = call.status === CallStatus.ACTIVE || call.endedAtMs === null ? settings.nowMs : Math.min(call.endedAtMs, settings.nowMs);
    const accrued = accruedCostMicros(call, endMs) - accruedCostMicros(call, windowStartMs);
    if (accrued > 0n) callsMicros += accrued;
    seen(call.startedAtMs);
  }
  if (usage.first_message_age_seconds !== null) {
    active = true;
    activitySeconds = Math.max(activitySeconds, usage.first_message_age_seconds);
  }
  // With no activity at all the window is the window (nothing is divided by it).
  if (!active) activitySeconds = windowSeconds;
  const windowUsageMicros = callsMicros + BigInt(usage.messages_micros);
  const coveredMs = Math.round(Math.min(windowSeconds, Math.max(minSeconds, activitySeconds)) * 1000);
  const meteredPerMinuteMicros = BigInt(usage.metered_per_minute);
  const planFeesPerMinuteMicros = BigInt(usage.plan_fees_per_minute);
  const running = usage.active_calls > 0 || windowUsageMicros > 0n;
  let ratePerMinuteMicros: bigint | null = null;
  if (running) {
    const windowed = divideRoundingUp(windowUsageMicros * 60_000n, BigInt(Math.max(1, coveredMs)));
    ratePerMinuteMicros = (windowed > meteredPerMinuteMicros ? windowed : meteredPerMinuteMicros) + planFeesPerMinuteMicros;
  }
  return {
    activeCalls: usage.active_calls,
    meteredPerMinuteMicros,
    windowUsageMicros,
    windowSeconds,
    coveredSeconds: Math.round(coveredMs / 1000),
    planFeesPerMinuteMicros,
    ratePerMinuteMicros,
  };
}

/**
 * Whole seconds until `availableMicros` is used up at `ratePerMinuteMicros`, rounded down and
 * capped at {@link PROJECTION_SECONDS_MAX}: 0 when nothing is available, null when the rate is
 * null or zero (no projection).
 */
export function secondsUntilUsedUp(availableMicros: bigint, ratePerMinuteMicros: bigint | null): number | null {
  if (ratePerMinuteMicros === null || ratePerMinuteMicros <= 0n) return null;
  if (availableMicros <= 0n) return 0;
  const seconds = (availableMicros * 60n) / ratePerMinuteMicros;
  return seconds > BigInt(PROJECTION_SECONDS_MAX) ? PROJECTION_SECONDS_MAX : Number(seconds);
}

/** Reads the burn of each id of one scope: two statements whatever their number. */
async function readBurns(db: Db, scope: 'wallet' | 'campaign', ids: readonly string[], settings: BurnSettings): Promise<Map<string, Burn>> {
  if (ids.length === 0) return new Map();
  const windowStart = new Date(settings.nowMs - settings.config.burnRateWindowSeconds * 1000).toISOString();
  const now = new Date(settings.nowMs).toISOString();
  const usage = await (scope === 'wallet' ? selectWalletUsage : selectCampaignUsage).all(db, {
    ids,
    windowStart,
    now,
    windowSeconds: settings.config.burnRateWindowSeconds,
  });
  const partial = await (scope === 'wallet' ? selectWalletPartialCalls : selectCampaignPartialCalls).all(db, { ids, windowStart });
  const callsById = new Map<string, CallRecord[]>();
  for (const row of partial) {
    const call = toCallRecord(row);
    const key = scope === 'wallet' ? call.walletId : call.campaignId;
    if (key === null) continue; // a campaign's partial calls are its own (inbound calls have none)
    callsById.set(key, [...(callsById.get(key) ?? []), call]);
  }
  return new Map(usage.map((row) => [row.id, burnFrom({ usage: row, partialCalls: callsById.get(row.id) ?? [] }, settings)]));
}

/**
 * The burn of each of `walletIds` with its time-to-empty (three statements whatever their number).
 * Ids with no wallet are absent from the map.
 */
export async function walletBurns(db: Db, walletIds: readonly string[], settings: BurnSettings): Promise<Map<string, WalletBurn>> {
  if (walletIds.length === 0) return new Map();
  const burns = await readBurns(db, 'wallet', walletIds, settings);
  const available = await selectWalletsAvailable.all(db, { ids: walletIds });
  const result = new Map<string, WalletBurn>();
  for (const row of available) {
    const burn = burns.get(row.id)!;
    const availableMicros = BigInt(row.available_micros);
    result.set(row.id, { ...burn, availableMicros, timeToEmptySeconds: secondsUntilUsedUp(availableMicros, burn.ratePerMinuteMicros) });
  }
  return result;
}

/** The burn of each of `campaignIds` (its own calls and messages; no plan fees), by the same rule. */
export async function campaignBurns(db: Db, campaignIds: readonly string[], settings: BurnSettings): Promise<Map<string, Burn>> {
  return readBurns(db, 'campaign', campaignIds, settings);
}
