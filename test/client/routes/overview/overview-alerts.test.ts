// Goal: the overview warns exactly when it should: a low balance at or below one of the wallet's own balance alert thresholds above 0 (naming the nearest one crossed; the auto-recharge threshold plays no part), the wallet's campaigns stopped for lack of funds, which campaigns to follow live (bounded), and when the campaign list is missing a dialing campaign; method: examples on the pure functions, amounts compared exactly.
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
  const wallet = (available: string, lowBalanceThresholds: string[], autoRecharge: ReturnType<typeof recharge> | null = null) => ({
    available,
    lowBalanceThresholds,
    autoRecharge,
  });

  it('is low at or below the highest threshold above 0, as the server raises LOW_BALANCE', () => {
    expect(lowBalanceOf(wallet('5.000001', ['5', '0']))).toBeNull();
    expect(lowBalanceOf(wallet('5', ['5', '0']))).toEqual({ threshold: '5', atThreshold: true, autoRecharge: null });
    expect(lowBalanceOf(wallet('4.999999', ['5', '0']))).toEqual({ threshold: '5', atThreshold: false, autoRecharge: null });
    expect(lowBalanceOf(wallet('0', ['5', '0']))).toEqual({ threshold: '5', atThreshold: false, autoRecharge: null });
    expect(lowBalanceOf(wallet('-1', ['5', '0']))?.threshold).toBe('5');
  });

  it('names the nearest threshold crossed: the lowest one the available balance is at or below', () => {
    const thresholds = ['20', '10', '2.5', '0'];
    expect(lowBalanceOf(wallet('20.01', thresholds))).toBeNull();
    expect(lowBalanceOf(wallet('15', thresholds))?.threshold).toBe('20');
    expect(lowBalanceOf(wallet('10', thresholds))).toMatchObject({ threshold: '10', atThreshold: true });
    expect(lowBalanceOf(wallet('9.99', thresholds))).toMatchObject({ threshold: '10', atThreshold: false });
    expect(lowBalanceOf(wallet('1', thresholds))?.threshold).toBe('2.5');
    // Order does not matter: the server answers highest first, but a list is a list.
    expect(lowBalanceOf(wallet('1', ['0', '2.5', '20', '10']))?.threshold).toBe('2.5');
  });

  it('warns of nothing when the wallet has no threshold above 0 (balance alerts off, or only the depleted one)', () => {
    expect(lowBalanceOf(wallet('0', []))).toBeNull();
    expect(lowBalanceOf(wallet('0', ['0']))).toBeNull();
    expect(lowBalanceOf(wallet('-3', ['0']))).toBeNull();
  });

  it('ignores the auto-recharge threshold for the line, and says what auto-recharge will do', () => {
    // Auto-recharge at 20 but alerts at 5: 15 is not low.
    expect(lowBalanceOf(wallet('15', ['5', '0'], recharge()))).toBeNull();
    expect(lowBalanceOf(wallet('4', ['5', '0'], recharge()))).toEqual({
      threshold: '5',
      atThreshold: false,
      autoRecharge: { state: 'on', target: '50' },
    });
    // Auto-recharge at 2 but alerts at 5: 4 is low.
    expect(lowBalanceOf(wallet('4', ['5'], recharge({ threshold: '2' })))?.threshold).toBe('5');
    expect(lowBalanceOf(wallet('1', ['5'], recharge({ enabled: false })))?.autoRecharge).toEqual({ state: 'off' });
    expect(lowBalanceOf(wallet('1', ['5'], recharge({ pausedReason: 'NO_PAYMENT_METHOD' })))?.autoRecharge).toEqual({
      state: 'paused',
      reason: 'NO_PAYMENT_METHOD',
    });
  });

  it('compares exactly at sub-cent and huge amounts', () => {
    expect(lowBalanceOf(wallet('0.000002', ['0.000001']))).toBeNull();
    expect(lowBalanceOf(wallet('0.000001', ['0.000001']))).toMatchObject({ atThreshold: true });
    expect(lowBalanceOf(wallet('900719925474099.3', ['900719925474099.300001']))).not.toBeNull();
    expect(lowBalanceOf(wallet('900719925474099.300001', ['900719925474099.3']))).toBeNull();
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
