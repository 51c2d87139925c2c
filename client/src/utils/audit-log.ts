/** The audit log's pure rules: what each action is called, and a change's before → after in lines people read. */
import type { AuditAction } from '../gql/graphql.js';

/** Every action's label (an action added to the schema fails type-checking here until labelled). */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  API_KEY_CREATED: 'API key created',
  API_KEY_REVOKED: 'API key revoked',
  USER_INVITED: 'User invited',
  INVITATION_REVOKED: 'Invitation revoked',
  USER_CREATED: 'User created',
  MEMBER_ROLE_CHANGED: 'Role changed',
  MEMBER_REMOVED: 'Member removed',
  AUTO_RECHARGE_CHANGED: 'Auto-recharge changed',
  MONTHLY_RECHARGE_CHANGED: 'Monthly recharge changed',
  NOTIFICATION_PREFERENCE_CHANGED: 'Notification setting changed',
  BILLING_PROFILE_CHANGED: 'Billing profile changed',
  LOW_BALANCE_THRESHOLDS_CHANGED: 'Balance alert thresholds changed',
  WEBHOOK_ENDPOINT_CREATED: 'Webhook endpoint added',
  WEBHOOK_ENDPOINT_UPDATED: 'Webhook endpoint changed',
  WEBHOOK_ENDPOINT_DELETED: 'Webhook endpoint deleted',
  WEBHOOK_ENDPOINT_SECRET_ROTATED: 'Webhook secret rotated',
  CAMPAIGN_BUDGET_CHANGED: 'Campaign budget changed',
  CREDIT_GRANTED: 'Credit granted by support',
  WALLET_ADJUSTED: 'Balance adjusted by support',
  CREDIT_REFUNDED: 'Credit refunded by support',
  BANK_TRANSFER_COMPLETED: 'Bank transfer credited',
  BANK_TRANSFER_CANCELLED: 'Bank transfer cancelled',
  REFUND_REQUESTED: 'Refund requested',
  REFUND_REQUEST_CANCELLED: 'Refund request cancelled',
  REFUND_REQUEST_APPROVED: 'Refund request approved',
  REFUND_REQUEST_DECLINED: 'Refund request declined',
  REFUND_REQUEST_RETRIED: 'Refund request retried',
  WALLET_CREATED: 'Wallet created',
  SPEND_CAPS_CHANGED: 'Spend caps changed',
  ACCOUNT_TIMEZONE_CHANGED: 'Timezone changed',
  SENDER_ID_REGISTERED: 'Sender ID registered',
  SENDER_ID_APPROVED: 'Sender ID approved',
  SENDER_ID_REJECTED: 'Sender ID rejected',
  SENDER_ID_CANCELLED: 'Sender ID cancelled',
  ACCOUNT_CREATED: 'Account created',
  CAMPAIGN_CREATED: 'Campaign created',
  INVITATION_RESENT: 'Invitation resent',
  BANK_TRANSFER_RECORDED: 'Bank transfer recorded',
};

/** One changed field: its name, and its value before and after (null: absent). */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A JSON value in a few words: text as is, lists joined, objects as JSON. */
function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => show(item) ?? '—').join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Parses an entry's JSON (null, or text that is not an object: no fields). */
function fieldsOf(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The fields an entry records, in the order they first appear (before's, then after's new ones):
 * for an update only those that changed, for a creation or deletion all of them.
 */
export function auditChanges(beforeJson: string | null, afterJson: string | null): AuditChange[] {
  const before = fieldsOf(beforeJson);
  const after = fieldsOf(afterJson);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const both = beforeJson !== null && afterJson !== null;
  return fields
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }))
    .filter((change) => !both || change.before !== change.after);
}

/** A field's name in words: "eventTypes" → "event types". */
export function fieldLabel(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
