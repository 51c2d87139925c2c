/**
 * The fields the campaign pages select, as subsets (`Pick`) of the generated schema types
 * (apollo/generated/schema-types.ts), so a renamed or retyped schema field fails to compile here.
 * Each type names the document that selects it; keep them in step.
 */
import type {
  Call,
  Campaign,
  CampaignCostEstimate,
  CreateCampaignInput,
  EstimateCampaignCostInput,
  PageInfo,
  Rate,
  RatePlan,
  SpendPoint,
} from '../apollo/generated/schema-types.js';

export type { CallEndReason, CallStatus, CampaignStatus, Role } from '../apollo/generated/schema-types.js';

/** A campaign's figures as the list, the detail page and `campaignUpdated` select them: fragment `CampaignFields` (hooks/useCampaignUpdates.ts). */
export type CampaignFigures = Pick<
  Campaign,
  | 'id'
  | 'walletId'
  | 'ratePlanId'
  | 'name'
  | 'status'
  | 'budget'
  | 'spent'
  | 'committed'
  | 'activeCalls'
  | 'spendPerMinute'
  | 'timeToEmptySeconds'
  | 'simulate'
  | 'version'
  | 'createdAt'
>;

/** A call as the detail page's tables and `callUpdated` select it: fragment `CallFields` (hooks/useCampaignCalls.ts). */
export type CallRow = Pick<Call, 'id' | 'to' | 'status' | 'endReason' | 'startedAt' | 'endedAt' | 'billedSeconds' | 'cost' | 'perMinute' | 'version'>;

/** The part of a rate that prices a call as it runs. */
export type CallRate = Pick<Rate, 'prefix' | 'perMinute' | 'firstIncrementSeconds' | 'nextIncrementSeconds' | 'connectFee'>;

/** A rate plan as the create form and the detail page select it (query `CampaignRatePlans`). */
export type RatePlanOption = Pick<RatePlan, 'id' | 'name' | 'currency'> & { rates: CallRate[] };

/** One minute of posted spend (`Campaign.spendByMinute`). */
export type SpendMinutePoint = Pick<SpendPoint, 'minute' | 'spent'>;

/** Result of the `Campaigns` query (hooks/useCampaignList.ts). */
export interface CampaignsQuery {
  campaigns: { edges: { cursor: string; node: CampaignFigures }[]; pageInfo: Pick<PageInfo, 'hasNextPage' | 'endCursor'> };
}

/** Variables of the `Campaigns` query. */
export interface CampaignsQueryVariables {
  /** Page size, 1..100. */
  first: number;
  after: string | null;
}

/** Result of the `CampaignRatePlans` query (hooks/useCampaignRatePlans.ts). */
export interface CampaignRatePlansQuery {
  ratePlans: RatePlanOption[];
}

/** Variables of the `CampaignRatePlans` query: none. */
export type CampaignRatePlansQueryVariables = Record<string, never>;

/** Result of the `CampaignDetail` query (hooks/useCampaignDetail.ts). */
export interface CampaignDetailQuery {
  campaign: (CampaignFigures & { spendByMinute: SpendMinutePoint[] }) | null;
  stopped: { edges: { node: CallRow }[] };
  completed: { edges: { node: CallRow }[] };
  refused: { edges: { node: CallRow }[] };
}

/** Variables of the `CampaignDetail` query. */
export interface CampaignDetailQueryVariables {
  id: string;
  /** Minutes of spend history, 1..1440. */
  minutes: number;
  /** Ended calls fetched per status, 1..100. */
  endedFirst: number;
}

/** The estimate the create form shows: `CampaignCostEstimate` with its rate's pricing fields. */
export type CampaignEstimate = Pick<
  CampaignCostEstimate,
  'currency' | 'billedSecondsPerCall' | 'costPerCall' | 'total' | 'available' | 'shortfall' | 'coveredCalls'
> & { rate: CallRate };

/** Result of the `EstimateCampaignCost` query (hooks/useCampaignEstimate.ts). */
export interface EstimateCampaignCostQuery {
  estimateCampaignCost: CampaignEstimate;
}

/** Variables of the `EstimateCampaignCost` query: every field the form sends, the wallet included. */
export interface EstimateCampaignCostQueryVariables {
  input: Required<Pick<EstimateCampaignCostInput, 'ratePlanId' | 'to' | 'calls' | 'averageDurationSeconds'>> & { walletId: string };
}

/** Variables of the `CreateCampaign` mutation: the schema's input as the form sends it. */
export interface CreateCampaignMutationVariables {
  input: Pick<CreateCampaignInput, 'walletId' | 'name' | 'ratePlanId'> & { budget: string | null; simulate: boolean };
}

/** Result of `CreateCampaign`, `StartCampaign` and `PauseCampaign`: the campaign afterwards. */
export interface CreateCampaignMutation {
  createCampaign: { campaign: CampaignFigures };
}

/** Result of the `StartCampaign` mutation. */
export interface StartCampaignMutation {
  startCampaign: { campaign: CampaignFigures };
}

/** Result of the `PauseCampaign` mutation. */
export interface PauseCampaignMutation {
  pauseCampaign: { campaign: CampaignFigures };
}

/** Variables of `StartCampaign` and `PauseCampaign`. */
export interface CampaignTransitionMutationVariables {
  id: string;
}

/** Result of the `CampaignUpdated` subscription (hooks/useCampaignUpdates.ts). */
export interface CampaignUpdatedSubscription {
  campaignUpdated: CampaignFigures;
}

/** Result of the `CallUpdated` subscription (hooks/useCampaignCalls.ts). */
export interface CallUpdatedSubscription {
  callUpdated: CallRow;
}

/** Variables of `CampaignUpdated` and `CallUpdated`. */
export interface CampaignStreamVariables {
  campaignId: string;
}
