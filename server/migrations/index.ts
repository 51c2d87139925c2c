import { Migration20261122000000Ledger } from './Migration20261122000000_ledger.js';
import { Migration20261122010000Outbox } from './Migration20261122010000_outbox.js';
import { Migration20261122020000Calls } from './Migration20261122020000_calls.js';
import { Migration20261122030000MessagesNumbers } from './Migration20261122030000_messages_numbers.js';
import { Migration20261122040000Subscriptions } from './Migration20261122040000_subscriptions.js';
import { Migration20261122050000WalletUpdated } from './Migration20261122050000_wallet_updated.js';
import { Migration20261122060000CallMeterHot } from './Migration20261122060000_call_meter_hot.js';
import { Migration20261122070000Payments } from './Migration20261122070000_payments.js';
import { Migration20261122080000Users } from './Migration20261122080000_users.js';
import { Migration20261122090000WalletBurn } from './Migration20261122090000_wallet_burn.js';
import { Migration20261122100000CampaignSpendSeries } from './Migration20261122100000_campaign_spend_series.js';
import { Migration20261204000000Alerts } from './Migration20261204000000_alerts.js';
import { Migration20261204010000Mail } from './Migration20261204010000_mail.js';
import { Migration20261204020000Webhooks } from './Migration20261204020000_webhooks.js';
import { Migration20261206030000RateLimits } from './Migration20261206030000_rate_limits.js';
import { Migration20261206040000WebhookSsrfFairness } from './Migration20261206040000_webhook_ssrf_fairness.js';
import { Migration20261206050000Retention } from './Migration20261206050000_retention.js';
import { Migration20261206100000TeamInvitationMail } from './Migration20261206100000_team_invitation_mail.js';
import { Migration20261206100000NumbersPlanOverage } from './Migration20261206100000_numbers_plan_overage.js';
import { Migration20261206100000BurnRateWindow } from './Migration20261206100000_burn_rate_window.js';
import { Migration20261206104000BillingProfileAddress } from './Migration20261206104000_billing_profile_address.js';
import { Migration20261207030000Invoices } from './Migration20261207030000_invoices.js';
import { Migration20261207020000SignUp } from './Migration20261207020000_sign_up.js';
import { Migration20261207040000AuditRefundRequests } from './Migration20261207040000_audit_refund_requests.js';
import { Migration20261207010000NumbersRenewalOwed } from './Migration20261207010000_numbers_renewal_owed.js';
import { Migration20261207010100SenderIds } from './Migration20261207010100_sender_ids.js';
import { Migration20261207060000InboundCallsUsageReports } from './Migration20261207060000_inbound_calls_usage_reports.js';
import { Migration20261207070000AlertAcknowledgementFeed } from './Migration20261207070000_alert_acknowledgement_feed.js';
import { Migration20261207050000SpendCaps } from './Migration20261207050000_spend_caps.js';
import { Migration20261207100000TrialCreditKey } from './Migration20261207100000_trial_credit_key.js';
import { Migration20261207110000RefundRequestFailed } from './Migration20261207110000_refund_request_failed.js';
import { Migration20261207140000PostingInOrder } from './Migration20261207140000_posting_in_order.js';
import { Migration20261207170000PostingChecksPerStatement } from './Migration20261207170000_posting_checks_per_statement.js';
import { Migration20261207174000PostingChecksSmallStatements } from './Migration20261207174000_posting_checks_small_statements.js';
import { Migration20261207120000OwedRenewalsByWallet } from './Migration20261207120000_owed_renewals_by_wallet.js';
import { Migration20261207090000Documents } from './Migration20261207090000_documents.js';
import { Migration20261207080000CampaignStoppedSpendCap } from './Migration20261207080000_campaign_stopped_spend_cap.js';
import { Migration20261207160000CallMeter } from './Migration20261207160000_call_meter.js';
import { Migration20261207235200OutboxTransactionRanges } from './Migration20261207235200_outbox_transaction_ranges.js';
import { Migration20261207235900ReconcileAllowedValues } from './Migration20261207235900_reconcile_allowed_values.js';

/**
 * Every migration, in order. Registered as classes rather than found by path so they run the same
 * from dist/ and inside Vitest (shared/STACK.md pitfall 4).
 */
export const migrationsList = [
  { name: 'Migration20261122000000_ledger', class: Migration20261122000000Ledger },
  { name: 'Migration20261122010000_outbox', class: Migration20261122010000Outbox },
  { name: 'Migration20261122020000_calls', class: Migration20261122020000Calls },
  { name: 'Migration20261122030000_messages_numbers', class: Migration20261122030000MessagesNumbers },
  { name: 'Migration20261122040000_subscriptions', class: Migration20261122040000Subscriptions },
  { name: 'Migration20261122050000_wallet_updated', class: Migration20261122050000WalletUpdated },
  { name: 'Migration20261122060000_call_meter_hot', class: Migration20261122060000CallMeterHot },
  { name: 'Migration20261122070000_payments', class: Migration20261122070000Payments },
  { name: 'Migration20261122080000_users', class: Migration20261122080000Users },
  { name: 'Migration20261122090000_wallet_burn', class: Migration20261122090000WalletBurn },
  { name: 'Migration20261122100000_campaign_spend_series', class: Migration20261122100000CampaignSpendSeries },
  { name: 'Migration20261204000000_alerts', class: Migration20261204000000Alerts },
  { name: 'Migration20261204010000_mail', class: Migration20261204010000Mail },
  { name: 'Migration20261204020000_webhooks', class: Migration20261204020000Webhooks },
  { name: 'Migration20261206030000_rate_limits', class: Migration20261206030000RateLimits },
  { name: 'Migration20261206040000_webhook_ssrf_fairness', class: Migration20261206040000WebhookSsrfFairness },
  { name: 'Migration20261206050000_retention', class: Migration20261206050000Retention },
  { name: 'Migration20261206100000_team_invitation_mail', class: Migration20261206100000TeamInvitationMail },
  { name: 'Migration20261206100000_numbers_plan_overage', class: Migration20261206100000NumbersPlanOverage },
  { name: 'Migration20261206100000_burn_rate_window', class: Migration20261206100000BurnRateWindow },
  { name: 'Migration20261206104000_billing_profile_address', class: Migration20261206104000BillingProfileAddress },
  { name: 'Migration20261207030000_invoices', class: Migration20261207030000Invoices },
  { name: 'Migration20261207020000_sign_up', class: Migration20261207020000SignUp },
  { name: 'Migration20261207040000_audit_refund_requests', class: Migration20261207040000AuditRefundRequests },
  { name: 'Migration20261207010000_numbers_renewal_owed', class: Migration20261207010000NumbersRenewalOwed },
  { name: 'Migration20261207010100_sender_ids', class: Migration20261207010100SenderIds },
  { name: 'Migration20261207060000_inbound_calls_usage_reports', class: Migration20261207060000InboundCallsUsageReports },
  { name: 'Migration20261207070000_alert_acknowledgement_feed', class: Migration20261207070000AlertAcknowledgementFeed },
  { name: 'Migration20261207050000_spend_caps', class: Migration20261207050000SpendCaps },
  { name: 'Migration20261207100000_trial_credit_key', class: Migration20261207100000TrialCreditKey },
  { name: 'Migration20261207110000_refund_request_failed', class: Migration20261207110000RefundRequestFailed },
  { name: 'Migration20261207140000_posting_in_order', class: Migration20261207140000PostingInOrder },
  { name: 'Migration20261207120000_owed_renewals_by_wallet', class: Migration20261207120000OwedRenewalsByWallet },
  { name: 'Migration20261207090000_documents', class: Migration20261207090000Documents },
  { name: 'Migration20261207080000_campaign_stopped_spend_cap', class: Migration20261207080000CampaignStoppedSpendCap },
  { name: 'Migration20261207170000_posting_checks_per_statement', class: Migration20261207170000PostingChecksPerStatement },
  { name: 'Migration20261207160000_call_meter', class: Migration20261207160000CallMeter },
  { name: 'Migration20261207174000_posting_checks_small_statements', class: Migration20261207174000PostingChecksSmallStatements },
  { name: 'Migration20261207235200_outbox_transaction_ranges', class: Migration20261207235200OutboxTransactionRanges },
  // Last: every list of allowed values the migrations above restated in parallel, put back together.
  { name: 'Migration20261207235900_reconcile_allowed_values', class: Migration20261207235900ReconcileAllowedValues },
];
