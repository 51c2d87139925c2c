/** What integrators subscribe a webhook endpoint to. */
export enum WebhookEventType {
  /** Every wallet transaction (charges, top-ups, adjustments, refunds, grants). */
  TRANSACTION_CREATED = 'TRANSACTION_CREATED',
  /** Every alert, of any kind. */
  ALERT_RAISED = 'ALERT_RAISED',
  /** Alerts of kind CALLS_STOPPED (calls stopped for funds, budget or a spend cap), with the count. */
  CALLS_STOPPED = 'CALLS_STOPPED',
  /** A card top-up succeeded and was credited. */
  TOP_UP_SUCCEEDED = 'TOP_UP_SUCCEEDED',
  /** A card payment failed (a payment event PAYMENT_FAILED). */
  TOP_UP_FAILED = 'TOP_UP_FAILED',
  /** A refund request was made, approved, declined or cancelled, or its card refund failed (alerts REFUND_REQUESTED, REFUND_REQUEST_CLOSED, REFUND_REQUEST_FAILED). */
  REFUND_REQUEST_UPDATED = 'REFUND_REQUEST_UPDATED',
  /** Alerts of kind NUMBER_RENEWAL_FAILED: a number's renewal could not be paid (grace, or owed while suspended). */
  NUMBER_RENEWAL_FAILED = 'NUMBER_RENEWAL_FAILED',
  /** Alerts of kind NUMBER_RELEASED: a number was released when its grace ended or its account closed. */
  NUMBER_RELEASED = 'NUMBER_RELEASED',
  /** Alerts of kind SENDER_ID_APPROVED. */
  SENDER_ID_APPROVED = 'SENDER_ID_APPROVED',
  /** Alerts of kind SENDER_ID_REJECTED. */
  SENDER_ID_REJECTED = 'SENDER_ID_REJECTED',
  /** Alerts of kind SENDER_ID_RENEWAL_FAILED. */
  SENDER_ID_RENEWAL_FAILED = 'SENDER_ID_RENEWAL_FAILED',
  /** Alerts of kind SENDER_ID_CANCELLED (grace ended or account closed; not the owner's own cancellation). */
  SENDER_ID_CANCELLED = 'SENDER_ID_CANCELLED',
  /** An invoice was issued (a card top-up settled, a bank transfer completed): its number, amounts and PDF. */
  INVOICE_ISSUED = 'INVOICE_ISSUED',
  /** A credit note was issued (a refund to a card was confirmed): its number, amounts, the invoice it credits and its PDF. */
  CREDIT_NOTE_ISSUED = 'CREDIT_NOTE_ISSUED',
}

/** Alert kinds that are also sent as a webhook event type of the same name (besides ALERT_RAISED). */
export const ALERT_WEBHOOK_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  WebhookEventType.CALLS_STOPPED,
  WebhookEventType.NUMBER_RENEWAL_FAILED,
  WebhookEventType.NUMBER_RELEASED,
  WebhookEventType.SENDER_ID_APPROVED,
  WebhookEventType.SENDER_ID_REJECTED,
  WebhookEventType.SENDER_ID_RENEWAL_FAILED,
  WebhookEventType.SENDER_ID_CANCELLED,
]);

/** Every {@link WebhookEventType}, in declaration order. */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.values(WebhookEventType);

/** Where a webhook delivery stands. */
export enum WebhookDeliveryStatus {
  /** Waiting for its next attempt. */
  PENDING = 'PENDING',
  /** The endpoint answered 2xx. */
  DELIVERED = 'DELIVERED',
  /** Every attempt failed until the retry window closed. */
  FAILED = 'FAILED',
}
