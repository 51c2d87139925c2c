import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook hardening (issue 14, item 7).
 *
 * - The attempt log no longer keeps what a receiver answered nor the socket's or TLS library's own
 *   error text: pointed at an internal service, they showed its answer and made the sender a port
 *   scanner. `response_body` is dropped; existing `error` texts become the class the sender now
 *   writes, and a check keeps it to those classes.
 * - Fair sending: `leased_until` marks a delivery an attempt is in flight for (until when), so the
 *   claim counts attempts in flight per endpoint and per account across processes; an endpoint's
 *   `last_claimed_at` orders the round-robin between endpoints and accounts.
 */
export class Migration20261206040000WebhookSsrfFairness extends Migration {
  override up(): void {
    this.addSql(`
alter table webhook_attempt drop column response_body;
update webhook_attempt set error = case
    when succeeded then null
    when status_code between 300 and 399 then 'REDIRECT'
    when status_code is not null then 'HTTP_ERROR'
    when error like 'timed out%' then 'TIMEOUT'
    when error like '%ECONNREFUSED%' then 'CONNECTION_REFUSED'
    when error like '%ECONNRESET%' or error like '%socket hang up%' or error like '%EPIPE%' then 'CONNECTION_RESET'
    when error like '%ENOTFOUND%' or error like '%EAI_%' then 'DNS_FAILURE'
    when error like '%EHOSTUNREACH%' or error like '%ENETUNREACH%' then 'HOST_UNREACHABLE'
    when error ~* '(certificate|tls|ssl|EPROTO)' then 'TLS_ERROR'
    when error like 'invalid HTTP status%' then 'INVALID_RESPONSE'
    else 'CONNECTION_FAILED' end;
alter table webhook_attempt add constraint webhook_attempt_error_class_check check (error in (
  'TIMEOUT', 'CONNECTION_REFUSED', 'CONNECTION_RESET', 'HOST_UNREACHABLE', 'DNS_FAILURE', 'TLS_ERROR',
  'FORBIDDEN_TARGET', 'REDIRECT', 'HTTP_ERROR', 'INVALID_RESPONSE', 'CONNECTION_FAILED'));
alter table webhook_attempt add constraint webhook_attempt_error_iff_failed_check check ((error is null) = succeeded);

-- While an attempt is in flight: when its lease ends (equal to next_attempt_at then). Null otherwise.
alter table webhook_delivery add column leased_until timestamptz;
create index webhook_delivery_leased_idx on webhook_delivery (leased_until) where leased_until is not null;
-- An endpoint's due deliveries, oldest first: the claim takes a few per endpoint.
create index webhook_delivery_endpoint_due_idx on webhook_delivery (endpoint_id, next_attempt_at, position) where status = 'PENDING';
-- When the sender last took one of its deliveries (round-robin between endpoints and accounts).
alter table webhook_endpoint add column last_claimed_at timestamptz;
`);
  }
}
