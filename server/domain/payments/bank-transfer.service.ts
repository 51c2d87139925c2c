import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgTransaction } from '../../database/pg-transaction.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { postWalletTransactionIn } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { validateAmount, validateText } from '../wallets/validate-input.js';
import { queryOf } from './create-top-up.service.js';
import type { PaymentsDeps } from './payments-deps.js';
import { findTopUpWallet, requireOpenAccount } from './quote-top-up.service.js';

/** Who may announce a bank transfer: the account's owner, or support on their behalf. */
export const BANK_TRANSFER_CREATE_ROLES = [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;
/** Who confirms that the money arrived (or that it never will). */
export const BANK_TRANSFER_SETTLE_ROLES = [Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** A bank transfer announced and awaiting the money (seed 000: up to 3 business days). */
export interface BankTransfer {
  id: string;
  accountId: string;
  walletId: string;
  amountMicros: bigint;
  reference: string;
  status: 'PENDING' | 'COMPLETED' | 'CANCELED';
  expectedBy: Date;
  createdBy: string;
  settledBy: string | null;
  walletTransactionId: string | null;
  createdAt: Date;
  settledAt: Date | null;
}

const COLUMNS = `b.id, b.account_id, b.wallet_id, b.amount_micros::text, b.reference, b.status,
  (extract(epoch from b.expected_by) * 1000)::float8 as expected_by_ms, b.created_by, b.settled_by, b.wallet_transaction_id,
  (extract(epoch from b.created_at) * 1000)::float8 as created_at_ms, (extract(epoch from b.settled_at) * 1000)::float8 as settled_at_ms`;

interface Row {
  id: string;
  account_id: string;
  wallet_id: string;
  amount_micros: string;
  reference: string;
  status: BankTransfer['status'];
  expected_by_ms: number;
  created_by: string;
  settled_by: string | null;
  wallet_transaction_id: string | null;
  created_at_ms: number;
  settled_at_ms: number | null;
}

function toBankTransfer(row: Row): BankTransfer {
  return {
    id: row.id,
    accountId: row.account_id,
    walletId: row.wallet_id,
    amountMicros: BigInt(row.amount_micros),
    reference: row.reference,
    status: row.status,
    expectedBy: new Date(row.expected_by_ms),
    createdBy: row.created_by,
    settledBy: row.settled_by,
    walletTransactionId: row.wallet_transaction_id,
    createdAt: new Date(row.created_at_ms),
    settledAt: row.settled_at_ms === null ? null : new Date(row.settled_at_ms),
  };
}

/** `days` business days (Monday to Friday) after `fromMs`. */
export function addBusinessDays(fromMs: number, days: number): number {
  const date = new Date(fromMs);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.getTime();
}

/**
 * Records a bank transfer as PENDING credit (seed 000: legal entities fund by bank transfer; it
 * takes up to 3 business days). Nothing is credited until support confirms the money arrived.
 */
export async function recordBankTransfer(
  em: EntityManager,
  deps: PaymentsDeps,
  options: { principal: Principal; walletId: string; amountMicros: bigint; reference: string },
): Promise<BankTransfer> {
  requireRole(options.principal, BANK_TRANSFER_CREATE_ROLES, 'record a bank transfer');
  const wallet = await findTopUpWallet(em, options.principal, options.walletId);
  requireOpenAccount(wallet);
  validateAmount('amount', options.amountMicros, deps.config.topUpAmountMicrosMax, false);
  if (options.amountMicros % 10_000n !== 0n) throw new BadUserInputError('amount', 'amount must be a whole number of cents');
  const reference = validateText('reference', options.reference, deps.config.nameLengthMax);
  const nowMs = deps.clock.now();
  const [row] = await queryOf(em)<Row>(
    `insert into bank_transfer as b (id, account_id, wallet_id, amount_micros, reference, status, expected_by, created_by, created_at)
     values ($1, $2, $3, $4, $5, 'PENDING', to_timestamp($6 / 1000.0), $7, to_timestamp($8 / 1000.0)) returning ${COLUMNS}`,
    [randomUUID(), wallet.accountId, wallet.walletId, options.amountMicros.toString(), reference,
      addBusinessDays(nowMs, deps.config.bankTransferBusinessDays), options.principal.actor, nowMs],
  );
  return toBankTransfer(row!);
}

/**
 * Support confirms the money arrived: the wallet is credited (a TOP_UP from payment clearing), once.
 * Or cancels a transfer that never came. @throws ForbiddenError, NotFoundError, InvalidStateError (already settled).
 */
export async function settleBankTransfer(
  em: EntityManager,
  deps: PaymentsDeps,
  options: { principal: Principal; id: string; outcome: 'COMPLETED' | 'CANCELED' },
): Promise<BankTransfer> {
  requireRole(options.principal, BANK_TRANSFER_SETTLE_ROLES, 'settle a bank transfer');
  if (!isUuid(options.id)) throw new NotFoundError('BankTransfer', options.id);
  const nowMs = deps.clock.now();
  const settled = await pgTransaction(em, async (query) => {
    const [row] = await query<Row>(`select ${COLUMNS} from bank_transfer b where b.id = $1 for update`, [options.id]);
    if (!row) throw new NotFoundError('BankTransfer', options.id);
    const transfer = toBankTransfer(row);
    if (transfer.status !== 'PENDING') throw new InvalidStateError(`Bank transfer "${transfer.id}" is already ${transfer.status}`, { status: transfer.status });
    let transactionId: string | null = null;
    if (options.outcome === 'COMPLETED') {
      const posted = await postWalletTransactionIn(query, {
        walletId: transfer.walletId,
        accountScope: null,
        deltaMicros: transfer.amountMicros,
        kind: TransactionKind.TOP_UP,
        counterparty: PlatformAccountCode.PAYMENT_CLEARING,
        description: `Bank transfer received (${transfer.reference})`,
        campaignId: null,
        actor: options.principal.actor,
        idempotencyKey: `spendwire:bank-transfer:${transfer.id}`,
        operation: 'bankTransfer',
        walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
      });
      if (!posted) throw new BadUserInputError('amount', 'The credit would lift the wallet above its balance limit');
      transactionId = posted.transaction.id;
    }
    const [updated] = await query<Row>(
      `update bank_transfer b set status = $2, wallet_transaction_id = $3, settled_by = $4, settled_at = to_timestamp($5 / 1000.0)
        where b.id = $1 returning ${COLUMNS}`,
      [transfer.id, options.outcome, transactionId, options.principal.actor, nowMs],
    );
    return toBankTransfer(updated!);
  });
  if (settled.status === 'COMPLETED') deps.committed();
  return settled;
}

/** A wallet's bank transfers, newest first. */
export async function listBankTransfers(em: EntityManager, walletId: string, first: number): Promise<BankTransfer[]> {
  const rows = await queryOf(em)<Row>(`select ${COLUMNS} from bank_transfer b where b.wallet_id = $1 order by b.created_at desc, b.id limit $2`, [walletId, first]);
  return rows.map(toBankTransfer);
}

/**
 * The bank transfers (newest first) of each of `walletIds`, the same `first` rows as one wallet's list, in one statement (a
 * lateral join per wallet). Every id is in the map.
 */
export async function listBankTransfersOfWallets(em: EntityManager, walletIds: readonly string[], first: number): Promise<Map<string, BankTransfer[]>> {
  const rows = await queryOf(em)<Row & { batch_wallet_id: string }>(
    `select w.id as batch_wallet_id, x.* from unnest($1::uuid[]) as w(id)
       cross join lateral (
         select ${COLUMNS}, row_number() over (order by b.created_at desc, b.id) as batch_position
           from bank_transfer b where b.wallet_id = w.id order by b.created_at desc, b.id limit $2) x
      order by w.id, x.batch_position`,
    [walletIds, first],
  );
  const lists = new Map<string, BankTransfer[]>(walletIds.map((id) => [id, []]));
  for (const row of rows) lists.get(row.batch_wallet_id)?.push(toBankTransfer(row));
  return lists;
}

/** A bank transfer within the caller's tenant, or null. */
export async function findBankTransfer(em: EntityManager, principal: Principal, id: string): Promise<BankTransfer | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryOf(em)<Row>(
    `select ${COLUMNS} from bank_transfer b where b.id = $1 and ($2::uuid is null or b.account_id = $2::uuid)`,
    [id, tenantScope(principal)],
  );
  return row ? toBankTransfer(row) : null;
}
