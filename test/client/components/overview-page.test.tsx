// Goal: the Overview page, wired to Apollo, renders its loading state on first paint (the account query's figures, live parts on their way) without a network answer, and its documents ask the server for exactly the fields the view reads; method: the real page under MockedProvider rendered to static HTML (react-dom/server), and the documents' selections read from their ASTs.
import { MockedProvider } from '@apollo/client/testing/react';
import { print } from 'graphql';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  OVERVIEW_CAMPAIGNS_QUERY,
  OVERVIEW_CAMPAIGN_UPDATED_SUBSCRIPTION,
  OVERVIEW_WALLET_UPDATED_SUBSCRIPTION,
  RECENT_TRANSACTIONS_QUERY,
} from '../../../client/src/routes/overview/overview-documents';
import { OverviewPage } from '../../../client/src/routes/overview/OverviewPage';
import { ACCOUNT_WALLET } from './overview-fixtures';

/** The printed document without whitespace runs, for field checks. */
const compact = (document: Parameters<typeof print>[0]) => print(document).replace(/\s+/g, ' ');

describe('OverviewPage', () => {
  it('first paint: the figures the account query has, and every live part loading', () => {
    const html = renderToStaticMarkup(
      <MockedProvider mocks={[]}>
        {/* biome-ignore lint/a11y/useValidAriaRole: `role` here is the page's prop for the member's account role (OWNER…), not an ARIA role; the page renders no role attribute from it. */}
        <OverviewPage
          account={{ id: 'a1', name: 'Acme' }}
          wallet={ACCOUNT_WALLET}
          role="OWNER"
          resumePoints={new Map()}
          navigate={() => undefined}
        />
      </MockedProvider>,
    );
    expect(html).toContain('$12.50');
    expect(html).toContain('Connecting to live updates…');
    expect(html).toContain('Loading burn rate…');
    expect(html).toContain('Loading transactions…');
    expect(html).not.toContain('data-banner');
  });

  it('follows the wallet with walletUpdated, selecting the figures, status, burn inputs and auto-recharge line', () => {
    const printed = compact(OVERVIEW_WALLET_UPDATED_SUBSCRIPTION);
    expect(printed).toContain('walletUpdated(walletId: $walletId) { ...OverviewWalletFields }');
    expect(printed).toContain('fragment OverviewWalletFields on Wallet { id currency balance reserved available status sequence');
    expect(printed).toContain(
      'burn { ratePerMinute timeToEmptySeconds limitedBy limitReachedInSeconds spendCap { period scope reachedInSeconds resetsAt } activeCalls meteredPerMinute windowUsage windowSeconds coveredSeconds planFeesPerMinute }',
    );
    expect(printed).toContain('autoRecharge { walletId enabled threshold target pausedReason }');
  });

  it('lists 50 campaigns and follows each with campaignUpdated, with the version that orders states', () => {
    expect(compact(OVERVIEW_CAMPAIGNS_QUERY)).toContain('campaigns(first: $first)');
    for (const document of [OVERVIEW_CAMPAIGNS_QUERY, OVERVIEW_CAMPAIGN_UPDATED_SUBSCRIPTION]) {
      expect(compact(document)).toContain('fragment OverviewCampaignFields on Campaign { id walletId name status activeCalls version }');
    }
    expect(compact(RECENT_TRANSACTIONS_QUERY)).toContain('wallet(id: $walletId) { id sequence transactions(first: $first)');
  });
});
