// Goal: every dashboard path maps to its page and back, unknown paths land on the overview, and a campaign's page sits under Campaigns. Method: pure functions on fixed paths.
import { describe, expect, it } from 'vitest';
import {
  accountRouteOf,
  ACCOUNT_SECTIONS,
  campaignIdOf,
  pathOf,
  sectionOf,
  sectionsFor,
} from '../../../client/src/utils/account-routes.js';

describe('account routes', () => {
  it('round-trips every section and a campaign', () => {
    for (const section of ACCOUNT_SECTIONS) expect(pathOf(accountRouteOf(section.path))).toBe(section.path);
    const id = '53066b1c-0d5e-4c39-9d3e-2a1f0c6b9e10';
    expect(accountRouteOf(`/campaigns/${id}`)).toEqual({ name: 'campaign', campaignId: id });
    expect(accountRouteOf(`/campaigns/${id.toUpperCase()}/`)).toEqual({ name: 'campaign', campaignId: id });
    expect(pathOf({ name: 'campaign', campaignId: id })).toBe(`/campaigns/${id}`);
    expect(sectionOf({ name: 'campaign', campaignId: id })).toBe('campaigns');
    expect(sectionOf({ name: 'settings' })).toBe('settings');
  });

  it('sends unknown paths and malformed campaign ids to the overview', () => {
    for (const path of ['/', '/nope', '/campaigns/not-a-uuid', '/campaigns/x/y', '/accept-invitation-typo']) {
      expect(accountRouteOf(path)).toEqual({ name: 'overview' });
    }
    expect(accountRouteOf('/transactions/')).toEqual({ name: 'transactions' });
  });

  it('accepts a campaign route segment only when it is a UUID, in lower case (the router path /campaigns/:campaignId)', () => {
    expect(campaignIdOf('53066B1C-0D5E-4C39-9D3E-2A1F0C6B9E10')).toBe('53066b1c-0d5e-4c39-9d3e-2a1f0c6b9e10');
    for (const segment of ['', 'not-a-uuid', '53066b1c-0d5e-4c39-9d3e-2a1f0c6b9e1', '53066b1c-0d5e-4c39-9d3e-2a1f0c6b9e10x']) {
      expect(campaignIdOf(segment)).toBeNull();
    }
  });

  it('lists to each role only the sections it may use', () => {
    const names = (role: Parameters<typeof sectionsFor>[0]) => sectionsFor(role).map((section) => section.name);
    expect(names('OWNER')).toEqual(ACCOUNT_SECTIONS.map((section) => section.name));
    expect(names('CAMPAIGN_MANAGER')).toEqual(['overview', 'campaigns', 'transactions', 'top-up', 'notifications', 'settings']);
    expect(names('INTEGRATOR')).toEqual([
      'overview',
      'campaigns',
      'transactions',
      'top-up',
      'numbers',
      'messages',
      'sender-ids',
      'webhooks',
      'notifications',
      'settings',
    ]);
    expect(names('SUPPORT')).toEqual([]);
  });
});
