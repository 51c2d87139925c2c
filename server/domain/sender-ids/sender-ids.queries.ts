/**
 * The statements of sender IDs (table `sender_id`): registration, support's decision, renewals,
 * grace, cancellation. Each state change is conditional on the state it was decided from.
 */
import { sql } from '../../database/sql.js';
import { createdBeforeCursorSql } from '../campaigns/created-cursor.js';
import { availableMicrosSql } from '../wallets/credit.js';
import type { SenderIdCancelReason, SenderIdStatus } from './sender-id-record.js';

/** A `sender_id` row as the pool returns it, selected with {@link SENDER_ID_COLUMNS}. */
export interface SenderIdRow {
  id: string;
  account_id: string;
  wallet_id: string;
  sender: string;
  status: SenderIdStatus;
  monthly_micros: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at_ms: number | null;
  periods_paid: number;
  renews_at_ms: number | null;
  grace_until_ms: number | null;
  cancelled_at_ms: number | null;
  cancel_reason: SenderIdCancelReason | null;
  version: string;
  created_at_ms: number;
  created_at_us: string;
}

const ms = (column: string) => `(extract(epoch from p.${column}) * 1000)::float8 as ${column}_ms`;

/** Columns of a {@link SenderIdRow} from table `sender_id p`. */
export const SENDER_ID_COLUMNS = `p.id, p.account_id, p.wallet_id, p.sender, p.status, p.monthly_micros::text, p.decision_reason, p.decided_by,
  ${ms('decided_at')}, p.periods_paid, ${ms('renews_at')}, ${ms('grace_until')}, ${ms('cancelled_at')}, p.cancel_reason, p.version::text,
  ${ms('created_at')}, (extract(epoch from p.created_at) * 1000000)::bigint::text as created_at_us`;

/** The statuses of a sender ID that may send and renews, as an SQL list. */
export const LIVE_SQL = `('APPROVED', 'GRACE', 'RENEWAL_OWED')`;

export const selectSenderId = sql<SenderIdRow, { id: string; scope: string | null }>(
  `select ${SENDER_ID_COLUMNS} from sender_id p where p.id = :id and (:scope::uuid is null or p.account_id = :scope)`,
);

/** One page of an account's sender IDs (null scope: every tenant's), newest first, after the cursor. */
export const selectSenderIdsPage = sql<
  SenderIdRow,
  { scope: string | null; status: SenderIdStatus | null; afterUs: string | null; afterId: string | null; limit: number }
>(
  `select ${SENDER_ID_COLUMNS} from sender_id p
    where (:scope::uuid is null or p.account_id = :scope) and (:status::text is null or p.status = :status) and ${createdBeforeCursorSql('p')}
    order by p.created_at desc, p.id desc limit :limit`,
);

/** PENDING sender IDs of every tenant, oldest first (support's queue), with the account's name. */
export const selectPendingSenderIds = sql<SenderIdRow & { account_name: string }, { limit: number }>(
  `select ${SENDER_ID_COLUMNS}, a.name as account_name from sender_id p join account a on a.id = p.account_id
    where p.status = 'PENDING' order by p.created_at, p.id limit :limit`,
);

/** Locks the account's row so two registrations count its sender IDs one after the other. */
export const lockAccountForSenderIds = sql<{ status: string }, { accountId: string }>(
  'select status from account where id = :accountId for update',
);

export const countLiveOrPendingSenderIds = sql<{ n: number }, { accountId: string }>(
  `select count(*)::int as n from sender_id where account_id = :accountId and status in ('PENDING', 'APPROVED', 'GRACE', 'RENEWAL_OWED')`,
);

/** Registers a PENDING sender ID; no row when the account already has this text live or pending. */
export const insertSenderId = sql<SenderIdRow, { id: string; accountId: string; walletId: string; sender: string; createdAt: string }>(
  `insert into sender_id as p (id, account_id, wallet_id, sender, status, created_at)
   values (:id, :accountId, :walletId, :sender, 'PENDING', :createdAt)
   on conflict do nothing
   returning ${SENDER_ID_COLUMNS}`,
);

/** PENDING → REJECTED with the reason. */
export const rejectPending = sql<SenderIdRow, { id: string; reason: string; decidedBy: string; decidedAt: string }>(
  `update sender_id p set status = 'REJECTED', decision_reason = :reason, decided_by = :decidedBy, decided_at = :decidedAt, version = p.version + 1
    where p.id = :id and p.status = 'PENDING' returning ${SENDER_ID_COLUMNS}`,
);

/** PENDING → APPROVED, month 1 paid (its debit posted before), renewing at `renewsAt`. */
export const approvePending = sql<
  SenderIdRow,
  { id: string; reason: string; decidedBy: string; decidedAt: string; monthlyMicros: bigint; renewsAt: string }
>(
  `update sender_id p set status = 'APPROVED', decision_reason = :reason, decided_by = :decidedBy, decided_at = :decidedAt,
     monthly_micros = :monthlyMicros, periods_paid = 1, renews_at = :renewsAt, version = p.version + 1
    where p.id = :id and p.status = 'PENDING' returning ${SENDER_ID_COLUMNS}`,
);

/** CANCELLED by the customer (a pending one too), if live or pending. */
export const cancelByCustomer = sql<SenderIdRow, { id: string; scope: string | null; cancelledAt: string }>(
  `update sender_id p set status = 'CANCELLED', grace_until = null, cancelled_at = :cancelledAt,
     cancel_reason = case when p.status = 'PENDING' then 'CANCELLED_WHILE_PENDING' else 'CANCELLED_BY_CUSTOMER' end, version = p.version + 1
    where p.id = :id and (:scope::uuid is null or p.account_id = :scope) and p.status in ('PENDING', ${LIVE_SQL.slice(1, -1)})
    returning ${SENDER_ID_COLUMNS}`,
);

/** A sender ID due for renewal with what deciding it needs of its wallet and account. */
export interface DueSenderIdRow extends SenderIdRow {
  wallet_status: 'ACTIVE' | 'SUSPENDED';
  available_micros: string;
  account_status: 'ACTIVE' | 'CLOSED';
  currency: string;
}

const DUE_COLUMNS = `${SENDER_ID_COLUMNS}, w.status as wallet_status, ${availableMicrosSql('w')}::text as available_micros,
  a.status as account_status, w.currency`;

/** Live sender IDs whose renewal is due by `dueBy` (or whose account was closed), the most overdue first. */
export const selectDueSenderIds = sql<DueSenderIdRow, { dueBy: string; limit: number }>(
  `select ${DUE_COLUMNS}
     from sender_id p join wallet w on w.id = p.wallet_id join account a on a.id = p.account_id
    where p.status in ${LIVE_SQL} and (p.renews_at <= :dueBy or a.status = 'CLOSED')
    order by p.renews_at, p.id limit :limit`,
);

/** RENEWAL_OWED sender IDs whose wallet has money again and whose account is open, the longest owed first. */
export const selectFundedOwedSenderIds = sql<DueSenderIdRow, { limit: number }>(
  `select ${DUE_COLUMNS}
     from sender_id p join wallet w on w.id = p.wallet_id join account a on a.id = p.account_id
    where p.status = 'RENEWAL_OWED' and ${availableMicrosSql('w')} > 0 and a.status = 'ACTIVE'
    order by p.renews_at, p.id limit :limit`,
);

/** The RENEWAL_OWED sender IDs of one wallet that has money on it again (its account open), the longest owed first. */
export const selectFundedOwedSenderIdsOfWallet = sql<DueSenderIdRow, { walletId: string; limit: number }>(
  `select ${DUE_COLUMNS}
     from sender_id p join wallet w on w.id = p.wallet_id join account a on a.id = p.account_id
    where p.wallet_id = :walletId and p.status = 'RENEWAL_OWED' and ${availableMicrosSql('w')} > 0 and a.status = 'ACTIVE'
    order by p.renews_at, p.id limit :limit`,
);

/** Records months up to `period` paid, if `periodsPaid` is still the one read and it is live. */
export const recordSenderIdRenewal = sql<{ id: string }, { id: string; periodsPaid: number; period: number; renewsAt: string }>(
  `update sender_id set periods_paid = :period, renews_at = :renewsAt, status = 'APPROVED', grace_until = null, version = version + 1
    where id = :id and periods_paid = :periodsPaid and status in ${LIVE_SQL} returning id`,
);

/** APPROVED or GRACE → RENEWAL_OWED, if unchanged since read. */
export const markSenderIdOwed = sql<{ id: string }, { id: string; periodsPaid: number; status: SenderIdStatus }>(
  `update sender_id set status = 'RENEWAL_OWED', grace_until = null, version = version + 1
    where id = :id and periods_paid = :periodsPaid and status = :status and status in ('APPROVED', 'GRACE') returning id`,
);

/** APPROVED or RENEWAL_OWED → GRACE until `graceUntil`, if unchanged since read. */
export const enterSenderIdGrace = sql<{ id: string }, { id: string; periodsPaid: number; status: SenderIdStatus; graceUntil: string }>(
  `update sender_id set status = 'GRACE', grace_until = :graceUntil, version = version + 1
    where id = :id and periods_paid = :periodsPaid and status = :status and status in ('APPROVED', 'RENEWAL_OWED') returning id`,
);

/** CANCELLED by the renewals (grace ended, account closed), if unchanged since read. */
export const cancelDueSenderId = sql<
  { id: string },
  { id: string; periodsPaid: number; status: SenderIdStatus; reason: SenderIdCancelReason; cancelledAt: string }
>(
  `update sender_id set status = 'CANCELLED', grace_until = null, cancel_reason = :reason, cancelled_at = :cancelledAt, version = version + 1
    where id = :id and periods_paid = :periodsPaid and status = :status returning id`,
);

/** CANCELLED (ACCOUNT_CLOSED): every pending or live sender ID of an account. */
export const cancelAccountSenderIds = sql<
  { id: string; sender: string; wallet_id: string; was_live: boolean },
  { accountId: string; cancelledAt: string }
>(
  `update sender_id p set status = 'CANCELLED', grace_until = null, cancel_reason = 'ACCOUNT_CLOSED', cancelled_at = :cancelledAt,
     version = p.version + 1
     from sender_id before
    where before.id = p.id and p.account_id = :accountId and p.status in ('PENDING', ${LIVE_SQL.slice(1, -1)})
    returning p.id, p.sender, p.wallet_id, before.status <> 'PENDING' as was_live`,
);

export const selectSenderIdPeriodsPaid = sql<{ periods_paid: number; status: SenderIdStatus }, { id: string }>(
  'select periods_paid, status from sender_id where id = :id',
);

/** The account's registration of `sender` that counts (live first, then the latest), for sendMessage's check. */
export const selectSenderForMessage = sql<{ status: SenderIdStatus }, { accountId: string; sender: string }>(
  `select status from sender_id where account_id = :accountId and sender = :sender
    order by (status in ${LIVE_SQL}) desc, created_at desc limit 1`,
);

/** What approving needs of the wallet: its currency. */
export const selectWalletCurrency = sql<{ currency: string }, { walletId: string }>('select currency from wallet where id = :walletId');
