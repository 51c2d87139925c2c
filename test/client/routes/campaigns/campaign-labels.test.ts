// Goal: campaign statuses, the buttons they offer, who may press them, and why a call ended read right for people, a stop for insufficient funds distinct from every other outcome; method: examples over every enum value.
import { CallEndReason, CampaignStatus, Role } from '../../../../client/src/gql/graphql.js';
import { describe, expect, it } from 'vitest';
import {
  callOutcomeLabel,
  callOutcomeTone,
  campaignActions,
  campaignStatusLabel,
  campaignStatusTone,
  canManageCampaigns,
  isStoppedForFunds,
} from '../../../../client/src/routes/campaigns/campaign-labels.js';

/** The schema's values, in schema order. */
const CALL_END_REASONS = Object.values(CallEndReason);
const CAMPAIGN_STATUSES = Object.values(CampaignStatus);
const ROLES = Object.values(Role);

describe('campaign statuses', () => {
  it('labels every status', () => {
    expect(CAMPAIGN_STATUSES.map(campaignStatusLabel)).toEqual([
      'Draft',
      'Running',
      'Paused',
      'Stopped: insufficient funds',
      'Stopped: budget reached',
      'Stopped: spend cap reached',
      'Completed',
    ]);
    expect(campaignStatusLabel('ARCHIVED_LATER')).toBe('Archived later');
  });

  it('colours stopped statuses as stopped', () => {
    expect(campaignStatusTone('STOPPED_INSUFFICIENT_FUNDS')).toBe('stopped');
    expect(campaignStatusTone('STOPPED_BUDGET_REACHED')).toBe('stopped');
    expect(campaignStatusTone('STOPPED_SPEND_CAP')).toBe('stopped');
    expect(campaignStatusTone('RUNNING')).toBe('running');
    expect(campaignStatusTone('DRAFT')).toBe('draft');
  });

  it("offers the server's transitions: start a draft, resume a paused or stopped one, pause a running one", () => {
    expect(campaignActions('DRAFT')).toEqual({ start: 'Start', pause: false });
    expect(campaignActions('RUNNING')).toEqual({ start: null, pause: true });
    expect(campaignActions('PAUSED')).toEqual({ start: 'Resume', pause: false });
    expect(campaignActions('STOPPED_INSUFFICIENT_FUNDS')).toEqual({ start: 'Resume', pause: false });
    expect(campaignActions('STOPPED_BUDGET_REACHED')).toEqual({ start: 'Resume', pause: false });
    expect(campaignActions('STOPPED_SPEND_CAP')).toEqual({ start: 'Resume', pause: false });
    expect(campaignActions('COMPLETED')).toEqual({ start: null, pause: false });
  });

  it('lets the campaign roles manage and SUPPORT only read', () => {
    expect(ROLES.filter(canManageCampaigns)).toEqual(['OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR', 'PLATFORM_ADMIN']);
  });
});

describe('call outcomes', () => {
  it('says why a call ended', () => {
    expect(callOutcomeLabel({ status: 'ACTIVE', endReason: null })).toBe('In progress');
    expect(callOutcomeLabel({ status: 'COMPLETED', endReason: 'HANGUP' })).toBe('Hung up');
    expect(callOutcomeLabel({ status: 'STOPPED', endReason: 'INSUFFICIENT_FUNDS' })).toBe('Stopped: insufficient funds');
    expect(callOutcomeLabel({ status: 'STOPPED', endReason: 'BUDGET_REACHED' })).toBe('Stopped: budget reached');
    expect(callOutcomeLabel({ status: 'STOPPED', endReason: 'WALLET_SUSPENDED' })).toBe('Stopped: wallet suspended');
    expect(callOutcomeLabel({ status: 'REFUSED', endReason: 'INSUFFICIENT_FUNDS' })).toBe('Refused: insufficient funds');
    expect(callOutcomeLabel({ status: 'STOPPED', endReason: 'CARRIER_DROPPED' })).toBe('Stopped: carrier dropped');
  });

  it('marks only a stop for insufficient funds as such', () => {
    const marked = CALL_END_REASONS.flatMap((endReason) =>
      (['COMPLETED', 'STOPPED', 'REFUSED'] as const)
        .filter((status) => isStoppedForFunds({ status, endReason }))
        .map((status) => `${status}/${endReason}`),
    );
    expect(marked).toEqual(['STOPPED/INSUFFICIENT_FUNDS']);
    expect(callOutcomeTone({ status: 'STOPPED', endReason: 'INSUFFICIENT_FUNDS' })).toBe('stopped-funds');
    expect(callOutcomeTone({ status: 'STOPPED', endReason: 'BUDGET_REACHED' })).toBe('stopped');
    expect(callOutcomeTone({ status: 'REFUSED', endReason: 'INSUFFICIENT_FUNDS' })).toBe('refused');
    expect(callOutcomeTone({ status: 'COMPLETED', endReason: 'HANGUP' })).toBe('completed');
  });
});
