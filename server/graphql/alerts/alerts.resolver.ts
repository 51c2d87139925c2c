import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import { AlertKind } from '../../domain/alerts/alert-kinds.js';
import type { AlertRecord } from '../../domain/alerts/alert-record.js';
import { acknowledgeAlert, acknowledgeAlerts, listAlerts, setLowBalanceThresholds } from '../../domain/alerts/alerts.service.js';
import { actorAsSeenBy } from '../../domain/accounts/actors.js';
import { ActorObject, toActorObject } from '../accounts/actor.type.js';
import {
  checkAcknowledgementSubscription,
  checkAlertSubscription,
  type AlertSubscriptionStart,
} from '../../domain/alerts/check-alert-subscription.service.js';
import { AlertSubscriberOverflowError, openAlertStream, type AlertFeed } from '../../events/alert-feed.js';
import { mapStream } from '../../events/map-stream.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { CLOSE_CODE_SUBSCRIBER_OVERFLOW } from '../wallets/wallet-subscription.resolver.js';
import { toWalletObject, WalletObject } from '../wallets/wallet.type.js';
import {
  AcknowledgeAlertPayload,
  AcknowledgeAlertsPayload,
  AlertConnection,
  AlertObject,
  SetLowBalanceThresholdsInput,
  SetLowBalanceThresholdsPayload,
  toAlertObject,
} from './alert.type.js';

@ArgsType()
class AlertsArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only this account's alerts (SUPPORT and PLATFORM_ADMIN: any account; others: their own).",
  })
  accountId?: string | null;

  @Field(() => [AlertKind], { description: 'Only alerts of these kinds; all kinds when omitted.', nullable: true })
  kinds?: AlertKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: acknowledged only; false: not yet acknowledged.' })
  acknowledged?: boolean | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Raised at or after (inclusive).' })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Raised before (exclusive).' })
  to?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

/** The filters both alert feeds (alertRaised, alertAcknowledged) take. */
@ArgsType()
class AlertFeedFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only this account's alerts. Account roles always get only their own account's." })
  accountId?: string | null;

  @Field(() => [AlertKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: AlertKind[] | null;
}

@ArgsType()
class AlertRaisedArgs extends AlertFeedFilterArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'The position of the last alert the client has ("0": from the first). Alerts after it are replayed first, then live ones follow with no gap or duplicate.',
  })
  afterPosition?: string | null;
}

interface AlertRaisedSubscribeData {
  args: AlertRaisedArgs;
  context: Context;
}

@ArgsType()
class AlertAcknowledgedArgs extends AlertFeedFilterArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'The acknowledgement position the client has seen (an alert\'s acknowledgementPosition, or an alerts page\'s acknowledgedThrough; "0": from the first). Acknowledgements after it are replayed first, then live ones follow with no gap or duplicate.',
  })
  afterAcknowledgementPosition?: string | null;
}

interface AlertAcknowledgedSubscribeData {
  args: AlertAcknowledgedArgs;
  context: Context;
}

// The feed hands the same alert object to every subscriber: map it once (and share executions).
const alertObjects = new WeakMap<AlertRecord, AlertObject>();
function alertObjectOf(alert: AlertRecord): AlertObject {
  let object = alertObjects.get(alert);
  if (!object) {
    object = toAlertObject(alert);
    alertObjects.set(alert, object);
  }
  return object;
}

/** Maps a feed's alerts; a consumer that falls behind gets the socket closed with 4413. Closing ends the source at once. */
function mapAlerts(context: Context, source: AsyncIterableIterator<AlertRecord>): AsyncIterableIterator<AlertObject> {
  return mapStream(source, alertObjectOf, {
    endsOn: (error) => {
      if (!(error instanceof AlertSubscriberOverflowError)) return false;
      context.closeSocket?.(CLOSE_CODE_SUBSCRIBER_OVERFLOW, 'Subscriber fell behind: resume with afterPosition');
      return true;
    },
  });
}

/** A checked subscription's stream on one of the alert feeds (raised or acknowledged), mapped for GraphQL. */
function streamAlerts(context: Context, feed: AlertFeed, start: AlertSubscriptionStart): AsyncIterableIterator<AlertObject> {
  const stream = openAlertStream({
    em: context.em,
    feed,
    afterId: start.afterId,
    accountId: start.accountId,
    kinds: start.kinds,
    queueMax: context.config.subscriberQueueMax,
    replayBatchSize: context.config.outboxBatchSize,
  });
  return mapAlerts(context, stream);
}

@Resolver()
export class AlertsResolver {
  @Query(() => AlertConnection, {
    description:
      "Alerts newest first: an account's own for account roles; every account's (or the named one's) for SUPPORT and PLATFORM_ADMIN.",
  })
  async alerts(@Args(() => AlertsArgs) args: AlertsArgs, @Ctx() { em, principal, config }: Context): Promise<AlertConnection> {
    const page = await listAlerts(em, config, { principal, ...args });
    return {
      edges: page.alerts.map((alert) => ({ cursor: alert.id.toString(), node: toAlertObject(alert) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.alerts.at(-1)?.id.toString() ?? null },
      acknowledgedThrough: page.acknowledgedThrough.toString(),
    };
  }

  @Mutation(() => AcknowledgeAlertPayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, SUPPORT, PLATFORM_ADMIN: records who acknowledged the alert and when (once: acknowledging again returns it unchanged). ' +
      'NOT_FOUND.',
  })
  async acknowledgeAlert(
    @Arg('id', () => ID, { description: "Id of the alert (of the caller's account; any for SUPPORT and PLATFORM_ADMIN)." }) id: string,
    @Ctx() { em, principal, spend, events }: Context,
  ): Promise<AcknowledgeAlertPayload> {
    const alert = await acknowledgeAlert(em, {
      principal,
      id,
      now: new Date(spend.clock.now()),
      acknowledged: () => events.acknowledged(),
    });
    return { alert: toAlertObject(alert) };
  }

  @Mutation(() => AcknowledgeAlertsPayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, SUPPORT, PLATFORM_ADMIN: acknowledgeAlert for several alerts at once, all or none: an id the caller may not see is NOT_FOUND and acknowledges nothing. ' +
      'BAD_USER_INPUT (no ids, or more than alertsAcknowledgeMax, default 100).',
  })
  async acknowledgeAlerts(
    @Arg('ids', () => [ID], {
      description: "Ids of the alerts (of the caller's account; any for SUPPORT and PLATFORM_ADMIN); repeats count once.",
    })
    ids: string[],
    @Ctx() { em, principal, spend, config, events }: Context,
  ): Promise<AcknowledgeAlertsPayload> {
    const alerts = await acknowledgeAlerts(em, config, {
      principal,
      ids,
      now: new Date(spend.clock.now()),
      acknowledged: () => events.acknowledged(),
    });
    return { alerts: alerts.map(toAlertObject) };
  }

  @Mutation(() => SetLowBalanceThresholdsPayload, {
    description:
      "OWNER, CAMPAIGN_MANAGER, SUPPORT, PLATFORM_ADMIN: replaces the wallet's low-balance thresholds (default 5 and 0 in its currency; a wallet funded by a sign-up's trial credit starts with trialLowBalanceThresholdPercent, default 50 %, of the trial and 0). BAD_USER_INPUT " +
      '(negative, repeated, more than lowBalanceThresholdsMax, default 10), NOT_FOUND.',
  })
  async setLowBalanceThresholds(
    @Arg('input', () => SetLowBalanceThresholdsInput, { description: 'The wallet and its new thresholds.' })
    input: SetLowBalanceThresholdsInput,
    @Ctx() { em, principal, config }: Context,
  ): Promise<SetLowBalanceThresholdsPayload> {
    const set = await setLowBalanceThresholds(em, config, { principal, walletId: input.walletId, thresholdsMicros: input.thresholds });
    return { wallet: toWalletObject(set.wallet), thresholds: set.thresholdsMicros };
  }

  @Subscription(() => AlertObject, {
    description:
      "Alerts as they are raised, in position order, exactly once. Account roles get their own account's; SUPPORT and PLATFORM_ADMIN every account's, or the named one's. With afterPosition: first every alert after it (replay), then live, with no gap across accounts. Acknowledged alerts are deleted a year after their acknowledgement (alertRetentionMs): resuming from before a deleted one answers RESUME_WINDOW_EXCEEDED.",
    subscribe: async ({ args, context }: AlertRaisedSubscribeData) => {
      const start = await checkAlertSubscription(context.em, { principal: context.principal, ...args });
      return streamAlerts(context, context.events.alerts, start);
    },
  })
  alertRaised(@Root() alert: AlertObject, @Args(() => AlertRaisedArgs) _args: AlertRaisedArgs): AlertObject {
    return alert;
  }

  @Subscription(() => AlertObject, {
    description:
      "Alerts as they are acknowledged (by anyone, through any server), in acknowledgement order, each once: what makes every open list drop an alert live. Account roles get their own account's; SUPPORT and PLATFORM_ADMIN every account's, or the named one's. With afterAcknowledgementPosition: first every acknowledgement after it (replay), then live, with no gap. Resuming from before an acknowledgement that retention deleted (alertRetentionMs) answers RESUME_WINDOW_EXCEEDED.",
    subscribe: async ({ args, context }: AlertAcknowledgedSubscribeData) => {
      const start = await checkAcknowledgementSubscription(context.em, {
        principal: context.principal,
        accountId: args.accountId,
        kinds: args.kinds,
        afterPosition: args.afterAcknowledgementPosition,
      });
      return streamAlerts(context, context.events.acknowledgements, start);
    },
  })
  alertAcknowledged(@Root() alert: AlertObject, @Args(() => AlertAcknowledgedArgs) _args: AlertAcknowledgedArgs): AlertObject {
    return alert;
  }
}

@Resolver(() => AlertObject)
export class AlertAcknowledgerResolver {
  @FieldResolver(() => ActorObject, {
    nullable: true,
    description:
      'Who acknowledged it, named (acknowledgedBy is the raw credential reference); null while not acknowledged. Tenants see a staff member only as staff.',
  })
  async acknowledger(@Root() alert: AlertObject, @Ctx() { loaders, principal }: Context): Promise<ActorObject | null> {
    if (alert.acknowledgedBy === null) return null;
    return toActorObject(actorAsSeenBy(principal, await loaders.actors.load(alert.acknowledgedBy)));
  }
}

@Resolver(() => WalletObject)
export class WalletAlertsResolver {
  @FieldResolver(() => [MoneyScalar], {
    description: 'Low-balance thresholds, highest first (LOW_BALANCE when the balance falls to one; 0 is BALANCE_DEPLETED).',
  })
  async lowBalanceThresholds(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<bigint[]> {
    return loaders.lowBalanceThresholds.load(wallet.id);
  }
}
