// Goal: the Campaigns section shows each state people meet (loading, failed with a retry, empty, a page of campaigns) with status, exact spend, active calls, budget use and only the buttons the role may press; the real page starts in its loading state. Method: the real components rendered to static HTML (react-dom/server) in Vitest, under an Apollo client whose link answers nothing.
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CampaignsPage, CampaignsView, type CampaignsViewProps } from '../../../client/src/routes/campaigns/CampaignsPage';
import type { CampaignFieldsFragment as CampaignFigures } from '../../../client/src/gql/graphql.js';

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
    budget: '500',
    spent: '123.456789',
    committed: '150',
    activeCalls: 1234,
    spendPerMinute: '12',
    projection: null,
    simulate: false,
    version: '7',
    createdAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

function props(overrides: Partial<CampaignsViewProps> = {}): CampaignsViewProps {
  return {
    campaigns: [],
    loading: false,
    error: null,
    onRetry: noop,
    ratePlans: [{ id: 'rp1', currency: 'GBP' }],
    walletCurrency: 'USD',
    canManage: true,
    live: false,
    navigate: noop,
    paging: { pageNumber: 1, hasNewer: false, hasOlder: false, onNewer: noop, onOlder: noop },
    ...overrides,
  };
}

describe('CampaignsView', () => {
  it('says it is loading before the first answer', () => {
    expect(render(<CampaignsView {...props({ campaigns: undefined, loading: true })} />)).toContain('Loading campaigns…');
  });

  it('shows a failure with its code and a way to try again', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    const html = render(<CampaignsView {...props({ campaigns: undefined, error })} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('INTERNAL_SERVER_ERROR');
    expect(html).toContain('Try again');
  });

  it('is empty with a hint for those who may create, and without for those who may not', () => {
    expect(render(<CampaignsView {...props()} />)).toContain('No campaigns yet: create one with “New campaign”.');
    const readOnly = render(<CampaignsView {...props({ canManage: false })} />);
    expect(readOnly).toContain('No campaigns yet.');
    expect(readOnly).not.toContain('New campaign');
  });

  it("lists campaigns in their rate plan's currency, exactly, with budget use and the status's buttons", () => {
    const html = render(
      <CampaignsView
        {...props({
          campaigns: [
            campaign(),
            campaign({
              id: '5f0c6c1e-0000-4000-8000-000000000002',
              name: 'Draft one',
              status: 'DRAFT',
              budget: null,
              spent: '0',
              committed: '0',
              activeCalls: 0,
              ratePlanId: 'unknown',
            }),
          ],
        })}
      />,
    );
    expect(html).toContain('href="/campaigns/5f0c6c1e-0000-4000-8000-000000000001"');
    expect(html).toContain('£123.46');
    expect(html).toContain('1,234');
    expect(html).toContain('30% of £500.00');
    expect(html).toContain('aria-label="Pause Spring promo"');
    // A plan the list does not know: the wallet's currency stands in.
    expect(html).toContain('$0.00');
    expect(html).toContain('No budget');
    expect(html).toContain('aria-label="Start Draft one"');
    expect(html).toContain('>Draft<');
    expect(html).toContain('>Running<');
  });

  it('shows no buttons to a role that may only read', () => {
    const html = render(<CampaignsView {...props({ campaigns: [campaign({ status: 'PAUSED' })], canManage: false })} />);
    expect(html).toContain('Paused');
    expect(html).not.toContain('Resume');
    expect(html).not.toContain('<th scope="col">Actions</th>');
  });
});

describe('CampaignsPage', () => {
  it('starts loading, with "New campaign" for an owner', () => {
    const html = render(
      // biome-ignore lint/a11y/useValidAriaRole: `role` here is the page's prop for the member's account role (OWNER…), not an ARIA role; the page renders no role attribute from it.
      <CampaignsPage
        account={{ id: 'a1', name: 'Acme' }}
        wallet={{ id: 'w1', currency: 'USD', balance: '10', available: '10', reserved: '0', sequence: '1' }}
        role="OWNER"
        resumePoints={new Map()}
        navigate={noop}
      />,
    );
    expect(html).toContain('Loading campaigns…');
    expect(html).toContain('New campaign');
  });
});
