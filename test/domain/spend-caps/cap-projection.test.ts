// Goal: a running campaign's projection, and a wallet's outlook on the Overview, say "daily (or monthly) cap reached in X"
// when a cap of the wallet or its account comes before its budget and the wallet running dry, and ignore a cap whose period
// resets first. Method: the
// pure projection over hand-made campaign, burn and cap figures.
import { describe, expect, it } from 'vitest';
import { CampaignEnd, campaignProjection } from '../../../server/domain/campaigns/campaign-projection.js';
import { CampaignStatus, type CampaignRecord } from '../../../server/domain/campaigns/campaign-record.js';
import { firstCapReached, walletOutlook } from '../../../server/domain/spend-caps/cap-outlook.js';
import type { Burn, WalletBurn } from '../../../server/domain/wallets/burn-rate.js';

const NOW = Date.UTC(2026, 2, 8, 12, 0, 0);
const campaign: CampaignRecord = {
  id: 'c',
  accountId: 'a',
  walletId: 'w',
  ratePlanId: 'r',
  name: 'Campaign',
  status: CampaignStatus.RUNNING,
  budgetMicros: 60_000_000n, // 60 at 1 a minute: 3,600 s
  committedMicros: 0n,
  spentMicros: 0n,
  activeCalls: 1,
  simulate: false,
  version: 1n,
  createdAtMs: NOW,
  createdAtUs: '0',
  updatedAtMs: NOW,
};
const burn: Burn = {
  activeCalls: 1,
  meteredPerMinuteMicros: 1_000_000n,
  windowUsageMicros: 0n,
  windowSeconds: 300,
  coveredSeconds: 300,
  planFeesPerMinuteMicros: 0n,
  ratePerMinuteMicros: 1_000_000n,
};
// The wallet burns 2 a minute (another campaign too) and has 200 left: dry in 6,000 s.
const wallet: WalletBurn = { ...burn, ratePerMinuteMicros: 2_000_000n, availableMicros: 200_000_000n, timeToEmptySeconds: 6_000 };

describe('projection with spend caps', () => {
  it('a cap with 10 left at the wallet rate of 2 a minute is reached in 300 s, before the budget and the wallet', () => {
    const projection = campaignProjection(campaign, burn, wallet, {
      headrooms: [{ remainingMicros: 10_000_000n, resetsAtMs: NOW + 12 * 3_600_000, period: 'DAY', scope: 'WALLET' }],
      nowMs: NOW,
    });
    expect(projection).toMatchObject({
      budgetReachedInSeconds: 3_600,
      walletRunsDryInSeconds: 6_000,
      spendCapReachedInSeconds: 300,
      spendCap: { reachedInSeconds: 300, period: 'DAY', scope: 'WALLET', resetsAtMs: NOW + 12 * 3_600_000 },
      endsBy: CampaignEnd.SPEND_CAP,
      endsInSeconds: 300,
    });
  });

  it('a cap whose period resets before it would be reached does not end the campaign', () => {
    const projection = campaignProjection(campaign, burn, wallet, {
      headrooms: [{ remainingMicros: 10_000_000n, resetsAtMs: NOW + 299_000, period: 'DAY', scope: 'WALLET' }],
      nowMs: NOW,
    });
    expect(projection).toMatchObject({ spendCapReachedInSeconds: null, endsBy: CampaignEnd.BUDGET, endsInSeconds: 3_600 });
  });

  it('without caps the projection is as before; the smallest headroom wins among several', () => {
    expect(campaignProjection(campaign, burn, wallet)).toMatchObject({ spendCapReachedInSeconds: null, endsBy: CampaignEnd.BUDGET });
    const several = campaignProjection(campaign, burn, wallet, {
      headrooms: [
        { remainingMicros: 100_000_000n, resetsAtMs: NOW + 30 * 86_400_000, period: 'MONTH', scope: 'ACCOUNT' },
        { remainingMicros: 1_000_000n, resetsAtMs: NOW + 3_600_000, period: 'DAY', scope: 'WALLET' },
      ],
      nowMs: NOW,
    });
    expect(several).toMatchObject({ spendCapReachedInSeconds: 30, endsBy: CampaignEnd.SPEND_CAP, endsInSeconds: 30 });
    expect(several?.spendCap).toMatchObject({ period: 'DAY', scope: 'WALLET' });
  });
});

describe("the wallet's outlook (the Overview)", () => {
  const monthly = { remainingMicros: 100_000_000n, resetsAtMs: NOW + 20 * 86_400_000, period: 'MONTH', scope: 'ACCOUNT' } as const;

  it('a monthly cap with 100 left at 2 a minute binds in 3,000 s, before the wallet runs dry in 6,000 s', () => {
    expect(walletOutlook(wallet, [monthly], NOW)).toMatchObject({
      limitedBy: 'SPEND_CAP',
      limitReachedInSeconds: 3_000,
      timeToEmptySeconds: 6_000,
      spendCap: { reachedInSeconds: 3_000, period: 'MONTH', scope: 'ACCOUNT' },
    });
  });

  it('boundary: a cap reached exactly when the wallet runs dry binds; one second later the wallet does', () => {
    const atDry = { ...monthly, remainingMicros: 200_000_000n }; // 6,000 s at 2 a minute
    expect(walletOutlook(wallet, [atDry], NOW)).toMatchObject({ limitedBy: 'SPEND_CAP', limitReachedInSeconds: 6_000 });
    const later = { ...monthly, remainingMicros: 200_033_334n }; // 6,001 s
    expect(walletOutlook(wallet, [later], NOW)).toMatchObject({ limitedBy: 'WALLET', limitReachedInSeconds: 6_000 });
    expect(walletOutlook(wallet, [later], NOW).spendCap?.reachedInSeconds).toBe(6_001);
  });

  it('a daily cap that resets before it is reached, no cap, or nothing running leave the wallet as it was', () => {
    const resetsFirst = { remainingMicros: 10_000_000n, resetsAtMs: NOW + 299_000, period: 'DAY', scope: 'WALLET' } as const;
    expect(walletOutlook(wallet, [resetsFirst], NOW)).toMatchObject({ spendCap: null, limitedBy: 'WALLET', limitReachedInSeconds: 6_000 });
    expect(walletOutlook(wallet, [], NOW)).toMatchObject({ spendCap: null, limitedBy: 'WALLET' });
    const idle: WalletBurn = { ...wallet, ratePerMinuteMicros: null, timeToEmptySeconds: null };
    expect(walletOutlook(idle, [monthly], NOW)).toMatchObject({ spendCap: null, limitedBy: null, limitReachedInSeconds: null });
  });

  it('on a tie the daily cap is named', () => {
    const daily = { ...monthly, period: 'DAY', scope: 'WALLET', resetsAtMs: NOW + 3_600_000 } as const;
    expect(firstCapReached([monthly, daily], 2_000_000n, NOW)).toMatchObject({ period: 'DAY', reachedInSeconds: 3_000 });
  });
});
