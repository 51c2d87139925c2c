/**
 * Words for campaigns and calls: status labels and tones, the buttons a status offers, who may
 * press them, and why a call ended. Unknown enum values (added to the schema later) still read
 * well through {@link enumLabel}.
 */
import type { CallEndReason, CallStatus, CampaignStatus, Role } from '../../gql/graphql.js';
import { enumLabel } from '../../utils/enum-label.js';

/**
 * Roles that may create, start and pause campaigns: the server's `CAMPAIGN_ROLES`
 * (server/domain/campaigns/campaign.service.ts). SUPPORT only reads.
 */
export const CAMPAIGN_MANAGER_ROLES: readonly Role[] = ['OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR', 'PLATFORM_ADMIN'];

/** Whether a credential of this role may create, start and pause campaigns: the buttons are shown to these only. */
export function canManageCampaigns(role: Role): boolean {
  return CAMPAIGN_MANAGER_ROLES.includes(role);
}

/** How a status is coloured. */
export type CampaignStatusTone = 'draft' | 'running' | 'paused' | 'stopped' | 'completed';

const CAMPAIGN_STATUS_LABELS: Readonly<Record<CampaignStatus, string>> = {
  DRAFT: 'Draft',
  RUNNING: 'Running',
  PAUSED: 'Paused',
  STOPPED_INSUFFICIENT_FUNDS: 'Stopped: insufficient funds',
  STOPPED_BUDGET_REACHED: 'Stopped: budget reached',
  STOPPED_SPEND_CAP: 'Stopped: spend cap reached',
  COMPLETED: 'Completed',
};

/** A campaign status for people: "STOPPED_BUDGET_REACHED" → "Stopped: budget reached". */
export function campaignStatusLabel(status: CampaignStatus | string): string {
  return CAMPAIGN_STATUS_LABELS[status as CampaignStatus] ?? enumLabel(status);
}

/** The colour family of a campaign status; unknown statuses read as drafts (neutral). */
export function campaignStatusTone(status: CampaignStatus | string): CampaignStatusTone {
  if (status === 'RUNNING') return 'running';
  if (status === 'PAUSED') return 'paused';
  if (status === 'COMPLETED') return 'completed';
  if (status.startsWith('STOPPED')) return 'stopped';
  return 'draft';
}

/** The buttons a campaign in a status offers. */
export interface CampaignActions {
  /** "Start" (a draft), "Resume" (paused or stopped: startCampaign resumes it), or null. */
  start: 'Start' | 'Resume' | null;
  /** Whether "Pause" applies (only a running campaign pauses). */
  pause: boolean;
}

/**
 * What may be done to a campaign in `status`, as the server's transitions allow
 * (server/domain/campaigns/campaign.service.ts `TRANSITIONS`): start from DRAFT, resume from
 * PAUSED and the STOPPED_ statuses, pause from RUNNING; nothing once COMPLETED.
 */
export function campaignActions(status: CampaignStatus | string): CampaignActions {
  switch (status) {
    case 'DRAFT':
      return { start: 'Start', pause: false };
    case 'PAUSED':
    case 'STOPPED_INSUFFICIENT_FUNDS':
    case 'STOPPED_BUDGET_REACHED':
    case 'STOPPED_SPEND_CAP':
      return { start: 'Resume', pause: false };
    case 'RUNNING':
      return { start: null, pause: true };
    default:
      return { start: null, pause: false };
  }
}

/** A call's status and why it ended. */
export interface CallOutcome {
  status: CallStatus | string;
  endReason: CallEndReason | string | null;
}

/** How a call's outcome is coloured: `stopped-funds` is the one the page must make unmistakable. */
export type CallOutcomeTone = 'active' | 'completed' | 'stopped-funds' | 'stopped' | 'refused';

const END_REASON_WORDS: Readonly<Record<CallEndReason, string>> = {
  HANGUP: 'hung up',
  INSUFFICIENT_FUNDS: 'insufficient funds',
  BUDGET_REACHED: 'budget reached',
  WALLET_SUSPENDED: 'wallet suspended',
  SPEND_CAP_REACHED: 'spend cap reached',
};

function reasonWords(reason: string): string {
  return END_REASON_WORDS[reason as CallEndReason] ?? enumLabel(reason).toLowerCase();
}

/**
 * A call's outcome for people: "In progress", "Hung up", "Stopped: insufficient funds",
 * "Stopped: budget reached", "Refused: wallet suspended"…
 */
export function callOutcomeLabel(call: CallOutcome): string {
  switch (call.status) {
    case 'ACTIVE':
      return 'In progress';
    case 'COMPLETED':
      return call.endReason === null || call.endReason === 'HANGUP' ? 'Hung up' : `Ended: ${reasonWords(call.endReason)}`;
    case 'STOPPED':
      return call.endReason === null ? 'Stopped' : `Stopped: ${reasonWords(call.endReason)}`;
    case 'REFUSED':
      return call.endReason === null ? 'Refused' : `Refused: ${reasonWords(call.endReason)}`;
    default:
      return call.endReason === null ? enumLabel(call.status) : `${enumLabel(call.status)}: ${reasonWords(call.endReason)}`;
  }
}

/** Whether the server stopped the call because the wallet could not fund its next increment. */
export function isStoppedForFunds(call: CallOutcome): boolean {
  return call.status === 'STOPPED' && call.endReason === 'INSUFFICIENT_FUNDS';
}

/** The colour family of a call's outcome. */
export function callOutcomeTone(call: CallOutcome): CallOutcomeTone {
  if (call.status === 'ACTIVE') return 'active';
  if (isStoppedForFunds(call)) return 'stopped-funds';
  if (call.status === 'STOPPED') return 'stopped';
  if (call.status === 'REFUSED') return 'refused';
  return 'completed';
}
