/** The statements of customers' refund requests (table `refund_request`) and of their mails. */
import { sql } from '../../database/sql.js';

/** A `refund_request` row with its wallet's currency and account's name: int8 as strings, times in epoch milliseconds. */
export interface RefundRequestRow {
  id: string;
  account_id: string;
  account_name: string;
  wallet_id: string;
  currency: string;
  amount_micros: string;
  reason: string | null;
  status: 'PENDING' | 'APPROVED' | 'DECLINED' | 'CANCELLED' | 'FAILED';
  requested_by: string;
  decided_by: string | null;
  decline_reason: string | null;
  wallet_transaction_id: string | null;
  failure_reason: string | null;
  failed_micros: string | null;
  failed_at_ms: number | null;
  attempts: number;
  attempt_transaction_id: string | null;
  created_at_ms: number;
  decided_at_ms: number | null;
}

const COLUMNS = `r.id, r.account_id, a.name as account_name, r.wallet_id, w.currency, r.amount_micros::text, r.reason, r.status,
  r.requested_by, r.decided_by, r.decline_reason, r.wallet_transaction_id, r.failure_reason, r.failed_micros::text,
  (extract(epoch from r.failed_at) * 1000)::float8 as failed_at_ms, r.attempts, r.attempt_transaction_id,
  (extract(epoch from r.created_at) * 1000)::float8 as created_at_ms, (extract(epoch from r.decided_at) * 1000)::float8 as decided_at_ms`;
const FROM = 'refund_request r join wallet w on w.id = r.wallet_id join account a on a.id = r.account_id';

/** The wallet of a new request, locked (the refundable amount is read under it), within `accountScope` (null: any). */
export const lockRequestWallet = sql<
  { id: string; account_id: string; currency: string },
  { walletId: string; accountScope: string | null }
>(
  `select id, account_id, currency from wallet where id = :walletId and (:accountScope::uuid is null or account_id = :accountScope::uuid)
   for update`,
);

/** The wallet's PENDING request, if any. */
export const selectPendingOfWallet = sql<{ id: string }, { walletId: string }>(
  `select id from refund_request where wallet_id = :walletId and status = 'PENDING'`,
);

export const insertRefundRequest = sql<
  { id: string },
  { id: string; accountId: string; walletId: string; amountMicros: bigint; reason: string | null; requestedBy: string; nowMs: number }
>(
  `insert into refund_request (id, account_id, wallet_id, amount_micros, reason, status, requested_by, created_at)
   values (:id, :accountId, :walletId, :amountMicros, :reason, 'PENDING', :requestedBy, to_timestamp(:nowMs / 1000.0)) returning id`,
);

/** One request within `accountScope` (null: any). */
export const selectRefundRequest = sql<RefundRequestRow, { id: string; accountScope: string | null }>(
  `select ${COLUMNS} from ${FROM} where r.id = :id and (:accountScope::uuid is null or r.account_id = :accountScope::uuid)`,
);

/** One request within `accountScope` (null: any), locked. */
export const lockRefundRequest = sql<RefundRequestRow, { id: string; accountScope: string | null }>(
  `select ${COLUMNS} from ${FROM} where r.id = :id and (:accountScope::uuid is null or r.account_id = :accountScope::uuid) for update of r`,
);

/** Closes a PENDING request (APPROVED with its refund's transaction, DECLINED with a reason, or CANCELLED). */
export const closeRefundRequest = sql<
  { id: string },
  {
    id: string;
    status: 'APPROVED' | 'DECLINED' | 'CANCELLED';
    decidedBy: string;
    declineReason: string | null;
    walletTransactionId: string | null;
    nowMs: number;
  }
>(
  `update refund_request set status = :status, decided_by = :decidedBy, decline_reason = :declineReason,
     wallet_transaction_id = :walletTransactionId, attempt_transaction_id = :walletTransactionId, decided_at = to_timestamp(:nowMs / 1000.0)
    where id = :id and status = 'PENDING' returning id`,
);

/** Requests newest first, within `accountScope` (null: any), optionally of some statuses (null: any) and one wallet. */
export const selectRefundRequests = sql<
  RefundRequestRow,
  { accountScope: string | null; statuses: readonly string[] | null; walletId: string | null; limit: number }
>(
  `select ${COLUMNS} from ${FROM}
    where (:accountScope::uuid is null or r.account_id = :accountScope::uuid)
      and (:statuses::text[] is null or r.status = any(:statuses::text[]))
      and (:walletId::uuid is null or r.wallet_id = :walletId::uuid)
    order by r.created_at desc, r.id limit :limit`,
);

/** Who is mailed about an account's refund request: its active owners (oldest first), else its billing e-mail. */
export const selectRefundMailRecipients = sql<{ user_id: string | null; email: string }, { accountId: string; limit: number }>(
  `(select u.id as user_id, u.email from app_user u
     where u.account_id = :accountId and u.disabled_at is null and u.role = 'OWNER' order by u.created_at, u.id limit :limit)
   union all
   (select null, lower(a.billing_email) from account a
     where a.id = :accountId and a.billing_email is not null
       and not exists (select 1 from app_user u where u.account_id = a.id and u.disabled_at is null and u.role = 'OWNER'))`,
);

/** Queues the mail of a request's decision to one recipient (once per request, status and recipient). */
export const insertRefundRequestMail = sql<
  never,
  {
    accountId: string;
    userId: string | null;
    recipient: string;
    subject: string;
    text: string;
    refundRequestId: string;
    status: string;
    nowMs: number;
  }
>(
  `insert into email_message (account_id, user_id, recipient, kind, subject, body_text, refund_request_id, refund_request_status,
     next_attempt_at, created_at)
   values (:accountId, :userId, :recipient, 'REFUND_REQUEST', :subject, :text, :refundRequestId, :status,
     to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0))
   on conflict (source, recipient) do nothing`,
);

/** The request whose latest refund attempt is the REFUND debit `walletTransactionId`, locked; none for other refunds. */
export const lockRequestOfAttempt = sql<RefundRequestRow, { walletTransactionId: string }>(
  `select ${COLUMNS} from ${FROM} where r.attempt_transaction_id = :walletTransactionId for update of r`,
);

/** An APPROVED request becomes FAILED with the provider's reason and the credit that did not reach the card. */
export const markRefundRequestFailed = sql<{ id: string }, { id: string; failureReason: string; failedMicros: bigint; nowMs: number }>(
  `update refund_request set status = 'FAILED', failure_reason = :failureReason, failed_micros = :failedMicros,
     failed_at = to_timestamp(:nowMs / 1000.0)
    where id = :id and status = 'APPROVED' returning id`,
);

/** Another card refund of a FAILED request's latest attempt failed too: its credit is added to what a retry refunds. */
export const addRefundRequestFailure = sql<{ id: string }, { id: string; failureReason: string; failedMicros: bigint }>(
  `update refund_request set failure_reason = :failureReason, failed_micros = failed_micros + :failedMicros
    where id = :id and status = 'FAILED' returning id`,
);

/** A retry's refund is posted: the request is APPROVED again, with its new attempt's debit. */
export const markRefundRequestRetried = sql<{ id: string }, { id: string; attempts: number; walletTransactionId: string }>(
  `update refund_request set status = 'APPROVED', failure_reason = null, failed_micros = null, failed_at = null,
     attempts = attempts + 1, attempt_transaction_id = :walletTransactionId
    where id = :id and status = 'FAILED' and attempts = :attempts returning id`,
);

/** How many card refunds of a refund attempt (its REFUND debit) are still waiting for the provider's answer. */
export const countPendingCardRefunds = sql<{ n: number }, { walletTransactionId: string }>(
  `select count(*)::int as n from top_up_refund where wallet_transaction_id = :walletTransactionId and status = 'PENDING'`,
);
