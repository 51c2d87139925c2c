// Goal: the "New campaign" form answers at once with the server's limits (name, rate plan, optional positive budget of at most 6 decimals, E.164 destination, call count and duration bounds), sends exactly the server's input, and words the estimate for people, a shortfall as a warning; method: examples at each boundary.
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_DRAFT_INITIAL,
  checkBudget,
  checkCampaignDraft,
  checkEstimateDraft,
  estimateLines,
  ratePlansFor,
} from '../../../../client/src/routes/campaigns/campaign-form.js';

const wallet = { id: 'w1', currency: 'USD' };
const draft = { ...CAMPAIGN_DRAFT_INITIAL, name: '  Spring promo ', ratePlanId: 'rp1' };

describe('checkBudget', () => {
  it('takes an empty budget as none and reads amounts exactly', () => {
    expect(checkBudget('', 'USD')).toEqual({ valid: true, budget: null });
    expect(checkBudget(' 1,250.50 ', 'USD')).toEqual({ valid: true, budget: '1250.5' });
    expect(checkBudget('0.000001', 'USD')).toEqual({ valid: true, budget: '0.000001' });
    expect(checkBudget('1000000000', 'USD')).toEqual({ valid: true, budget: '1000000000' });
  });

  it('refuses zero, too many decimals, more than the cap and words', () => {
    for (const bad of ['0', '0.00', '0.0000001', '1000000000.000001', 'ten', '-5', '1e3'])
      expect(checkBudget(bad, 'USD').valid, bad).toBe(false);
  });
});

describe('checkCampaignDraft', () => {
  it('sends the trimmed name, the plan, the budget and the simulator flag', () => {
    expect(checkCampaignDraft({ ...draft, budget: '99.90', simulate: true }, wallet)).toEqual({
      valid: true,
      variables: { input: { walletId: 'w1', name: 'Spring promo', ratePlanId: 'rp1', budget: '99.9', simulate: true } },
    });
  });

  it('names each field that is wrong', () => {
    const checked = checkCampaignDraft({ ...draft, name: ' ', ratePlanId: '', budget: 'lots' }, wallet);
    expect(checked.valid).toBe(false);
    if (!checked.valid) expect(Object.keys(checked.errors).sort()).toEqual(['budget', 'name', 'ratePlanId']);
    const long = checkCampaignDraft({ ...draft, name: 'x'.repeat(201) }, wallet);
    expect(long.valid || long.errors.name).toBe('Use at most 200 characters (1 too many).');
    expect(checkCampaignDraft({ ...draft, name: 'x'.repeat(200) }, wallet).valid).toBe(true);
  });
});

describe('checkEstimateDraft', () => {
  it("builds the estimate's input against the wallet", () => {
    expect(checkEstimateDraft({ ...draft, to: '+44 7700 900123', calls: '1,000', averageDurationSeconds: '90' }, 'w1')).toEqual({
      valid: true,
      variables: {
        input: { ratePlanId: 'rp1', to: '+447700900123', calls: 1000, averageDurationSeconds: 90, walletId: 'w1', budget: null },
      },
    });
    // The budget goes with the estimate (it caps what is covered); one still being typed is left out.
    expect(checkEstimateDraft({ ...draft, budget: '20' }, 'w1')).toMatchObject({ valid: true, variables: { input: { budget: '20' } } });
    expect(checkEstimateDraft({ ...draft, budget: '20.' }, 'w1')).toMatchObject({ valid: true, variables: { input: { budget: '20' } } });
    expect(checkEstimateDraft({ ...draft, budget: 'abc' }, 'w1')).toMatchObject({ valid: true, variables: { input: { budget: null } } });
  });

  it("keeps to the server's bounds", () => {
    expect(checkEstimateDraft({ ...draft, calls: '10000000', averageDurationSeconds: '86400' }, 'w1').valid).toBe(true);
    expect(checkEstimateDraft({ ...draft, calls: '0', averageDurationSeconds: '0' }, 'w1')).toMatchObject({
      valid: false,
      errors: { calls: expect.any(String) },
    });
    expect(checkEstimateDraft({ ...draft, calls: '10000001' }, 'w1').valid).toBe(false);
    expect(checkEstimateDraft({ ...draft, averageDurationSeconds: '86401' }, 'w1').valid).toBe(false);
    expect(checkEstimateDraft({ ...draft, averageDurationSeconds: '1.5' }, 'w1').valid).toBe(false);
    for (const to of ['447700900123', '+0447700900', '+123456', '+1234567890123456'])
      expect(checkEstimateDraft({ ...draft, to }, 'w1').valid, to).toBe(false);
    expect(checkEstimateDraft({ ...draft, ratePlanId: '' }, 'w1')).toMatchObject({
      valid: false,
      errors: { ratePlanId: 'Choose a rate plan.' },
    });
  });
});

describe('ratePlansFor', () => {
  it("offers only plans in the wallet's currency", () => {
    const plans = [
      { id: 'a', currency: 'USD' },
      { id: 'b', currency: 'GBP' },
      { id: 'c', currency: 'usd' },
    ];
    expect(ratePlansFor(plans, 'USD').map((plan) => plan.id)).toEqual(['a', 'c']);
  });
});

describe('estimateLines', () => {
  const estimate = {
    currency: 'USD',
    rate: { prefix: '44', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 6, connectFee: '0.015' },
    billedSecondsPerCall: 96,
    costPerCall: '0.975',
    total: '975',
    available: '500',
    budget: null,
    shortfall: '475',
    coveredCalls: 512,
    limitedBy: 'WALLET' as const,
  };

  it('words the rate, the per-call and total cost, and a shortfall as a warning', () => {
    expect(estimateLines(estimate, 1000)).toEqual([
      { label: 'Rate (+44…)', value: '$0.60/min, billed 60/6 s, $0.015 to connect' },
      { label: 'Billed per call', value: '96 s' },
      { label: 'Cost per call', value: '$0.975' },
      { label: 'Available in the wallet', value: '$500.00' },
      { label: 'Calls the wallet covers', value: '512 of 1,000', warning: true },
      { label: 'Missing to cover the total', value: '$475.00', warning: true },
      { label: 'Estimated total for 1,000 calls', value: '$975.00', emphasis: true },
    ]);
  });

  it('says when the wallet covers everything', () => {
    const covered = estimateLines(
      { ...estimate, rate: { ...estimate.rate, prefix: '', connectFee: '0' }, shortfall: '0', coveredCalls: 1000, limitedBy: null },
      1000,
    );
    expect(covered[0]).toEqual({ label: 'Rate (all destinations)', value: '$0.60/min, billed 60/6 s' });
    expect(covered.find((line) => line.label === 'Calls the wallet covers')).toEqual({
      label: 'Calls the wallet covers',
      value: 'All 1,000',
      warning: false,
    });
    expect(covered.some((line) => line.label.startsWith('Missing'))).toBe(false);
  });

  it('says the budget limits the calls when it is less than the wallet holds: a $20 budget covers 20 of 500 calls', () => {
    const lines = estimateLines(
      {
        ...estimate,
        costPerCall: '1',
        total: '500',
        available: '150',
        budget: '20',
        shortfall: '480',
        coveredCalls: 20,
        limitedBy: 'BUDGET',
      },
      500,
    );
    expect(lines).toContainEqual({ label: 'Budget', value: '$20.00' });
    expect(lines).toContainEqual({ label: 'Calls the budget covers', value: '20 of 500', warning: true });
    expect(lines).toContainEqual({ label: 'Over the budget by', value: '$480.00', warning: true });
    expect(lines.some((line) => line.label === 'Calls the wallet covers')).toBe(false);
  });
});
