import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { WebhookDelivery, WebhookAttempt } from '../../domain/webhooks/webhook-delivery-record.js';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint-record.js';
import { WebhookDeliveryStatus, WebhookEventType } from '../../domain/webhooks/webhook-event-type.js';
import { PageInfo } from '../wallets/wallet.type.js';

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'What a webhook endpoint subscribes to.',
  valuesConfig: {
    TRANSACTION_CREATED: { description: 'Every wallet transaction.' },
    ALERT_RAISED: { description: 'Every alert, of any kind.' },
    CALLS_STOPPED: { description: 'Alerts of kind CALLS_STOPPED, with the count of calls stopped.' },
    TOP_UP_SUCCEEDED: { description: 'A card top-up succeeded and was credited.' },
    TOP_UP_FAILED: { description: 'A card payment failed.' },
    REFUND_REQUEST_UPDATED: {
      description:
        'A refund request of unused credit was made, approved, declined or cancelled, or its card refund failed (the alert, with the amount and what happened).',
    },
    NUMBER_RENEWAL_FAILED: {
      description: "Alerts of kind NUMBER_RENEWAL_FAILED: a number's renewal could not be paid (grace, or owed while suspended).",
    },
    NUMBER_RELEASED: { description: 'Alerts of kind NUMBER_RELEASED: a number was released when its grace ended or its account closed.' },
    SENDER_ID_APPROVED: { description: 'Alerts of kind SENDER_ID_APPROVED.' },
    SENDER_ID_REJECTED: { description: 'Alerts of kind SENDER_ID_REJECTED, with the reason in the message.' },
    SENDER_ID_RENEWAL_FAILED: { description: 'Alerts of kind SENDER_ID_RENEWAL_FAILED.' },
    SENDER_ID_CANCELLED: { description: 'Alerts of kind SENDER_ID_CANCELLED.' },
    INVOICE_ISSUED: {
      description:
        'An invoice was issued (a card top-up settled, a bank transfer completed): id, number, walletId, currency, net, tax, total and pdfUrl (fetch it with the API key).',
    },
    CREDIT_NOTE_ISSUED: {
      description:
        'A credit note was issued (a refund to a card was confirmed): id, number, walletId, currency, net, tax, total, the credited invoice and pdfUrl.',
    },
  },
});
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING until a 2xx (DELIVERED) or until retries ran out after the retry window (FAILED).',
  valuesConfig: {
    PENDING: { description: 'Not yet answered with a 2xx: retried with backoff until deliverUntil.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Retries ran out; replayWebhookDelivery sends it again.' },
  },
});

export { WebhookDeliveryStatus, WebhookEventType };

@ObjectType('WebhookEndpoint', {
  description: 'Where an account’s events are POSTed, signed with the endpoint’s secret (shown only at creation and rotation).',
})
export class WebhookEndpointObject {
  @Field(() => ID, { description: 'Unique id of the webhook endpoint.' })
  id!: string;

  @Field(() => ID, { description: 'The account whose events it receives.' })
  accountId!: string;

  @Field(() => String, { description: 'Where events are POSTed.' })
  url!: string;

  @Field(() => String, { description: 'A note for people ("" when none).' })
  description!: string;

  @Field(() => [WebhookEventType], { description: 'The event types sent to it (at least one).' })
  eventTypes!: WebhookEventType[];

  @Field(() => Boolean, { description: 'A disabled endpoint gets no new events; its pending deliveries wait until it is enabled.' })
  enabled!: boolean;

  @Field(() => DateTimeResolver, { description: 'When the webhook endpoint was created.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When it was last changed (or its secret rotated).' })
  updatedAt!: Date;
}

/** The GraphQL view of an endpoint. */
export function toWebhookEndpointObject(endpoint: WebhookEndpoint): WebhookEndpointObject {
  return Object.assign(new WebhookEndpointObject(), endpoint);
}

@ObjectType('WebhookAttempt', { description: 'One POST of a delivery.' })
export class WebhookAttemptObject {
  @Field(() => ID, { description: 'Unique id of the attempt.' })
  id!: string;

  @Field(() => DateTimeResolver, { description: 'When the POST was sent.' })
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status; null when it gave none (refused, timed out, reset).' })
  statusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Null when the attempt succeeded; otherwise why it failed, one of: TIMEOUT, CONNECTION_REFUSED, CONNECTION_RESET, HOST_UNREACHABLE, ' +
      'DNS_FAILURE, TLS_ERROR, FORBIDDEN_TARGET (the host resolved to a non-public address: nothing was sent), REDIRECT (a 3xx: redirects are ' +
      'not followed), HTTP_ERROR (another non-2xx status), INVALID_RESPONSE, CONNECTION_FAILED. The receiver’s answer is never kept.',
  })
  error!: string | null;

  @Field(() => String, {
    description: "Always null: the receiver's answer is no longer kept.",
    nullable: true,
    deprecationReason:
      'Always null: the receiver’s answer is no longer kept (it could show what an internal service answered). Use statusCode and error.',
  })
  responseBody!: string | null;

  @Field(() => Int, { description: 'How long the attempt took until its answer or failure, in milliseconds.' })
  durationMs!: number;

  @Field(() => Boolean, { description: 'True when the receiver answered 2xx.' })
  succeeded!: boolean;
}

@ObjectType('WebhookDelivery', { description: 'One event for one endpoint.' })
export class WebhookDeliveryObject {
  @Field(() => ID, { description: 'Unique id of the delivery.' })
  id!: string;

  @Field(() => ID, { description: 'The endpoint it is for.' })
  endpointId!: string;

  @Field(() => String, { description: 'The event id (evt_…): the same on every attempt and replay.' })
  eventId!: string;

  @Field(() => WebhookEventType, { description: 'The event type.' })
  eventType!: WebhookEventType;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'POSTs made so far.' })
  attemptCount!: number;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the next attempt is due (PENDING only).' })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'A failed attempt at or after this time makes the delivery FAILED.' })
  deliverUntil!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'The last 2xx.' })
  deliveredAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'When it was queued.' })
  createdAt!: Date;

  @Field(() => String, { description: 'The exact JSON body POSTed: { id, type, createdAt, accountId, data }.' })
  payload!: string;

  @Field(() => [WebhookAttemptObject], { description: 'Newest first (at most 50).' })
  attempts!: WebhookAttemptObject[];

  @Field(() => WebhookAttemptObject, {
    nullable: true,
    description: 'The newest attempt (its status code and error), for a delivery log row; null before the first POST.',
  })
  lastAttempt!: WebhookAttemptObject | null;
}

function toAttemptObject(attempt: WebhookAttempt): WebhookAttemptObject {
  return Object.assign(new WebhookAttemptObject(), attempt, { responseBody: null });
}

/** The GraphQL view of a delivery. */
export function toWebhookDeliveryObject(delivery: WebhookDelivery): WebhookDeliveryObject {
  return Object.assign(new WebhookDeliveryObject(), {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.nextAttemptAt,
    deliverUntil: delivery.deliverUntil,
    deliveredAt: delivery.deliveredAt,
    createdAt: delivery.createdAt,
    payload: delivery.body,
    attempts: delivery.attempts.map(toAttemptObject),
    lastAttempt: delivery.attempts[0] === undefined ? null : toAttemptObject(delivery.attempts[0]),
  });
}

@ObjectType('WebhookDeliveryEdge', { description: 'One delivery of a page and its cursor.' })
export class WebhookDeliveryEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => WebhookDeliveryObject, { description: 'The delivery.' })
  node!: WebhookDeliveryObject;
}

@ObjectType('WebhookDeliveryConnection', { description: 'Deliveries newest first, Relay style.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge], { description: 'This page of deliveries, in order.' })
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}

/** Arguments of `WebhookEndpoint.deliveries`. */
@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;

  @Field(() => WebhookDeliveryStatus, { description: 'Only deliveries in this status.', nullable: true })
  status?: WebhookDeliveryStatus | null;
}

@InputType('CreateWebhookEndpointInput', { description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field(() => ID, { nullable: true, description: 'The caller’s own account when omitted (required for PLATFORM_ADMIN).' })
  accountId?: string | null;

  @Field(() => String, { description: 'https://…, or http:// to localhost, 127.0.0.0/8 or [::1]. At most 2048 characters.' })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'At least one.' })
  eventTypes!: WebhookEventType[];

  @Field(() => String, { description: 'A note for people, up to 500 characters.', nullable: true })
  description?: string | null;
}

@ObjectType('CreateWebhookEndpointPayload', {
  description: 'The result of createWebhookEndpoint: the endpoint and its signing secret, shown this once.',
})
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointObject, { description: 'The new endpoint, enabled.' })
  endpoint!: WebhookEndpointObject;

  @Field(() => String, { description: 'The signing secret (whsec_…). Shown this once; store it now.' })
  secret!: string;
}

@InputType('UpdateWebhookEndpointInput', { description: 'Omitted fields stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'Id of the endpoint to change.' })
  id!: string;

  @Field(() => String, { description: 'New URL (same rules as at creation).', nullable: true })
  url?: string | null;

  @Field(() => [WebhookEventType], { description: 'New event types (at least one).', nullable: true })
  eventTypes?: WebhookEventType[] | null;

  @Field(() => String, { description: 'New note, up to 500 characters.', nullable: true })
  description?: string | null;

  @Field(() => Boolean, { description: 'false stops new events; true resumes them, pending deliveries included.', nullable: true })
  enabled?: boolean | null;
}

@ObjectType('WebhookEndpointPayload', { description: 'The result of updateWebhookEndpoint and deleteWebhookEndpoint.' })
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpointObject, { description: 'The endpoint after the change (as it was, when deleted).' })
  endpoint!: WebhookEndpointObject;
}

@ObjectType('RotateWebhookEndpointSecretPayload', {
  description: 'The result of rotateWebhookEndpointSecret: the new secret, shown this once.',
})
export class RotateWebhookEndpointSecretPayload {
  @Field(() => WebhookEndpointObject, { description: 'The endpoint.' })
  endpoint!: WebhookEndpointObject;

  @Field(() => String, { description: 'The new signing secret, in force at once. Shown this once.' })
  secret!: string;
}

@ObjectType('ReplayWebhookDeliveryPayload', { description: 'The result of replayWebhookDelivery.' })
export class ReplayWebhookDeliveryPayload {
  @Field(() => WebhookDeliveryObject, { description: 'The delivery, PENDING again and due now.' })
  delivery!: WebhookDeliveryObject;
}

@InputType('ReplayWebhookEventsInput', { description: 'Stored events to send to one endpoint again.' })
export class ReplayWebhookEventsInput {
  @Field(() => ID, { description: 'The endpoint to send them to.' })
  endpointId!: string;

  @Field(() => DateTimeResolver, { description: 'Events whose cause happened at or after this time…' })
  from!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: '…and before this one (exclusive). No upper bound when omitted.' })
  to?: Date | null;
}

@ObjectType('ReplayWebhookEventsPayload', { description: 'The result of replayWebhookEvents.' })
export class ReplayWebhookEventsPayload {
  @Field(() => Int, { description: 'Deliveries queued (at most 1000 per call).' })
  queued!: number;
}
