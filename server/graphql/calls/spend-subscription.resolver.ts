import { Args, ArgsType, Field, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context.js';
import { callsOfCampaign } from '../../domain/calls/call.service.js';
import { findCalledNumber, inboundCallsOfNumber } from '../../domain/calls/list-inbound-calls.service.js';
import { findCampaign } from '../../domain/campaigns/campaign.service.js';
import { findCampaignView } from '../../domain/campaigns/campaign-view.js';
import { openChangeStream } from '../../events/change-stream.js';
import { toCallObject, toCampaignObject } from './spend.mappers.js';
import { CallObject, CampaignObject } from './spend.types.js';

@ArgsType()
class CampaignStreamArgs {
  @Field(() => ID, { description: "The campaign to follow (one of the caller's; NOT_FOUND otherwise)." })
  campaignId!: string;
}

interface SubscribeData {
  args: { campaignId: string };
  context: Context;
}

@ArgsType()
class NumberStreamArgs {
  @Field(() => ID, { description: "The number whose inbound calls to follow (one of the caller's; NOT_FOUND otherwise)." })
  numberId!: string;
}

@Resolver()
export class SpendSubscriptionResolver {
  @Subscription(() => CampaignObject, {
    description:
      'The campaign now, then again after every change (status, calls starting and ending, increments reserved). A state feed: a slow reader gets the latest state, never a stale one; `version` orders states.',
    subscribe: async ({ args, context }: SubscribeData) => {
      const campaign = await findCampaign(context.em, context.principal, args.campaignId);
      return openChangeStream<CampaignObject>({
        listen: (onChange) =>
          context.events.tail.onCampaignChange(campaign.id, (change) => {
            if (change.type === 'CAMPAIGN_UPDATED') onChange(campaign.id, change.version);
          }),
        load: async () => {
          const view = await findCampaignView(context.em.fork(), context.principal, campaign.id, {
            config: context.config,
            nowMs: context.spend.clock.now(),
          });
          return [{ key: campaign.id, version: view.campaign.version, state: toCampaignObject(view) }];
        },
      });
    },
  })
  campaignUpdated(@Root() campaign: CampaignObject, @Args(() => CampaignStreamArgs) _args: CampaignStreamArgs): CampaignObject {
    return campaign;
  }

  @Subscription(() => CallObject, {
    description:
      "The campaign's calls as they start and end (STOPPED with its endReason the moment the server stops one). Starts with the campaign's active calls; each call's states arrive in version order.",
    subscribe: async ({ args, context }: SubscribeData) => {
      const campaign = await findCampaign(context.em, context.principal, args.campaignId);
      return openChangeStream<CallObject>({
        listen: (onChange) =>
          context.events.tail.onCampaignChange(campaign.id, (change) => {
            if (change.type === 'CALL_UPDATED') onChange(change.callId!, change.version);
          }),
        load: async (keys) => {
          const calls = await callsOfCampaign(context.em, campaign.id, keys);
          const nowMs = context.spend.clock.now();
          return calls.map((call) => ({ key: call.id, version: call.version, state: toCallObject(call, nowMs) }));
        },
      });
    },
  })
  callUpdated(@Root() call: CallObject, @Args(() => CampaignStreamArgs) _args: CampaignStreamArgs): CallObject {
    return call;
  }

  @Subscription(() => CallObject, {
    description:
      "The calls received on a number as they start and end (STOPPED with its endReason the moment the server stops one), as callUpdated does for a campaign's calls. Starts with the number's active inbound calls; each call's states arrive in version order.",
    subscribe: async ({ args, context }: { args: { numberId: string }; context: Context }) => {
      const number = await findCalledNumber(context.em, context.principal, args.numberId);
      return openChangeStream<CallObject>({
        listen: (onChange) =>
          context.events.tail.onInboundCallChange(number.accountId, (change) => {
            if (change.type === 'CALL_UPDATED') onChange(change.callId!, change.version);
          }),
        // Changes arrive per account: the calls of the account's other numbers are not loaded here, so never sent.
        load: async (keys) => {
          const calls = await inboundCallsOfNumber(context.em, number.id, keys);
          const nowMs = context.spend.clock.now();
          return calls.map((call) => ({ key: call.id, version: call.version, state: toCallObject(call, nowMs) }));
        },
      });
    },
  })
  inboundCallUpdated(@Root() call: CallObject, @Args(() => NumberStreamArgs) _args: NumberStreamArgs): CallObject {
    return call;
  }
}
