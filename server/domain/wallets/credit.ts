/**
 * The wallet's credit rules in one place: what may be spent now (`available` = balance − reserved)
 * and the two moves between the parts of a balance, reserving credit for work in flight (a call's
 * funded increments, an SMS hold) and releasing it. Posting money in or out of a balance is the
 * ledger statement's job (post-wallet-transaction.ts), never this module's.
 */
import { sql, type Db } from '../../database/sql.js';
import { assert } from '../../errors.js';

/** The parts of a wallet's balance, in micros. */
export interface WalletCredit {
  balanceMicros: bigint;
  reservedMicros: bigint;
}

/** What may be spent now: the balance less what is reserved for work in flight. */
export function availableMicros(wallet: WalletCredit): bigint {
  return wallet.balanceMicros - wallet.reservedMicros;
}

/**
 * The SQL expression of a wallet's available credit (bigint), for the wallet row aliased `alias`;
 * select it as `${availableMicrosSql('w')}::text as available_micros`.
 */
export function availableMicrosSql(alias = 'wallet'): string {
  assert(/^[a-z_][a-z0-9_]*$/.test(alias), `not a table alias: ${alias}`);
  return `(${alias}.balance_micros - ${alias}.reserved_micros)`;
}

/** One wallet's change of reserved credit, in micros: positive reserves, negative releases. */
export interface ReservedCreditChange {
  walletId: string;
  deltaMicros: bigint;
}

const changeReserved = sql<never, { walletIds: string[]; deltas: string[] }>(
  `update wallet w set reserved_micros = w.reserved_micros + u.delta_micros, updated_at = now()
     from unnest(:walletIds::uuid[], :deltas::bigint[]) as u(id, delta_micros) where w.id = u.id`,
  // Every call start batch runs it: parsed and planned once per connection.
  { prepareAs: 'wallets_change_reserved' },
);

/**
 * Reserves (positive delta) or releases (negative delta) credit on many wallets in one statement.
 * The caller's transaction holds the wallets' row locks (taken in id order) and has checked that a
 * reservation fits the available credit; the table's CHECKs (`reserved_micros >= 0`, balance −
 * reserved ≥ 0) refuse a change that would break the rule. Changes of zero are skipped.
 */
export async function changeReservedCredit(db: Db, changes: readonly ReservedCreditChange[]): Promise<void> {
  const totals = new Map<string, bigint>();
  for (const change of changes) totals.set(change.walletId, (totals.get(change.walletId) ?? 0n) + change.deltaMicros);
  const walletIds = [...totals.keys()].filter((id) => totals.get(id) !== 0n).sort();
  if (walletIds.length === 0) return;
  const updated = await changeReserved.run(db, { walletIds, deltas: walletIds.map((id) => totals.get(id)!.toString()) });
  assert(updated === walletIds.length, `reserved credit changed on ${updated} of ${walletIds.length} wallets`);
}

/** Reserves `amountMicros` (≥ 0) of one wallet's available credit; see {@link changeReservedCredit}. */
export async function reserveCredit(db: Db, options: { walletId: string; amountMicros: bigint }): Promise<void> {
  assert(options.amountMicros >= 0n, 'a reservation is not negative');
  await changeReservedCredit(db, [{ walletId: options.walletId, deltaMicros: options.amountMicros }]);
}

/** Releases `amountMicros` (≥ 0) of one wallet's reserved credit back to available; see {@link changeReservedCredit}. */
export async function releaseCredit(db: Db, options: { walletId: string; amountMicros: bigint }): Promise<void> {
  assert(options.amountMicros >= 0n, 'a release is not negative');
  await changeReservedCredit(db, [{ walletId: options.walletId, deltaMicros: -options.amountMicros }]);
}
