// Goal: a campaign's page shows each state people meet (loading, failed, not found, live), running timers and costs computed from the calls' start and rate, and a call the server stopped for funds marked unmistakably, with the campaign's own stop explained. Method: the real components rendered to static HTML (react-dom/server) in Vitest at a fixed system time, under an Apollo client whose link answers nothing.
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CampaignDetailPage,
  CampaignDetailView,
  type CampaignDetailViewProps,
} from '../../../client/src/routes/campaigns/CampaignDetailPage';
import { applyCallStates, emptyCallBook } from '../../../client/src/routes/campaigns/campaign-calls';
import type { CallFieldsFragment as CallRow, CampaignFieldsFragment as CampaignFigures } from '../../../client/src/gql/graphql.js';

/** The page's clock: far enough ahead that the shared clock (which never goes back) takes it. */
const NOW_MS = Date.UTC(2040, 0, 1, 12, 0, 30);
const at = (secondsBeforeNow: number) => new Date(NOW_MS - secondsBeforeNow * 1000).toISOString();

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW_MS);
});
afterAll(() => {
  vi.useRealTimers();
});

function render(node: ReactNode): string {
  const client = new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() });
  return renderToStaticMarkup(<ApolloProvider client={client}>{node}</ApolloProvider>);
}

const noop = () => undefined;

function campaign(overrides: Partial<CampaignFigures> = {}): CampaignFigures {
  return {
    id: '5f0c6c1e-0000-4000-8000-000000000001',
    walletId: 'w1',
    ratePlanId: 'rp1',
    name: 'Spring promo',
    status: 'RUNNING',
    budget: '100',
    spent: '12.345',
    committed: '14',
    activeCalls: 2,
    spendPerMinute: '1.2',
    projection: {
      ratePerMinute: '1.2',
      walletRatePerMinute: '1.5',
      budgetReachedInSeconds: 4_300,
      walletRunsDryInSeconds: 754,
      spendCapReachedInSeconds: null,
      spendCap: null,
      endsBy: 'WALLET',
      endsInSeconds: 754,
      windowSeconds: 300,
    },
    simulate: false,
    version: '9',
    createdAt: at(600),
    ...overrides,
  };
}

function call(id: string, overrides: Partial<CallRow> = {}): CallRow {
  return {
    id,
    to: '+447700900123',
    status: 'ACTIVE',
    endReason: null,
    startedAt: at(65),
    endedAt: null,
    billedSeconds: 1,
    cost: '0.01',
    perMinute: '0.6',
    version: '1',
    ...overrides,
  };
}

function props(overrides: Partial<CampaignDetailViewProps> = {}): CampaignDetailViewProps {
  return {
    latest: { campaign: campaign(), atMs: NOW_MS },
    loading: false,
    error: null,
    missing: false,
    onRetry: noop,
    baseline: { series: [{ minute: at(90), spent: '2' }], spent: '12.345', atMs: NOW_MS - 10_000 },
    samples: new Map(),
    book: emptyCallBook(),
    rates: [{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1, connectFee: '0' }],
    currency: 'USD',
    canManage: true,
    liveError: null,
    onCampaignChanged: noop,
    navigate: noop,
    ...overrides,
  };
}

describe('CampaignDetailView', () => {
  it('says it is loading before the first answer', () => {
    const html = render(<CampaignDetailView {...props({ latest: null, loading: true, baseline: null })} />);
    expect(html).toContain('Loading campaign…');
    expect(html).toContain('← All campaigns');
  });

  it('shows a failure with a way to try again, and a campaign that is not there', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Campaign not found', extensions: { code: 'NOT_FOUND' } }] });
    const failed = render(<CampaignDetailView {...props({ latest: null, error, baseline: null })} />);
    expect(failed).toContain('NOT_FOUND');
    expect(failed).toContain('Try again');
    expect(render(<CampaignDetailView {...props({ latest: null, missing: true, baseline: null })} />)).toContain(
      'This campaign does not exist',
    );
  });

  it('shows the figures, the chart, and empty call tables', () => {
    const html = render(<CampaignDetailView {...props()} />);
    expect(html).toContain('$12.35');
    expect(html).toContain('$1.20/min');
    // The wallet runs dry before the budget is reached: the earlier one is shown.
    expect(html).toContain('<dt>Wallet runs dry</dt><dd class="amount">in 12 min 34 s</dd>');
    expect(html).not.toContain('Budget reached');
    expect(html).toContain('aria-label="Edit Spring promo"');
    expect(html).toContain('14% of $100.00');
    expect(html).toContain('role="img"');
    expect(html).toContain('spend-chart__projection');
    expect(html).toContain('No calls in progress.');
    expect(html).toContain('No ended calls yet.');
    expect(html).toContain('aria-label="Pause Spring promo"');
  });

  it('runs each active call’s timer and cost from its start and rate', () => {
    const book = applyCallStates(emptyCallBook(), [call('a'), call('b', { startedAt: at(3_725), perMinute: '1.2' })]);
    const html = render(
      <CampaignDetailView
        {...props({
          book,
          rates: [{ prefix: '44', perMinute: '1.2', firstIncrementSeconds: 60, nextIncrementSeconds: 60, connectFee: '0.05' }],
        })}
      />,
    );
    expect(html).toContain('Active calls <span class="campaign-detail__count">(2)</span>');
    // 65 s: billed 120 s at 60/60, 0.60 × 2 + 0.05 to connect.
    expect(html).toContain('>1:05<');
    expect(html).toContain('>$1.25<');
    // 1 h 2 min 5 s: billed 63 min at 1.20 + 0.05.
    expect(html).toContain('>1:02:05<');
    expect(html).toContain('>$75.65<');
  });

  it('marks a call stopped for insufficient funds, distinct from a hang-up, and explains the stopped campaign', () => {
    let book = applyCallStates(emptyCallBook(), [call('stopped'), call('hung-up')]);
    book = applyCallStates(book, [
      call('stopped', {
        status: 'STOPPED',
        endReason: 'INSUFFICIENT_FUNDS',
        endedAt: at(1),
        billedSeconds: 64,
        cost: '0.64',
        version: '2',
      }),
      call('hung-up', { status: 'COMPLETED', endReason: 'HANGUP', endedAt: at(5), billedSeconds: 60, cost: '0.6', version: '2' }),
    ]);
    const html = render(
      <CampaignDetailView
        {...props({
          book,
          latest: {
            campaign: campaign({ status: 'STOPPED_INSUFFICIENT_FUNDS', activeCalls: 0, spendPerMinute: '0', projection: null }),
            atMs: NOW_MS,
          },
        })}
      />,
    );
    const stoppedRow = /<tr class="([^"]*)" data-call-id="stopped">(.*?)<\/tr>/.exec(html);
    expect(stoppedRow?.[1]).toBe('call-row call-row--stopped-funds call-row--new');
    expect(stoppedRow?.[2]).toContain('Stopped: insufficient funds');
    expect(stoppedRow?.[2]).toContain('$0.64');
    const hungUpRow = /<tr class="([^"]*)" data-call-id="hung-up">(.*?)<\/tr>/.exec(html);
    expect(hungUpRow?.[1]).toBe('call-row call-row--completed call-row--new');
    expect(hungUpRow?.[2]).toContain('Hung up');
    // Most recently ended first.
    expect(html.indexOf('data-call-id="stopped"')).toBeLessThan(html.indexOf('data-call-id="hung-up"'));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Stopped: insufficient funds.');
    expect(html).toContain('aria-label="Resume Spring promo"');
    // A stopped campaign projects nothing and burns nothing more.
    expect(html).toContain('<dt>Burn</dt><dd class="amount muted">Not running</dd>');
    expect(html).not.toContain('Wallet runs dry');
    expect(html).not.toContain('Budget reached');
    expect(html).toContain('No calls in progress.');
  });

  it('shows "budget reached in" when the budget comes first, and nothing for a paused campaign', () => {
    const budgetFirst = render(
      <CampaignDetailView
        {...props({
          latest: {
            campaign: campaign({
              projection: {
                ratePerMinute: '1.2',
                walletRatePerMinute: '1.2',
                budgetReachedInSeconds: 300,
                walletRunsDryInSeconds: 754,
                spendCapReachedInSeconds: null,
                spendCap: null,
                endsBy: 'BUDGET',
                endsInSeconds: 300,
                windowSeconds: 300,
              },
            }),
            atMs: NOW_MS,
          },
        })}
      />,
    );
    expect(budgetFirst).toContain('<dt>Budget reached</dt><dd class="amount">in 5 min</dd>');
    expect(budgetFirst).not.toContain('Wallet runs dry');
    expect(budgetFirst).toContain('>Budget reached 12:05 PM UTC</text>');
    const paused = render(
      <CampaignDetailView {...props({ latest: { campaign: campaign({ status: 'PAUSED', projection: null }), atMs: NOW_MS } })} />,
    );
    expect(paused).not.toContain('Budget reached');
    expect(paused).not.toContain('Wallet runs dry');
    expect(paused).not.toContain('spend-chart__projection');
  });

  it('offers "Raise budget" on a campaign stopped at its budget, to managers only', () => {
    const stopped = { campaign: campaign({ status: 'STOPPED_BUDGET_REACHED', activeCalls: 0, projection: null }), atMs: NOW_MS };
    const manager = render(<CampaignDetailView {...props({ latest: stopped })} />);
    expect(manager).toContain('Stopped: budget reached.');
    expect(manager).toContain('>Raise budget</button>');
    expect(manager).toContain('aria-label="Resume Spring promo"');
    const viewer = render(<CampaignDetailView {...props({ latest: stopped, canManage: false })} />);
    expect(viewer).toContain('Stopped: budget reached.');
    expect(viewer).not.toContain('Raise budget');
    expect(viewer).not.toContain('aria-label="Edit Spring promo"');
  });

  it('says when the live feeds stopped', () => {
    const html = render(<CampaignDetailView {...props({ liveError: new Error('socket closed') })} />);
    expect(html).toContain('Live updates stopped');
  });
});

describe('CampaignDetailPage', () => {
  it('starts loading', () => {
    const html = render(
      // biome-ignore lint/a11y/useValidAriaRole: `role` here is the page's prop for the member's account role (OWNER…), not an ARIA role; the page renders no role attribute from it.
      <CampaignDetailPage
        campaignId="5f0c6c1e-0000-4000-8000-000000000001"
        account={{ id: 'a1', name: 'Acme' }}
        wallet={{ id: 'w1', currency: 'USD', balance: '10', available: '10', reserved: '0', sequence: '1' }}
        role="SUPPORT"
        resumePoints={new Map()}
        navigate={noop}
      />,
    );
    expect(html).toContain('Loading campaign…');
  });
});
