// Goal: the campaign edit form sends only what changed and refuses, before the server does, a name out of 1..200 characters and a budget that is not a positive amount or is below what the campaign has committed (the boundary: exactly the committed amount passes). Method: worked examples on the pure checker.
import { describe, expect, it } from 'vitest';
import { campaignEditFrom, checkCampaignEdit } from '../../../../client/src/routes/campaigns/campaign-edit.js';

const campaign = { id: 'c1', name: 'Spring promo', budget: '20', committed: '19.99' };

describe('checkCampaignEdit', () => {
  it('starts from the campaign as it is, and sends nothing when nothing changed', () => {
    expect(campaignEditFrom(campaign)).toEqual({ name: 'Spring promo', budget: '20' });
    expect(campaignEditFrom({ ...campaign, budget: null })).toEqual({ name: 'Spring promo', budget: '' });
    expect(checkCampaignEdit({ name: ' Spring promo ', budget: '20.00' }, campaign, 'USD')).toEqual({
      valid: true,
      changed: false,
      variables: { input: { id: 'c1' } },
    });
  });

  it('sends the raised budget alone, the new name alone, and null to remove the budget', () => {
    expect(checkCampaignEdit({ name: 'Spring promo', budget: '50' }, campaign, 'USD')).toEqual({
      valid: true,
      changed: true,
      variables: { input: { id: 'c1', budget: '50' } },
    });
    expect(checkCampaignEdit({ name: 'Summer', budget: '20' }, campaign, 'USD')).toMatchObject({
      changed: true,
      variables: { input: { id: 'c1', name: 'Summer' } },
    });
    expect(checkCampaignEdit({ name: 'Spring promo', budget: '' }, campaign, 'USD')).toMatchObject({
      variables: { input: { id: 'c1', budget: null } },
    });
  });

  it('refuses a budget below what is committed, and takes exactly the committed amount', () => {
    expect(checkCampaignEdit({ name: 'Spring promo', budget: '19.98' }, campaign, 'USD')).toEqual({
      valid: false,
      errors: { budget: 'The budget cannot go below the $19.99 already committed.' },
    });
    expect(checkCampaignEdit({ name: 'Spring promo', budget: '19.99' }, campaign, 'USD')).toMatchObject({ valid: true });
  });

  it('refuses an empty or too long name, and a budget that is not an amount', () => {
    expect(checkCampaignEdit({ name: '  ', budget: '20' }, campaign, 'USD')).toMatchObject({
      valid: false,
      errors: { name: expect.any(String) },
    });
    expect(checkCampaignEdit({ name: 'x'.repeat(201), budget: '20' }, campaign, 'USD')).toMatchObject({ valid: false });
    expect(checkCampaignEdit({ name: 'x'.repeat(200), budget: '20' }, campaign, 'USD')).toMatchObject({ valid: true });
    expect(checkCampaignEdit({ name: 'Spring promo', budget: '0' }, campaign, 'USD')).toMatchObject({
      valid: false,
      errors: { budget: expect.any(String) },
    });
    expect(checkCampaignEdit({ name: 'Spring promo', budget: 'ten' }, campaign, 'USD')).toMatchObject({ valid: false });
  });
});
