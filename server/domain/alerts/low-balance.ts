/**
 * Low-balance thresholds as a pure state machine over a wallet's ledger rows, in sequence order.
 *
 * A threshold T is *armed* while the posted balance is above it. An armed threshold fires once
 * when a transaction takes the balance to T or below, and is disarmed; it re-arms only when the
 * balance climbs back above T plus a margin (`rearmMarginPercent` of T), so a balance hovering
 * around a threshold does not raise a storm of alerts. T = 0 is the "depleted" alert; the first
 * transaction that takes a depleted wallet back above zero raises "recovered".
 */

/** One ledger row as the judgement needs it. */
export interface BalanceMove {
  sequence: bigint;
  balanceBeforeMicros: bigint;
  balanceAfterMicros: bigint;
}

/** A wallet's threshold state between two judgements. */
export interface LowBalanceState {
  /** The customer's thresholds, in micro-units. */
  thresholdsMicros: readonly bigint[];
  /** Thresholds that fire on the next crossing. */
  armedMicros: readonly bigint[];
  /** True after BALANCE_DEPLETED until the balance is above zero again. */
  depleted: boolean;
}

/** A crossing found in the rows. */
export type BalanceCrossing =
  | { kind: 'LOW_BALANCE'; thresholdMicros: bigint; sequence: bigint; balanceMicros: bigint }
  | { kind: 'BALANCE_DEPLETED'; thresholdMicros: 0n; sequence: bigint; balanceMicros: bigint }
  | { kind: 'BALANCE_RECOVERED'; sequence: bigint; balanceMicros: bigint };

/** The balance above which threshold `thresholdMicros` re-arms (exclusive), rounded down to a micro. */
export function rearmAboveMicros(thresholdMicros: bigint, rearmMarginPercent: number): bigint {
  return thresholdMicros + (thresholdMicros * BigInt(Math.round(rearmMarginPercent * 100))) / 10_000n;
}

/** The thresholds armed for a wallet whose balance is `balanceMicros` (when thresholds are set or first seen). */
export function armedFor(thresholdsMicros: readonly bigint[], balanceMicros: bigint): bigint[] {
  return thresholdsMicros.filter((threshold) => balanceMicros > threshold);
}

/**
 * Judges `moves` (consecutive ledger rows of one wallet, in sequence order) against `state`.
 * Returns the crossings in the order they happened and the state after the last row. Within one
 * row, lower thresholds fire after higher ones (a charge from 10 to 0 raises LOW_BALANCE at 5,
 * then BALANCE_DEPLETED).
 */
export function judgeBalanceMoves(
  state: LowBalanceState,
  moves: readonly BalanceMove[],
  rearmMarginPercent: number,
): { crossings: BalanceCrossing[]; state: LowBalanceState } {
  const thresholds = [...new Set(state.thresholdsMicros)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const armed = new Set(state.armedMicros.filter((threshold) => thresholds.includes(threshold)));
  let depleted = state.depleted;
  const crossings: BalanceCrossing[] = [];
  for (const move of moves) {
    const balance = move.balanceAfterMicros;
    if (depleted && balance > 0n) {
      depleted = false;
      crossings.push({ kind: 'BALANCE_RECOVERED', sequence: move.sequence, balanceMicros: balance });
    }
    for (const threshold of thresholds) {
      if (armed.has(threshold) && balance <= threshold) {
        armed.delete(threshold);
        if (threshold === 0n) {
          depleted = true;
          crossings.push({ kind: 'BALANCE_DEPLETED', thresholdMicros: 0n, sequence: move.sequence, balanceMicros: balance });
        } else {
          crossings.push({ kind: 'LOW_BALANCE', thresholdMicros: threshold, sequence: move.sequence, balanceMicros: balance });
        }
      } else if (!armed.has(threshold) && balance > rearmAboveMicros(threshold, rearmMarginPercent)) {
        armed.add(threshold);
      }
    }
  }
  return {
    crossings,
    state: { thresholdsMicros: thresholds, armedMicros: thresholds.filter((threshold) => armed.has(threshold)), depleted },
  };
}

/**
 * Whether moves whose balances after all lie within [`lowestMicros`, `highestMicros`] can change
 * nothing for `state`: no armed threshold is reached (each lies below the lowest balance), no
 * disarmed one re-arms (the highest balance stays at or below its re-arm level) and a depleted
 * wallet stays at or below zero. Then {@link judgeBalanceMoves} of those moves, in any order, finds
 * no crossing and leaves the state as {@link judgeBalanceMoves} of no moves does, so the alert
 * processor can skip reading them one by one (a wallet far above its thresholds, the usual case).
 */
export function balanceRangeIsQuiet(
  state: LowBalanceState,
  lowestMicros: bigint,
  highestMicros: bigint,
  rearmMarginPercent: number,
): boolean {
  if (state.depleted && highestMicros > 0n) return false;
  for (const threshold of state.thresholdsMicros) {
    const armed = state.armedMicros.includes(threshold);
    if (armed ? lowestMicros <= threshold : highestMicros > rearmAboveMicros(threshold, rearmMarginPercent)) return false;
  }
  return true;
}
