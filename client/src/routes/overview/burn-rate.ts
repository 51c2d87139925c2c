/**
 * How the Overview shows the server's burn (schema.graphql `WalletBurn`). The burn rate and the
 * time-to-empty are computed once, on the server (server/domain/wallets/burn-rate.ts: metered calls,
 * messages and plan fees over a stated window, never one-off debits, null when nothing is running),
 * so the Overview and every campaign page show the same figures; here they are only read and
 * worded. Pure, in integer micro-units (`bigint`): no JS number ever carries money.
 */
import { moneyToMicros } from '../../utils/money.js';

/** The burn as the server sends it (the fields the card reads). */
export interface ServerBurn {
  /** Money per minute; null when nothing is running (no projection). */
  ratePerMinute: string | null;
  /** Whole seconds until the available balance is used up, rounded down; null when nothing is running. */
  timeToEmptySeconds: number | null;
}

/** What the burn card shows of a burn. */
export interface BurnFigures {
  /** The burn rate, in micro-units per minute; 0 when nothing is running. */
  perMinuteMicros: bigint;
  /** Seconds to empty as the server said; null when nothing is running. */
  timeToEmptySeconds: bigint | null;
  /** False when the server answered "no projection". */
  running: boolean;
}

/**
 * The card's figures from the server's burn.
 * @throws MoneyFormatError when `ratePerMinute` is not a Money string.
 */
export function burnFigures(burn: ServerBurn): BurnFigures {
  const running = burn.ratePerMinute !== null;
  return {
    perMinuteMicros: running ? moneyToMicros(burn.ratePerMinute!) : 0n,
    timeToEmptySeconds: running && burn.timeToEmptySeconds !== null ? BigInt(burn.timeToEmptySeconds) : null,
    running,
  };
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

/**
 * A duration for people, approximately and rounded down: "under a minute", "~47 min", "~3 h 20 min",
 * "~2 d 4 h", "over a year" (from 365 days).
 */
export function formatApproximateDuration(seconds: bigint): string {
  if (seconds < MINUTE_SECONDS) return 'under a minute';
  const about = formatTimeToEmpty(seconds);
  return about.startsWith('about ') ? `~${about.slice('about '.length)}` : about;
}

/** The first spend cap the wallet reaches at its burn, as the server sends it (`WalletBurn.spendCap`). */
export interface ServerCapReach {
  period: 'DAY' | 'MONTH' | string;
  scope: 'ACCOUNT' | 'WALLET' | string;
  reachedInSeconds: number;
}

/**
 * The Overview's cap line when a cap stops spending before the balance runs dry (`limitedBy` SPEND_CAP):
 * "Daily cap reached in ~47 min", "Monthly account cap reached in ~2 d 4 h", "Daily cap reached now";
 * null when the balance binds first, no cap is reached, or nothing is running.
 */
export function capReachedText(burn: { limitedBy?: string | null; spendCap?: ServerCapReach | null }): string | null {
  if (burn.limitedBy !== 'SPEND_CAP' || !burn.spendCap) return null;
  const { period, scope, reachedInSeconds } = burn.spendCap;
  const cap = `${period === 'MONTH' ? 'Monthly' : 'Daily'}${scope === 'ACCOUNT' ? ' account' : ''} cap`;
  return reachedInSeconds <= 0 ? `${cap} reached now` : `${cap} reached in ${formatApproximateDuration(BigInt(reachedInSeconds))}`;
}

/** A window in seconds as "5 min" when whole minutes, else "90 s". */
export function formatWindow(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
