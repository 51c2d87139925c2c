// Goal: the Top up page shows the live balance beside the checkout and the wallet's recent top-ups in every state (loading, empty, failed to load, a list with statuses, origins, failure reasons and receipt numbers). Method: the page under MockedProvider and the data-free list rendered to static HTML (react-dom/server).
import { MockedProvider } from '@apollo/client/testing/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RecentTopUpsView } from '../../../client/src/routes/top-up/RecentTopUps';
import { TopUpPage } from '../../../client/src/routes/top-up/TopUpPage';
import { FAILED_TOP_UP, SUCCEEDED_TOP_UP, WALLET } from './transactions-fixtures';

const view = (props: Partial<Parameters<typeof RecentTopUpsView>[0]>) =>
  renderToStaticMarkup(<RecentTopUpsView topUps={undefined} loading={false} error={undefined} onRetry={() => undefined} {...props} />);

describe('TopUpPage', () => {
  it('first paint: the balance the account query has, the checkout and the recent top-ups loading', () => {
    const html = renderToStaticMarkup(
      <MockedProvider mocks={[]}>
        {/* biome-ignore lint/a11y/useValidAriaRole: `role` here is the page's prop for the member's account role (OWNER…), not an ARIA role; the page renders no role attribute from it. */}
        <TopUpPage
          account={{ id: 'a1', name: 'Acme' }}
          wallet={WALLET}
          role="INTEGRATOR"
          resumePoints={new Map()}
          navigate={() => undefined}
        />
      </MockedProvider>,
    );
    expect(html).toContain('aria-label="Balances"');
    expect(html).toContain('$73.75');
    expect(html).toContain('$70.50');
    expect(html).toContain('>Top up</h2>');
    expect(html).toContain('Loading payment options…');
    expect(html).toContain('Recent top-ups');
    expect(html).toContain('Loading top-ups…');
  });

  it('tells a role that may not pay why there is no checkout', () => {
    const html = renderToStaticMarkup(
      <MockedProvider mocks={[]}>
        {/* biome-ignore lint/a11y/useValidAriaRole: `role` here is the page's prop for the member's account role (OWNER…), not an ARIA role; the page renders no role attribute from it. */}
        <TopUpPage
          account={{ id: 'a1', name: 'Acme' }}
          wallet={WALLET}
          role="SUPPORT"
          resumePoints={new Map()}
          navigate={() => undefined}
        />
      </MockedProvider>,
    );
    expect(html).toContain('A Support may not pay into this wallet');
    expect(html).not.toContain('Loading payment options…');
  });
});

describe('RecentTopUpsView', () => {
  it('loads, then says when there is none', () => {
    expect(view({ loading: true })).toContain('Loading top-ups…');
    expect(view({ topUps: [] })).toContain('No top-ups yet');
  });

  it('shows why it could not load, with a retry', () => {
    const html = view({ error: new Error('Failed to fetch') });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Try again');
    expect(html).not.toContain('Loading top-ups…');
  });

  it('lists each top-up with amount, tax, total, card, origin, status, and the receipt number to open', () => {
    const html = view({ topUps: [SUCCEEDED_TOP_UP, FAILED_TOP_UP], loading: true });
    for (const text of [
      '$25.00',
      '$5.00',
      '$30.00',
      'Visa •••• 4242',
      'Manual',
      'Auto-recharge',
      'Succeeded',
      'Failed',
      'Your card was declined.',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('>SW-2026-00000001</button>');
    expect(html).toContain('status--completed');
    expect(html).toContain('status--failed');
    // A refetch in progress keeps the list and says so.
    expect(html).toContain('Updating…');
  });
});
