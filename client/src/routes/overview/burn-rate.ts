/**
 * Burn rate and time-to-empty of a wallet, from the inputs the server sends in `Wallet.burn`
 * (schema.graphql `WalletBurn`): the per-minute prices of its active calls, summed, and its debits
 * over a recent window. Pure, in integer micro-units (`bigint`): no JS number ever carries money.
 *
 * The rule, and why:
 *
 * - **Burn per minute = max(calls, recent)**, where `calls` is the active calls' per-minute sum
 *   (what the wallet is paying right now, forward-looking) and `recent` is the recent debits as a
 *   per-minute rate, `recentSpend × 60 ÷ recentWindowSeconds` (what it actually paid lately:
 *   ended calls, messages, number rentals, charges). The two are NOT added: the recent debits are
 *   mostly the cost of calls that were active a moment ago, so a sum would count a steady call load
 *   twice. The larger one is the honest warning: `calls` reacts at once when dialing starts (the
 *   recent average lags by up to a window), `recent` covers spend that is not calls and the churn
 *   of short calls that start and end between two updates, and it keeps a time-to-empty on screen
 *   for a while after the last call ended rather than claiming "forever".
 * - **Rounding.** The recent per-minute rate is rounded UP to the micro-unit; time-to-empty is
 *   rounded DOWN to the second, and its display down to the minute. Both err on the side of less
 *   time left: the dashboard never promises money that is not there. The server's
 *   `Campaign.timeToEmptySeconds` also rounds down (but counts active calls only).
 * - Active calls' per-minute prices understate a little what calls cost (billing increments round
 *   up, connect fees are one-off); the recent rate picks that up once calls end.
 */
import { moneyToMicros } from '../../utils/money.js';

/** `a ÷ b` rounded towards +∞, for b > 0 and a ≥ 0. */
function divideRoundingUp(dividend: bigint, divisor: bigint): bigint {
  return (dividend + divisor - 1n) / divisor;
}

/** What the burn rate is computed from: schema.graphql `WalletBurn`, as the server sends it. */
export interface BurnInputs {
  /** Sum of the active calls' per-minute prices (Money). */
  callsPerMinute: string;
  /** Debits over the last `recentWindowSeconds` (Money). */
  recentSpend: string;
  /** Length of the recent window, in seconds (300 today). Zero or less: the recent rate is ignored. */
  recentWindowSeconds: number;
}

/** Which input set the burn rate: the active calls, the recent debits, or nothing burns. */
export type BurnSource = 'calls' | 'recent' | 'none';

/** A wallet's burn rate, in micro-units per minute. */
export interface BurnRate {
  /** The burn rate: the larger of the two below. Never negative. */
  perMinuteMicros: bigint;
  /** The active calls' per-minute prices, summed. */
  callsPerMinuteMicros: bigint;
  /** The recent debits as a per-minute rate, rounded up to the micro-unit. */
  recentPerMinuteMicros: bigint;
  /** Which one is the burn rate; `'calls'` on a tie (it is the live figure). */
  source: BurnSource;
}

/**
 * The burn rate: max(active calls' per-minute sum, recentSpend × 60 ÷ window) (see the module's
 * comment for why the larger and not the sum). Negative inputs (never sent) count as zero.
 * @throws MoneyFormatError when a Money field is not a Money string.
 */
export function burnRate(inputs: BurnInputs): BurnRate {
  const callsPerMinuteMicros = nonNegative(moneyToMicros(inputs.callsPerMinute));
  const recentSpendMicros = nonNegative(moneyToMicros(inputs.recentSpend));
  // A window is a whole number of seconds; anything else (0, NaN) means there is no recent rate.
  const windowSeconds =
    Number.isSafeInteger(inputs.recentWindowSeconds) && inputs.recentWindowSeconds > 0 ? BigInt(inputs.recentWindowSeconds) : 0n;
  const recentPerMinuteMicros = windowSeconds === 0n ? 0n : divideRoundingUp(recentSpendMicros * 60n, windowSeconds);
  if (callsPerMinuteMicros === 0n && recentPerMinuteMicros === 0n) {
    return { perMinuteMicros: 0n, callsPerMinuteMicros, recentPerMinuteMicros, source: 'none' };
  }
  const fromCalls = callsPerMinuteMicros >= recentPerMinuteMicros;
  return {
    perMinuteMicros: fromCalls ? callsPerMinuteMicros : recentPerMinuteMicros,
    callsPerMinuteMicros,
    recentPerMinuteMicros,
    source: fromCalls ? 'calls' : 'recent',
  };
}

function nonNegative(micros: bigint): bigint {
  return micros < 0n ? 0n : micros;
}

/**
 * Whole seconds until `availableMicros` is used up at `perMinuteMicros`: ⌊available × 60 ÷ burn⌋,
 * rounded down (never more time than there is). 0n when nothing is available; null when nothing
 * burns (the wallet never empties at this rate). A bigint: a large balance at a sub-cent rate is
 * more seconds than a JS number holds exactly.
 */
export function timeToEmptySeconds(availableMicros: bigint, perMinuteMicros: bigint): bigint | null {
  if (perMinuteMicros <= 0n) return null;
  if (availableMicros <= 0n) return 0n;
  return (availableMicros * 60n) / perMinuteMicros;
}

const MINUTE_SECONDS = 60n;
const HOUR_SECONDS = 3_600n;
const DAY_SECONDS = 86_400n;
/** From this many seconds on, time-to-empty reads "over a year" (365 days). */
export const TIME_TO_EMPTY_YEAR_SECONDS = 365n * DAY_SECONDS;

/**
 * Time-to-empty for people, rounded down: null → "nothing is burning", 0 → "empty now",
 * under 60 s → "under a minute", then "about 47 min", "about 3 h 20 min", "about 3 h",
 * "about 2 d 4 h", and from 365 days on "over a year".
 */
export function formatTimeToEmpty(seconds: bigint | null): string {
  if (seconds === null) return 'nothing is burning';
  if (seconds <= 0n) return 'empty now';
  if (seconds < MINUTE_SECONDS) return 'under a minute';
  if (seconds < HOUR_SECONDS) return `about ${seconds / MINUTE_SECONDS} min`;
  if (seconds < DAY_SECONDS) {
    const minutes = (seconds % HOUR_SECONDS) / MINUTE_SECONDS;
    return `about ${seconds / HOUR_SECONDS} h${minutes === 0n ? '' : ` ${minutes} min`}`;
  }
  if (seconds < TIME_TO_EMPTY_YEAR_SECONDS) {
    const hours = (seconds % DAY_SECONDS) / HOUR_SECONDS;
    return `about ${seconds / DAY_SECONDS} d${hours === 0n ? '' : ` ${hours} h`}`;
  }
  return 'over a year';
}

/** What the overview's burn card shows for one state of a wallet. */
export interface WalletBurnFigures extends BurnRate {
  /** Seconds until the available balance is used up at the burn rate; null when nothing burns. */
  timeToEmptySeconds: bigint | null;
}

/**
 * The burn rate and time-to-empty of a wallet state: its `available` (Money) and its `burn`.
 * @throws MoneyFormatError when a Money field is not a Money string.
 */
export function walletBurnFigures(available: string, burn: BurnInputs): WalletBurnFigures {
  const rate = burnRate(burn);
  return { ...rate, timeToEmptySeconds: timeToEmptySeconds(moneyToMicros(available), rate.perMinuteMicros) };
}
