// Goal: the overview warns exactly when it should: a low balance against the auto-recharge threshold when one is set (else 5 in the wallet currency), the wallet's campaigns stopped for lack of funds, which campaigns to follow live (bounded), and when the campaign list is missing a dialing campaign; method: examples on the pure functions, amounts compared exactly.
import { describe, expect, it } from 'vitest';
import {
  campaignsStoppedForFunds,
  campaignsToFollow,
  hasUnlistedActiveCalls,
  lowBalanceOf,
  newestCampaignState,
  withLiveStates,
  type CampaignLine,
} from '../../../../client/src/routes/overview/overview-alerts.js';

const recharge = (overrides: Partial<{ enabled: boolean; threshold: string; target: string; pausedReason: string | null }> = {}) => ({
  enabled: true,
  threshold: '20',
  target: '50',
  pausedReason: null,
  ...overrides,
});

const campaign = (id: string, status: CampaignLine['status'], overrides: Partial<CampaignLine> = {}): CampaignLine => ({
  id,
  walletId: 'w1',
  name: `Campaign ${id}`,
  status,
  activeCalls: 0,
  version: '1',
  ...overrides,
});

describe('lowBalanceOf', () => {
  it('uses 5 in the wallet currency without auto-recharge, strictly below', () => {
    expect(lowBalanceOf({ available: '4.999999', autoRecharge: null })).toEqual({ threshold: '5', source: 'default', autoRecharge: null });
    expect(lowBalanceOf({ available: '5', autoRecharge: null })).toBeNull();
    expect(lowBalanceOf({ available: '5.000001', autoRecharge: null })).toBeNull();
    expect(lowBalanceOf({ available: '0', autoRecharge: null })?.source).toBe('default');
  });

  it('uses the auto-recharge threshold when set, and says what auto-recharge will do', () => {
    expect(lowBalanceOf({ available: '19.99', autoRecharge: recharge() })).toEqual({
      threshold: '20',
      source: 'auto-recharge',
      autoRecharge: { state: 'on', target: '50' },
    });
    expect(lowBalanceOf({ available: '20', autoRecharge: recharge() })).toBeNull();
    // A threshold under 5: 4 is not low for this wallet.
    expect(lowBalanceOf({ available: '4', autoRecharge: recharge({ threshold: '2' }) })).toBeNull();
    expect(lowBalanceOf({ available: '1', autoRecharge: recharge({ enabled: false }) })?.autoRecharge).toEqual({ state: 'off' });
    expect(lowBalanceOf({ available: '1', autoRecharge: recharge({ pausedReason: 'NO_PAYMENT_METHOD' }) })?.autoRecharge).toEqual({
      state: 'paused',
      reason: 'NO_PAYMENT_METHOD',
    });
  });

  it('compares exactly at sub-cent and huge amounts', () => {
    expect(lowBalanceOf({ available: '0.000001', autoRecharge: recharge({ threshold: '0.000002' }) })).not.toBeNull();
    expect(
      lowBalanceOf({ available: '900719925474099.3', autoRecharge: recharge({ threshold: '900719925474099.300001' }) }),
    ).not.toBeNull();
    expect(lowBalanceOf({ available: '900719925474099.300001', autoRecharge: recharge({ threshold: '900719925474099.3' }) })).toBeNull();
  });
});

describe('campaigns', () => {
  it('finds the wallet’s campaigns stopped for funds only (not for budget, not other wallets)', () => {
    const list = [
      campaign('a', 'STOPPED_INSUFFICIENT_FUNDS'),
      campaign('b', 'STOPPED_BUDGET_REACHED'),
      campaign('c', 'RUNNING'),
      campaign('d', 'STOPPED_INSUFFICIENT_FUNDS', { walletId: 'w2' }),
    ];
    expect(campaignsStoppedForFunds(list, 'w1').map((c) => c.id)).toEqual(['a']);
  });

  it('orders states by version, as integers', () => {
    const older = campaign('a', 'RUNNING', { version: '9' });
    const newer = campaign('a', 'STOPPED_INSUFFICIENT_FUNDS', { version: '10' });
    expect(newestCampaignState(older, newer)).toBe(newer);
    expect(newestCampaignState(newer, older)).toBe(newer);
    expect(newestCampaignState(older, undefined)).toBe(older);
    expect(withLiveStates([older, campaign('b', 'RUNNING')], new Map([['a', newer]])).map((c) => c.status)).toEqual([
      'STOPPED_INSUFFICIENT_FUNDS',
      'RUNNING',
    ]);
    // A live state older than the list's is ignored.
    expect(withLiveStates([newer], new Map([['a', older]]))[0]).toBe(newer);
  });

  it('follows at most max campaigns of the wallet: stopped for funds first, then running, never completed', () => {
    const list = [
      campaign('draft', 'DRAFT'),
      campaign('run1', 'RUNNING'),
      campaign('done', 'COMPLETED'),
      campaign('stop', 'STOPPED_INSUFFICIENT_FUNDS'),
      campaign('other', 'RUNNING', { walletId: 'w2' }),
      campaign('run2', 'RUNNING'),
    ];
    expect(campaignsToFollow(list, 'w1', 10).map((c) => c.id)).toEqual(['stop', 'run1', 'run2', 'draft']);
    expect(campaignsToFollow(list, 'w1', 2).map((c) => c.id)).toEqual(['stop', 'run1']);
    expect(campaignsToFollow(list, 'w1', 0)).toEqual([]);
    expect(() => campaignsToFollow(list, 'w1', -1)).toThrow(RangeError);
  });

  it('tells when the wallet has more active calls than its listed campaigns', () => {
    const list = [campaign('a', 'RUNNING', { activeCalls: 2 }), campaign('b', 'RUNNING', { activeCalls: 5, walletId: 'w2' })];
    expect(hasUnlistedActiveCalls(2, list, 'w1')).toBe(false);
    expect(hasUnlistedActiveCalls(3, list, 'w1')).toBe(true);
    expect(hasUnlistedActiveCalls(0, [], 'w1')).toBe(false);
  });
});
