import { Migration } from '@mikro-orm/migrations';
import { allowValuesSql } from './allowed-values.js';

/**
 * A refund request whose card refund fails after approval ends FAILED instead of staying APPROVED:
 * - `refund_request.status` allows FAILED: the card refund of its latest attempt failed (its credit
 *   is back in the wallet); `failure_reason` is the payment provider's reason, `failed_micros` the
 *   credit that did not reach the card (what a retry refunds) and `failed_at` when it failed. The
 *   three are set exactly when FAILED.
 * - `attempts` counts the refunds run for it (1 at approval, one more per retry) and
 *   `attempt_transaction_id` is the REFUND debit of the latest one: the card refunds a failure is
 *   matched by (unique). `wallet_transaction_id` stays the approval's debit, also when FAILED.
 * - Alert kind REFUND_REQUEST_FAILED (platform staff's feed) and a FAILED refund-request mail.
 */
export class Migration20261207110000RefundRequestFailed extends Migration {
  override up(): void {
    this.addSql(`
${allowValuesSql({ table: 'refund_request', column: 'status', constraintName: 'refund_request_status_check', values: ['FAILED'] })}
${allowValuesSql({ table: 'email_message', column: 'refund_request_status', constraintName: 'email_message_refund_request_status_check', values: ['FAILED'] })}
${allowValuesSql({ table: 'alert', column: 'kind', constraintName: 'alert_kind_check', values: ['REFUND_REQUEST_FAILED'] })}

-- The rule "a transaction exactly when APPROVED" becomes "exactly when APPROVED or FAILED" (the
-- constraint was unnamed: found by what it says).
do $$
declare
  name text;
begin
  select c.conname into name from pg_constraint c
   where c.conrelid = 'refund_request'::regclass and c.contype = 'c'
     and pg_get_constraintdef(c.oid) ilike '%status = ''APPROVED''%wallet_transaction_id IS NOT NULL%';
  if name is not null then
    execute format('alter table refund_request drop constraint %I', name);
  end if;
end $$;

alter table refund_request
  add column failure_reason text check (length(failure_reason) between 1 and 500),
  add column failed_micros bigint check (failed_micros > 0),
  add column failed_at timestamptz,
  add column attempts integer not null default 1 check (attempts >= 1),
  add column attempt_transaction_id uuid references wallet_transaction (id);
update refund_request set attempt_transaction_id = wallet_transaction_id where wallet_transaction_id is not null;
alter table refund_request
  add constraint refund_request_transaction_check check ((status in ('APPROVED', 'FAILED')) = (wallet_transaction_id is not null)),
  add constraint refund_request_attempt_check check ((wallet_transaction_id is null) = (attempt_transaction_id is null)),
  add constraint refund_request_failure_check check (
    (status = 'FAILED') = (failure_reason is not null) and (status = 'FAILED') = (failed_micros is not null)
    and (status = 'FAILED') = (failed_at is not null));
create unique index refund_request_attempt_idx on refund_request (attempt_transaction_id) where attempt_transaction_id is not null;
create index refund_request_failed_idx on refund_request (created_at, id) where status = 'FAILED';
`);
  }
}
