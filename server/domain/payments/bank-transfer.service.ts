import { randomUUID } from 'node:crypto';
import { formatMoney } from '../wallets/money.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { issueBankTransferInvoice } from '../invoices/issue-invoice.js';
import { payOwedRenewalsAfterFunding } from '../numbers/pay-owed-renewals.service.js';
import { postWalletTransactionIn } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { validateAmount, validateText } from '../wallets/validate-input.js';
import {
  insertBankTransfer,
  lockBankTransfer,
  selectBankTransfer,
  selectBankTransfersOfWallets,
  selectWalletBankTransfers,
  settleBankTransfer as settleBankTransferRow,
  type BankTransferRow,
} from './bank-transfers.queries.js';
import type { PaymentsDeps } from './payments-deps.js';
import { findTopUpWallet, requireOpenAccount } from './quote-top-up.service.js';

/** Who may announce a bank transfer: the account's owner, or support on their behalf. */
export const BANK_TRANSFER_CREATE_ROLES = [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;
/** Who confirms that the money arrived (or that it never will). */
export const BANK_TRANSFER_SETTLE_ROLES = [Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** A bank transfer announced and awaiting the money (it takes up to a few business days). */
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

/** Converts a `bank_transfer` row. */
function toBankTransfer(row: BankTransferRow): BankTransfer {
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
 * Records a bank transfer as PENDING credit (legal entities fund by bank transfer; it
 * takes up to `bankTransferBusinessDays` business days). Nothing is credited until support confirms the money arrived.
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
  const row = await transaction(em, async (tx) => {
    const inserted = await insertBankTransfer.one(tx, {
      id: randomUUID(),
      accountId: wallet.accountId,
      walletId: wallet.walletId,
      amountMicros: options.amountMicros,
      reference,
      expectedByMs: addBusinessDays(nowMs, deps.config.bankTransferBusinessDays),
      createdBy: options.principal.actor,
      nowMs,
    });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: wallet.accountId,
      action: AuditAction.BANK_TRANSFER_RECORDED,
      targetType: 'BANK_TRANSFER',
      targetId: inserted.id,
      after: { walletId: wallet.walletId, amount: formatMoney(options.amountMicros), reference, status: 'PENDING' },
    });
    return inserted;
  });
  return toBankTransfer(row);
}

/**
 * Support confirms the money arrived: the wallet is credited (a TOP_UP from payment clearing), once,
 * and its owed renewals are paid right after ({@link payOwedRenewalsAfterFunding}).
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
  const settled = await transaction(em, async (tx) => {
    const row = await lockBankTransfer.maybeOne(tx, { id: options.id });
    if (!row) throw new NotFoundError('BankTransfer', options.id);
    const transfer = toBankTransfer(row);
    if (transfer.status !== 'PENDING')
      throw new InvalidStateError(`Bank transfer "${transfer.id}" is already ${transfer.status}`, { status: transfer.status });
    let transactionId: string | null = null;
    let currency: string | null = null;
    if (options.outcome === 'COMPLETED') {
      // The credit is the ledger's hand-written posting statement, run in this transaction.
      const posted = await postWalletTransactionIn(tx, {
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
      currency = posted.wallet.currency;
    }
    const updated = await settleBankTransferRow.one(tx, {
      id: transfer.id,
      status: options.outcome,
      walletTransactionId: transactionId,
      settledBy: options.principal.actor,
      nowMs,
    });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: transfer.accountId,
      action: options.outcome === 'COMPLETED' ? AuditAction.BANK_TRANSFER_COMPLETED : AuditAction.BANK_TRANSFER_CANCELLED,
      targetType: 'BANK_TRANSFER',
      targetId: transfer.id,
      before: { status: transfer.status, amount: formatMoney(transfer.amountMicros), reference: transfer.reference },
      after: { status: options.outcome, amount: formatMoney(transfer.amountMicros), walletTransactionId: transactionId },
    });
    if (transactionId !== null && currency !== null) {
      // Last: the invoice's number is taken under its series' lock, held from here to the commit.
      await issueBankTransferInvoice(tx, deps.config, { ...transfer, currency, walletTransactionId: transactionId }, nowMs);
    }
    return toBankTransfer(updated);
  });
  if (settled.status === 'COMPLETED') {
    deps.committed();
    // Funding pays the wallet's owed renewals first, before support's confirmation returns.
    await payOwedRenewalsAfterFunding(em, deps, settled.walletId);
  }
  return settled;
}

/** A wallet's bank transfers, newest first. */
export async function listBankTransfers(em: EntityManager, walletId: string, first: number): Promise<BankTransfer[]> {
  return (await selectWalletBankTransfers.all(em, { walletId, first })).map(toBankTransfer);
}

/**
 * The bank transfers (newest first) of each of `walletIds`, the same `first` rows as one wallet's list, in one statement (a
 * lateral join per wallet). Every id is in the map.
 */
export async function listBankTransfersOfWallets(
  em: EntityManager,
  walletIds: readonly string[],
  first: number,
): Promise<Map<string, BankTransfer[]>> {
  const rows = await selectBankTransfersOfWallets.all(em, { walletIds, first });
  const lists = new Map<string, BankTransfer[]>(walletIds.map((id) => [id, []]));
  for (const row of rows) lists.get(row.batch_wallet_id)?.push(toBankTransfer(row));
  return lists;
}

/** A bank transfer within the caller's tenant. @throws NotFoundError otherwise (another tenant's reads as unknown). */
export async function findBankTransfer(em: EntityManager, principal: Principal, id: string): Promise<BankTransfer> {
  const row = isUuid(id) ? await selectBankTransfer.maybeOne(em, { id, scope: tenantScope(principal) }) : undefined;
  if (!row) throw new NotFoundError('BankTransfer', id);
  return toBankTransfer(row);
}
