/**
 * The statements of phone numbers (table `phone_number`): purchase claims, renewals, grace,
 * release and refund. Each state change is conditional on the state it was decided from.
 */
import { sql } from '../../database/sql.js';
import { createdBeforeCursorSql } from '../campaigns/created-cursor.js';
import { availableMicrosSql } from '../wallets/credit.js';
import type { NumberReleaseReason, PhoneNumberStatus } from './phone-number-record.js';

/** A `phone_number` row as the pool returns it, selected with {@link PHONE_NUMBER_COLUMNS}. */
export interface PhoneNumberRow {
  id: string;
  account_id: string;
  wallet_id: string;
  rate_plan_id: string;
  number: string;
  status: PhoneNumberStatus;
  purchase_micros: string;
  monthly_micros: string;
  purchased_at_ms: number;
  anchor_day: number;
  periods_paid: number;
  renews_at_ms: number;
  grace_until_ms: number | null;
  released_at_ms: number | null;
  release_reason: NumberReleaseReason | null;
  transaction_id: string | null;
  refund_transaction_id: string | null;
  idempotency_key: string | null;
  version: string;
  created_at_us: string;
}

/** The statuses of a held number, as an SQL list. */
export const HELD_SQL = `('ACTIVE', 'GRACE', 'RENEWAL_OWED')`;

const ms = (column: string) => `(extract(epoch from p.${column}) * 1000)::float8 as ${column}_ms`;

/** Columns of a {@link PhoneNumberRow} from table `phone_number p`. */
export const PHONE_NUMBER_COLUMNS = `p.id, p.account_id, p.wallet_id, p.rate_plan_id, p.number, p.status, p.purchase_micros::text, p.monthly_micros::text,
  ${ms('purchased_at')}, p.anchor_day, p.periods_paid, ${ms('renews_at')}, ${ms('grace_until')}, ${ms('released_at')},
  p.release_reason, p.transaction_id, p.refund_transaction_id, p.idempotency_key, p.version::text,
  (extract(epoch from p.created_at) * 1000000)::bigint::text as created_at_us`;

/**
 * SQL true for a number whose purchase has completed (on `phone_number p`). A purchase first
 * inserts its row to claim the number, then posts the debit, then records the debit on the row;
 * until then the row is a claim that nobody may see or act on (see purchase-number.service.ts).
 * A free number (nothing to debit) is complete from its insert.
 */
export const PURCHASE_COMPLETED_SQL = `(p.transaction_id is not null or p.purchase_micros + p.monthly_micros = 0)`;

/** A number within `scope` (an account id; null for every tenant) whose purchase has completed. */
export const selectPhoneNumber = sql<PhoneNumberRow, { id: string; scope: string | null }>(
  `select ${PHONE_NUMBER_COLUMNS} from phone_number p
    where p.id = :id and (:scope::uuid is null or p.account_id = :scope) and ${PURCHASE_COMPLETED_SQL}`,
);

/**
 * One page of numbers, newest first, after the cursor (`afterUs`: created_at in epoch microseconds,
 * `afterId`; both null for the first page), the same cursor rule as the other lists of this API.
 */
export const selectPhoneNumbersPage = sql<
  PhoneNumberRow,
  {
    scope: string | null;
    afterUs: string | null;
    afterId: string | null;
    walletId: string | null;
    status: PhoneNumberStatus | null;
    limit: number;
  }
>(
  `select ${PHONE_NUMBER_COLUMNS} from phone_number p
    where (:scope::uuid is null or p.account_id = :scope) and (:walletId::uuid is null or p.wallet_id = :walletId)
      and (:status::text is null or p.status = :status) and ${PURCHASE_COMPLETED_SQL}
      and ${createdBeforeCursorSql('p')}
    order by p.created_at desc, p.id desc limit :limit`,
);

/** The wallet transaction posted under an account's idempotency key. */
export const selectPostedTransactionId = sql<{ wallet_transaction_id: string }, { accountId: string; key: string }>(
  'select wallet_transaction_id from idempotency_key where account_id = :accountId and key = :key',
);

/** What a purchase needs of the wallet within `scope` and of its account. */
export const selectPurchaseWallet = sql<
  {
    id: string;
    account_id: string;
    currency: string;
    status: 'ACTIVE' | 'SUSPENDED';
    available_micros: string;
    account_status: 'ACTIVE' | 'CLOSED';
  },
  { walletId: string; scope: string | null }
>(
  `select w.id, w.account_id, w.currency, w.status, ${availableMicrosSql('w')}::text as available_micros, a.status as account_status
     from wallet w join account a on a.id = w.account_id
    where w.id = :walletId and (:scope::uuid is null or w.account_id = :scope)`,
);

/**
 * The wallet a claim references, key-share locked (what the claim's foreign key takes anyway)
 * before the account: the house order is wallets before accounts, and a call start locks its wallet
 * and then counts the call on the account, so taking them the other way round deadlocked.
 */
export const keyShareLockWallet = sql<{ id: string }, { walletId: string }>('select id from wallet where id = :walletId for key share');

/** Share-locks the account while a purchase claims a number, so a closure sees the claim or is seen by it. */
export const shareLockAccount = sql<{ status: string }, { accountId: string }>(
  'select status from account where id = :accountId for share',
);

/** Step 1 of a purchase: the claim (no row when the number is held, or the key taken). */
export const insertClaim = sql<
  PhoneNumberRow,
  {
    id: string;
    accountId: string;
    walletId: string;
    ratePlanId: string;
    number: string;
    status: PhoneNumberStatus;
    purchaseMicros: bigint;
    monthlyMicros: bigint;
    purchasedAt: string;
    anchorDay: number;
    renewsAt: string;
    idempotencyKey: string | null;
  }
>(
  `insert into phone_number as p (id, account_id, wallet_id, rate_plan_id, number, status, purchase_micros, monthly_micros,
     purchased_at, anchor_day, periods_paid, renews_at, idempotency_key)
   values (:id, :accountId, :walletId, :ratePlanId, :number, :status, :purchaseMicros, :monthlyMicros, :purchasedAt, :anchorDay, 1, :renewsAt,
     :idempotencyKey)
   on conflict do nothing
   returning ${PHONE_NUMBER_COLUMNS}`,
);

/** Drops a claim whose debit was never posted; returns it when it was there. */
export const deleteClaim = sql<{ id: string }, { id: string }>(
  'delete from phone_number where id = :id and transaction_id is null returning id',
);

/** Step 3 of a purchase: records the debit on a claim still held (idempotent); no row when the claim was released or deleted. */
export const settleClaim = sql<PhoneNumberRow, { id: string; transactionId: string }>(
  `update phone_number p set transaction_id = :transactionId
    where p.id = :id and (p.transaction_id = :transactionId or (p.transaction_id is null and p.status = 'ACTIVE'))
    returning ${PHONE_NUMBER_COLUMNS}`,
);

/** Keeps both postings on a claim released before its purchase completed. */
export const recordClaimRefund = sql<never, { id: string; transactionId: string; refundTransactionId: string }>(
  'update phone_number set transaction_id = :transactionId, refund_transaction_id = :refundTransactionId where id = :id and transaction_id is null',
);

/** A number bought under an account's idempotency key (claims included). */
export const selectNumberByKey = sql<PhoneNumberRow, { accountId: string; key: string }>(
  `select ${PHONE_NUMBER_COLUMNS} from phone_number p where p.account_id = :accountId and p.idempotency_key = :key`,
);

/** RELEASED by the customer, if held and its purchase completed. */
export const releaseByCustomer = sql<PhoneNumberRow, { id: string; scope: string | null; reason: NumberReleaseReason; releasedAt: string }>(
  `update phone_number p set status = 'RELEASED', release_reason = :reason, released_at = :releasedAt, grace_until = null, version = p.version + 1
    where p.id = :id and (:scope::uuid is null or p.account_id = :scope) and p.status in ${HELD_SQL} and ${PURCHASE_COMPLETED_SQL}
    returning ${PHONE_NUMBER_COLUMNS}`,
);

/** RELEASED: every held number of an account (purchases in flight included), with what its release alert says. */
export const releaseAccountNumbers = sql<
  { id: string; number: string; wallet_id: string; currency: string; completed: boolean },
  { accountId: string; reason: NumberReleaseReason; releasedAt: string }
>(
  `update phone_number p set status = 'RELEASED', release_reason = :reason, released_at = :releasedAt::timestamptz, grace_until = null,
     version = p.version + 1
     from wallet w
    where w.id = p.wallet_id and p.account_id = :accountId and p.status in ${HELD_SQL}
    returning p.id, p.number, p.wallet_id, w.currency, ${PURCHASE_COMPLETED_SQL} as completed`,
);

/** REFUNDED, if unchanged since read (`version`) and held. */
export const markRefunded = sql<PhoneNumberRow, { id: string; version: bigint; reason: NumberReleaseReason; releasedAt: string }>(
  `update phone_number p set status = 'REFUNDED', release_reason = :reason, released_at = :releasedAt, grace_until = null, version = p.version + 1
    where p.id = :id and p.version = :version and p.status in ${HELD_SQL}
    returning ${PHONE_NUMBER_COLUMNS}`,
);

/** Puts a REFUNDED number back as it was when its credit was refused. */
export const revertRefund = sql<never, { id: string; status: PhoneNumberStatus; graceUntil: string | null }>(
  `update phone_number set status = :status, release_reason = null, released_at = null, grace_until = :graceUntil, version = version + 1
    where id = :id and status = 'REFUNDED' and refund_transaction_id is null`,
);

export const setRefundTransaction = sql<PhoneNumberRow, { id: string; refundTransactionId: string }>(
  `update phone_number p set refund_transaction_id = :refundTransactionId where p.id = :id returning ${PHONE_NUMBER_COLUMNS}`,
);

/** Records a refund's credit that the recovery posted, unless recorded meanwhile. */
export const setMissingRefundTransaction = sql<never, { id: string; refundTransactionId: string }>(
  'update phone_number set refund_transaction_id = :refundTransactionId where id = :id and refund_transaction_id is null',
);

/** Purchase claims older than `abandonedAfterMs` (database time) without their debit recorded, oldest first. */
export const selectAbandonedClaims = sql<PhoneNumberRow, { abandonedAfterMs: number; limit: number }>(
  `select ${PHONE_NUMBER_COLUMNS} from phone_number p
    where p.transaction_id is null and p.purchase_micros + p.monthly_micros > 0
      and p.created_at < now() - :abandonedAfterMs::bigint * interval '1 millisecond'
    order by p.created_at limit :limit`,
);

/** Numbers REFUNDED before `releasedBefore` whose credit was never posted, oldest first. */
export const selectUnpostedRefunds = sql<PhoneNumberRow, { releasedBefore: string; limit: number }>(
  `select ${PHONE_NUMBER_COLUMNS} from phone_number p
    where p.status = 'REFUNDED' and p.refund_transaction_id is null and p.purchase_micros + p.monthly_micros > 0
      and p.released_at < :releasedBefore
    order by p.released_at limit :limit`,
);

/** A number due for renewal with what deciding it needs of its wallet and account. */
export interface DueNumberRow extends PhoneNumberRow {
  wallet_status: 'ACTIVE' | 'SUSPENDED';
  available_micros: string;
  account_status: 'ACTIVE' | 'CLOSED';
}

/** Held numbers whose renewal is due by `dueBy`, the most overdue first (owed ones by owed since). */
export const selectDueNumbers = sql<DueNumberRow, { dueBy: string; limit: number }>(
  `select ${PHONE_NUMBER_COLUMNS}, w.status as wallet_status, ${availableMicrosSql('w')}::text as available_micros,
          a.status as account_status
     from phone_number p join wallet w on w.id = p.wallet_id join account a on a.id = p.account_id
    where p.status in ${HELD_SQL} and p.renews_at <= :dueBy and ${PURCHASE_COMPLETED_SQL}
    order by p.renews_at, p.id
    limit :limit`,
);

/**
 * RENEWAL_OWED numbers whose wallet has money on it again (funded, whether or not the wallet
 * state job has reactivated it yet) and whose account is open, the longest owed first.
 */
export const selectFundedOwedNumbers = sql<DueNumberRow, { limit: number }>(
  `select ${PHONE_NUMBER_COLUMNS}, w.status as wallet_status, ${availableMicrosSql('w')}::text as available_micros,
          a.status as account_status
     from phone_number p join wallet w on w.id = p.wallet_id join account a on a.id = p.account_id
    where p.status = 'RENEWAL_OWED' and ${availableMicrosSql('w')} > 0 and a.status = 'ACTIVE'
    order by p.renews_at, p.id
    limit :limit`,
);

/** The RENEWAL_OWED numbers of one wallet that has money on it again (its account open), the longest owed first. */
export const selectFundedOwedNumbersOfWallet = sql<DueNumberRow, { walletId: string; limit: number }>(
  `select ${PHONE_NUMBER_COLUMNS}, w.status as wallet_status, ${availableMicrosSql('w')}::text as available_micros,
          a.status as account_status
     from phone_number p join wallet w on w.id = p.wallet_id join account a on a.id = p.account_id
    where p.wallet_id = :walletId and p.status = 'RENEWAL_OWED' and ${availableMicrosSql('w')} > 0 and a.status = 'ACTIVE'
    order by p.renews_at, p.id
    limit :limit`,
);

/** Records months up to `period` paid, if `periodsPaid` is still the one read and the number is held. */
export const recordRenewal = sql<{ id: string }, { id: string; periodsPaid: number; period: number; renewsAt: string }>(
  `update phone_number set periods_paid = :period, renews_at = :renewsAt, status = 'ACTIVE', grace_until = null, version = version + 1
    where id = :id and periods_paid = :periodsPaid and status in ${HELD_SQL} returning id`,
);

/** ACTIVE or GRACE → RENEWAL_OWED (kept while the wallet is suspended), if unchanged since read; returns the wallet's currency. */
export const markOwed = sql<{ currency: string }, { id: string; periodsPaid: number; status: PhoneNumberStatus }>(
  `update phone_number p set status = 'RENEWAL_OWED', grace_until = null, version = p.version + 1
     from wallet w
    where p.id = :id and p.periods_paid = :periodsPaid and p.status = :status and p.status in ('ACTIVE', 'GRACE') and w.id = p.wallet_id
    returning w.currency`,
);

/** Postings of an owed renewal under `key` or under `prefix`… (months n to m), if any: one crashed before its recording. */
export const selectOwedPostings = sql<{ key: string; wallet_transaction_id: string }, { accountId: string; key: string; prefix: string }>(
  `select key, wallet_transaction_id from idempotency_key
    where account_id = :accountId and (key = :key or starts_with(key, :prefix)) and wallet_transaction_id is not null`,
);

export const selectPeriodsPaid = sql<{ periods_paid: number }, { id: string }>('select periods_paid from phone_number where id = :id');

/** ACTIVE or RENEWAL_OWED (`status`) → GRACE until `graceUntil`, if unchanged since read; returns the wallet's currency. */
export const enterGrace = sql<{ currency: string }, { id: string; periodsPaid: number; graceUntil: string; status: PhoneNumberStatus }>(
  `update phone_number p set status = 'GRACE', grace_until = :graceUntil, version = p.version + 1
     from wallet w
    where p.id = :id and p.periods_paid = :periodsPaid and p.status = :status and p.status in ('ACTIVE', 'RENEWAL_OWED') and w.id = p.wallet_id
    returning w.currency`,
);

/** RELEASED by the renewals (grace ended, account closed), if unchanged since read; returns the wallet's currency. */
export const releaseDueNumber = sql<
  { currency: string },
  { id: string; periodsPaid: number; reason: NumberReleaseReason; releasedAt: string; status: PhoneNumberStatus }
>(
  `update phone_number p set status = 'RELEASED', release_reason = :reason, released_at = :releasedAt, grace_until = null, version = p.version + 1
     from wallet w
    where p.id = :id and p.periods_paid = :periodsPaid and p.status = :status and w.id = p.wallet_id returning w.currency`,
);

/** Which of `numbers` (E.164) an account holds (ACTIVE, GRACE or RENEWAL_OWED, purchases in flight included): they cannot be bought. */
export const selectHeldNumbersAmong = sql<{ number: string }, { numbers: readonly string[] }>(
  `select p.number from phone_number p where p.number = any(:numbers::text[]) and p.status in ${HELD_SQL}`,
);
