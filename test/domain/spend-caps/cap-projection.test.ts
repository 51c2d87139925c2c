// Goal: a running campaign's projection says "spend cap reached in X" when a daily or monthly cap of its wallet or
// account comes before its budget and its wallet running dry, and ignores a cap whose period resets first. Method: the
// pure projection over hand-made campaign, burn and cap figures.
import { describe, expect, it } from 'vitest';
import { CampaignEnd, campaignProjection } from '../../../server/domain/campaigns/campaign-projection.js';
import { CampaignStatus, type CampaignRecord } from '../../../server/domain/campaigns/campaign-record.js';
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
      headrooms: [{ remainingMicros: 10_000_000n, resetsAtMs: NOW + 12 * 3_600_000 }],
      nowMs: NOW,
    });
    expect(projection).toMatchObject({
      budgetReachedInSeconds: 3_600,
      walletRunsDryInSeconds: 6_000,
      spendCapReachedInSeconds: 300,
      endsBy: CampaignEnd.SPEND_CAP,
      endsInSeconds: 300,
    });
  });

  it('a cap whose period resets before it would be reached does not end the campaign', () => {
    const projection = campaignProjection(campaign, burn, wallet, {
      headrooms: [{ remainingMicros: 10_000_000n, resetsAtMs: NOW + 299_000 }],
      nowMs: NOW,
    });
    expect(projection).toMatchObject({ spendCapReachedInSeconds: null, endsBy: CampaignEnd.BUDGET, endsInSeconds: 3_600 });
  });

  it('without caps the projection is as before; the smallest headroom wins among several', () => {
    expect(campaignProjection(campaign, burn, wallet)).toMatchObject({ spendCapReachedInSeconds: null, endsBy: CampaignEnd.BUDGET });
    const several = campaignProjection(campaign, burn, wallet, {
      headrooms: [
        { remainingMicros: 100_000_000n, resetsAtMs: NOW + 30 * 86_400_000 },
        { remainingMicros: 1_000_000n, resetsAtMs: NOW + 3_600_000 },
      ],
      nowMs: NOW,
    });
    expect(several).toMatchObject({ spendCapReachedInSeconds: 30, endsBy: CampaignEnd.SPEND_CAP, endsInSeconds: 30 });
  });
});
