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
  },
});
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING until a 2xx (DELIVERED) or until retries ran out after the retry window (FAILED).',
});

export { WebhookDeliveryStatus, WebhookEventType };

@ObjectType('WebhookEndpoint', { description: 'Where an account’s events are POSTed, signed with the endpoint’s secret (shown only at creation and rotation).' })
export class WebhookEndpointObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => String)
  url!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [WebhookEventType])
  eventTypes!: WebhookEventType[];

  @Field(() => Boolean, { description: 'A disabled endpoint gets no new events; its pending deliveries wait until it is enabled.' })
  enabled!: boolean;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}

/** The GraphQL view of an endpoint. */
export function toWebhookEndpointObject(endpoint: WebhookEndpoint): WebhookEndpointObject {
  return Object.assign(new WebhookEndpointObject(), endpoint);
}

@ObjectType('WebhookAttempt', { description: 'One POST of a delivery.' })
export class WebhookAttemptObject {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeResolver)
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
    nullable: true,
    deprecationReason: 'Always null: the receiver’s answer is no longer kept (it could show what an internal service answered). Use statusCode and error.',
  })
  responseBody!: string | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => Boolean)
  succeeded!: boolean;
}

@ObjectType('WebhookDelivery', { description: 'One event for one endpoint.' })
export class WebhookDeliveryObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => String, { description: 'The event id (evt_…): the same on every attempt and replay.' })
  eventId!: string;

  @Field(() => WebhookEventType)
  eventType!: WebhookEventType;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attemptCount!: number;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the next attempt is due (PENDING only).' })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'A failed attempt at or after this time makes the delivery FAILED.' })
  deliverUntil!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'The last 2xx.' })
  deliveredAt!: Date | null;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => String, { description: 'The exact JSON body POSTed: { id, type, createdAt, accountId, data }.' })
  payload!: string;

  @Field(() => [WebhookAttemptObject], { description: 'Newest first (at most 50).' })
  attempts!: WebhookAttemptObject[];
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
  });
}

@ObjectType('WebhookDeliveryEdge')
export class WebhookDeliveryEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => WebhookDeliveryObject)
  node!: WebhookDeliveryObject;
}

@ObjectType('WebhookDeliveryConnection', { description: 'Deliveries newest first, Relay style.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/** Arguments of `WebhookEndpoint.deliveries`. */
@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;

  @Field(() => WebhookDeliveryStatus, { nullable: true })
  status?: WebhookDeliveryStatus | null;
}

@InputType('CreateWebhookEndpointInput')
export class CreateWebhookEndpointInput {
  @Field(() => ID, { nullable: true, description: 'The caller’s own account when omitted (required for PLATFORM_ADMIN).' })
  accountId?: string | null;

  @Field(() => String, { description: 'https://…, or http:// to localhost, 127.0.0.0/8 or [::1]. At most 2048 characters.' })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'At least one.' })
  eventTypes!: WebhookEventType[];

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('CreateWebhookEndpointPayload')
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointObject)
  endpoint!: WebhookEndpointObject;

  @Field(() => String, { description: 'The signing secret (whsec_…). Shown this once; store it now.' })
  secret!: string;
}

@InputType('UpdateWebhookEndpointInput', { description: 'Omitted fields stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true })
  eventTypes?: WebhookEventType[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;
}

@ObjectType('WebhookEndpointPayload')
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpointObject)
  endpoint!: WebhookEndpointObject;
}

@ObjectType('RotateWebhookEndpointSecretPayload')
export class RotateWebhookEndpointSecretPayload {
  @Field(() => WebhookEndpointObject)
  endpoint!: WebhookEndpointObject;

  @Field(() => String, { description: 'The new signing secret, in force at once. Shown this once.' })
  secret!: string;
}

@ObjectType('ReplayWebhookDeliveryPayload')
export class ReplayWebhookDeliveryPayload {
  @Field(() => WebhookDeliveryObject)
  delivery!: WebhookDeliveryObject;
}

@InputType('ReplayWebhookEventsInput')
export class ReplayWebhookEventsInput {
  @Field(() => ID)
  endpointId!: string;

  @Field(() => DateTimeResolver, { description: 'Events whose cause happened at or after this time…' })
  from!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: '…and before this one (exclusive). No upper bound when omitted.' })
  to?: Date | null;
}

@ObjectType('ReplayWebhookEventsPayload')
export class ReplayWebhookEventsPayload {
  @Field(() => Int, { description: 'Deliveries queued (at most 1000 per call).' })
  queued!: number;
}
