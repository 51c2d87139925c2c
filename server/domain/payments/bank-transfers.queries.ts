/** The statements of bank transfers (table `bank_transfer`): announced, then completed or canceled by support. */
import { sql } from '../../database/sql.js';

/** Columns of `bank_transfer b` that make a {@link BankTransferRow}. */
const COLUMNS = `b.id, b.account_id, b.wallet_id, b.amount_micros::text, b.reference, b.status,
  (extract(epoch from b.expected_by) * 1000)::float8 as expected_by_ms, b.created_by, b.settled_by, b.wallet_transaction_id,
  (extract(epoch from b.created_at) * 1000)::float8 as created_at_ms, (extract(epoch from b.settled_at) * 1000)::float8 as settled_at_ms`;

/** A `bank_transfer` row: int8 as strings, times in epoch milliseconds. */
export interface BankTransferRow {
  id: string;
  account_id: string;
  wallet_id: string;
  amount_micros: string;
  reference: string;
  status: 'PENDING' | 'COMPLETED' | 'CANCELED';
  expected_by_ms: number;
  created_by: string;
  settled_by: string | null;
  wallet_transaction_id: string | null;
  created_at_ms: number;
  settled_at_ms: number | null;
}

export const insertBankTransfer = sql<
  BankTransferRow,
  {
    id: string;
    accountId: string;
    walletId: string;
    amountMicros: bigint;
    reference: string;
    expectedByMs: number;
    createdBy: string;
    nowMs: number;
  }
>(
  `insert into bank_transfer as b (id, account_id, wallet_id, amount_micros, reference, status, expected_by, created_by, created_at)
   values (:id, :accountId, :walletId, :amountMicros, :reference, 'PENDING', to_timestamp(:expectedByMs / 1000.0), :createdBy,
     to_timestamp(:nowMs / 1000.0))
   returning ${COLUMNS}`,
);

export const lockBankTransfer = sql<BankTransferRow, { id: string }>(`select ${COLUMNS} from bank_transfer b where b.id = :id for update`);

export const settleBankTransfer = sql<
  BankTransferRow,
  { id: string; status: 'COMPLETED' | 'CANCELED'; walletTransactionId: string | null; settledBy: string; nowMs: number }
>(
  `update bank_transfer b set status = :status, wallet_transaction_id = :walletTransactionId, settled_by = :settledBy,
     settled_at = to_timestamp(:nowMs / 1000.0)
    where b.id = :id returning ${COLUMNS}`,
);

/** A wallet's bank transfers, newest first. */
export const selectWalletBankTransfers = sql<BankTransferRow, { walletId: string; first: number }>(
  `select ${COLUMNS} from bank_transfer b where b.wallet_id = :walletId order by b.created_at desc, b.id limit :first`,
);

/** The first bank transfers (newest first) of each wallet, a lateral join per wallet. */
export const selectBankTransfersOfWallets = sql<
  BankTransferRow & { batch_wallet_id: string },
  { walletIds: readonly string[]; first: number }
>(
  `select w.id as batch_wallet_id, x.* from unnest(:walletIds::uuid[]) as w(id)
     cross join lateral (
       select ${COLUMNS}, row_number() over (order by b.created_at desc, b.id) as batch_position
         from bank_transfer b where b.wallet_id = w.id order by b.created_at desc, b.id limit :first) x
    order by w.id, x.batch_position`,
);

/** A bank transfer within `scope` (an account id; null for every tenant). */
export const selectBankTransfer = sql<BankTransferRow, { id: string; scope: string | null }>(
  `select ${COLUMNS} from bank_transfer b where b.id = :id and (:scope::uuid is null or b.account_id = :scope::uuid)`,
);
