import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { createWebhookEndpoint } from '../../domain/webhooks/create-webhook-endpoint.service.js';
import { deleteWebhookEndpoint } from '../../domain/webhooks/delete-webhook-endpoint.service.js';
import { findWebhookEndpoint, listWebhookEndpoints } from '../../domain/webhooks/find-webhook-endpoints.service.js';
import { findWebhookDelivery, listWebhookDeliveries } from '../../domain/webhooks/list-webhook-deliveries.service.js';
import { replayWebhookDelivery } from '../../domain/webhooks/replay-webhook-delivery.service.js';
import { replayWebhookEvents } from '../../domain/webhooks/replay-webhook-events.service.js';
import { rotateWebhookEndpointSecret } from '../../domain/webhooks/rotate-webhook-endpoint-secret.service.js';
import { updateWebhookEndpoint } from '../../domain/webhooks/update-webhook-endpoint.service.js';
import { encodeDeliveryCursor } from '../../domain/webhooks/webhook-delivery-record.js';
import { AccountObject } from '../accounts/account.type.js';
import { PageInfo } from '../wallets/wallet.type.js';
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  ReplayWebhookDeliveryPayload,
  ReplayWebhookEventsInput,
  ReplayWebhookEventsPayload,
  RotateWebhookEndpointSecretPayload,
  toWebhookDeliveryObject,
  toWebhookEndpointObject,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookDeliveryConnection,
  WebhookDeliveryEdge,
  WebhookDeliveryObject,
  WebhookEndpointObject,
  WebhookEndpointPayload,
} from './webhooks.types.js';

const ROLES_NOTE = 'OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN.';

@Resolver(() => WebhookEndpointObject)
export class WebhooksResolver {
  @Query(() => [WebhookEndpointObject], {
    description: `An account’s webhook endpoints, oldest first (the caller’s own account when omitted). ${ROLES_NOTE}`,
  })
  async webhookEndpoints(
    @Arg('accountId', () => ID, { description: "The account; the caller's own when omitted.", nullable: true }) accountId: string | null,
    @Ctx() { em, principal }: Context,
  ): Promise<WebhookEndpointObject[]> {
    return (await listWebhookEndpoints(em, { principal, accountId: accountId ?? null })).map(toWebhookEndpointObject);
  }

  @Query(() => WebhookEndpointObject, { description: `One webhook endpoint. ${ROLES_NOTE}` })
  async webhookEndpoint(
    @Arg('id', () => ID, { description: 'Id of the endpoint.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<WebhookEndpointObject> {
    return toWebhookEndpointObject(await findWebhookEndpoint(em, { principal, id }));
  }

  @Query(() => WebhookDeliveryObject, { description: `One webhook delivery with its attempts. ${ROLES_NOTE}` })
  async webhookDelivery(
    @Arg('id', () => ID, { description: 'Id of the delivery.' }) id: string,
    @Ctx() { em, principal, config }: Context,
  ): Promise<WebhookDeliveryObject> {
    return toWebhookDeliveryObject(await findWebhookDelivery(em, { principal, id, limits: config }));
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'The delivery log, newest first, each with its newest attempts.' })
  async deliveries(
    @Root() endpoint: WebhookEndpointObject,
    @Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs,
    @Ctx() { em, principal, config }: Context,
  ): Promise<WebhookDeliveryConnection> {
    const page = await listWebhookDeliveries(em, {
      principal,
      endpointId: endpoint.id,
      status: args.status,
      first: args.first,
      after: args.after,
      limits: config,
    });
    const edges = page.deliveries.map((delivery) =>
      Object.assign(new WebhookDeliveryEdge(), {
        cursor: encodeDeliveryCursor(delivery.position),
        node: toWebhookDeliveryObject(delivery),
      }),
    );
    return Object.assign(new WebhookDeliveryConnection(), {
      edges,
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }),
    });
  }

  @Mutation(() => CreateWebhookEndpointPayload, {
    description: `Registers an endpoint; events from now on are POSTed to it. ${ROLES_NOTE}`,
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'The URL and the event types to send to it.' })
    input: CreateWebhookEndpointInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<CreateWebhookEndpointPayload> {
    const created = await createWebhookEndpoint(em, spend.deps, {
      principal,
      accountId: input.accountId ?? null,
      url: input.url,
      eventTypes: input.eventTypes,
      description: input.description ?? null,
    });
    return Object.assign(new CreateWebhookEndpointPayload(), {
      endpoint: toWebhookEndpointObject(created.endpoint),
      secret: created.secret,
    });
  }

  @Mutation(() => WebhookEndpointPayload, { description: `Changes url, event types, description or enabled. ${ROLES_NOTE}` })
  async updateWebhookEndpoint(
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'The endpoint and the fields to change.' })
    input: UpdateWebhookEndpointInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<WebhookEndpointPayload> {
    const endpoint = await updateWebhookEndpoint(em, spend.deps, { principal, ...input });
    return Object.assign(new WebhookEndpointPayload(), { endpoint: toWebhookEndpointObject(endpoint) });
  }

  @Mutation(() => WebhookEndpointPayload, { description: `Deletes an endpoint with its delivery log; returns it as it was. ${ROLES_NOTE}` })
  async deleteWebhookEndpoint(
    @Arg('id', () => ID, { description: 'Id of the endpoint to delete.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<WebhookEndpointPayload> {
    return Object.assign(new WebhookEndpointPayload(), {
      endpoint: toWebhookEndpointObject(await deleteWebhookEndpoint(em, { principal, id })),
    });
  }

  @Mutation(() => RotateWebhookEndpointSecretPayload, { description: `Replaces the signing secret at once. ${ROLES_NOTE}` })
  async rotateWebhookEndpointSecret(
    @Arg('id', () => ID, { description: 'Id of the endpoint.' }) id: string,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<RotateWebhookEndpointSecretPayload> {
    const rotated = await rotateWebhookEndpointSecret(em, spend.deps, { principal, id });
    return Object.assign(new RotateWebhookEndpointSecretPayload(), {
      endpoint: toWebhookEndpointObject(rotated.endpoint),
      secret: rotated.secret,
    });
  }

  @Mutation(() => ReplayWebhookDeliveryPayload, {
    description: `Re-sends one delivery now (same event id), with a fresh retry window. ${ROLES_NOTE}`,
  })
  async replayWebhookDelivery(
    @Arg('id', () => ID, { description: 'Id of the delivery to send again.' }) id: string,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<ReplayWebhookDeliveryPayload> {
    // Due at once: the sender's next pass (within webhookSenderIntervalMs) takes it.
    const delivery = await replayWebhookDelivery(em, spend.deps, { principal, id });
    return Object.assign(new ReplayWebhookDeliveryPayload(), { delivery: toWebhookDeliveryObject(delivery) });
  }

  @Mutation(() => ReplayWebhookEventsPayload, {
    description: `Re-sends to one endpoint every stored event of its types whose cause happened in [from, to); at most 1000 (else LIMIT_EXCEEDED). ${ROLES_NOTE}`,
  })
  async replayWebhookEvents(
    @Arg('input', () => ReplayWebhookEventsInput, { description: 'The endpoint and the time range of the events.' })
    input: ReplayWebhookEventsInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<ReplayWebhookEventsPayload> {
    const queued = await replayWebhookEvents(em, spend.deps, {
      principal,
      endpointId: input.endpointId,
      from: input.from,
      to: input.to ?? null,
    });
    return Object.assign(new ReplayWebhookEventsPayload(), { queued });
  }
}

@Resolver(() => AccountObject)
export class AccountWebhooksResolver {
  @FieldResolver(() => [WebhookEndpointObject], { description: `The account’s webhook endpoints, oldest first. ${ROLES_NOTE}` })
  async webhookEndpoints(@Root() account: AccountObject, @Ctx() { em, principal }: Context): Promise<WebhookEndpointObject[]> {
    return (await listWebhookEndpoints(em, { principal, accountId: account.id })).map(toWebhookEndpointObject);
  }
}
