/** What integrators subscribe a webhook endpoint to. */
export enum WebhookEventType {
  /** Every wallet transaction (charges, top-ups, adjustments, refunds, grants). */
  TRANSACTION_CREATED = 'TRANSACTION_CREATED',
  /** Every alert, of any kind. */
  ALERT_RAISED = 'ALERT_RAISED',
  /** Alerts of kind CALLS_STOPPED (calls stopped for funds or budget), with the count. */
  CALLS_STOPPED = 'CALLS_STOPPED',
  /** A card top-up succeeded and was credited. */
  TOP_UP_SUCCEEDED = 'TOP_UP_SUCCEEDED',
  /** A card payment failed (a payment event PAYMENT_FAILED). */
  TOP_UP_FAILED = 'TOP_UP_FAILED',
  /** A refund request was made, approved, declined or cancelled (alerts REFUND_REQUESTED and REFUND_REQUEST_CLOSED). */
  REFUND_REQUEST_UPDATED = 'REFUND_REQUEST_UPDATED',
}

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
