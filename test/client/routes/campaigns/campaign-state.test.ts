// Goal: the page shows the newest campaign state by version whichever source (query, live feed, a mutation's answer) delivered it last; method: examples.
import { describe, expect, it } from 'vitest';
import { newestCampaign } from '../../../../client/src/routes/campaigns/campaign-state.js';

const state = (version: string, source: string) => ({ campaign: { version }, atMs: 0, source });

describe('newestCampaign', () => {
  it('takes the highest version, as integers, whatever the order', () => {
    expect(newestCampaign(state('9', 'query'), state('10', 'live'))?.source).toBe('live');
    expect(newestCampaign(state('12', 'answer'), null, state('10', 'live'), undefined)?.source).toBe('answer');
    expect(newestCampaign(state('10', 'query'), state('10', 'live'))?.source).toBe('query');
    expect(newestCampaign(null, undefined)).toBeNull();
  });
});
