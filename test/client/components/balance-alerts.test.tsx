// Goal: the Settings page's "Balance alerts" card shows its states: loading, the wallet's thresholds in its currency highest first with 0 read as "when the balance runs out", "balance alerts are off" for none, editable (Remove, add, Save) for the roles the server lets set them and read-only for integrators, saving, saved, and the server's refusal under the list or as a notice; its documents fit the contract. Method: the card under MockedProvider (empty, and with the wallet already in the cache), the data-free list and form rendered to static HTML (react-dom/server), the documents validated with graphql-js against schema/schema.graphql.
import { InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { MockedProvider } from '@apollo/client/testing/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { WalletBalanceAlertsQuery } from '../../../client/src/gql/graphql.js';
import type { Role } from '../../../client/src/gql/graphql.js';
import { WALLET_BALANCE_ALERTS_QUERY } from '../../../client/src/routes/settings/hooks/useBalanceAlertThresholds';
import { SET_LOW_BALANCE_THRESHOLDS_MUTATION } from '../../../client/src/routes/settings/hooks/useSetLowBalanceThresholdsMutation';
import { BalanceAlertThresholdList } from '../../../client/src/routes/settings/BalanceAlertThresholdList';
import { BalanceAlertsCard, BalanceAlertsForm } from '../../../client/src/routes/settings/BalanceAlertsCard';
import { compact, validationErrors } from './transactions-documents';

const noop = () => undefined;

/** The card for `role`, with the wallet's thresholds already cached when given (else it is loading). */
function card(role: Role, thresholds?: string[], currency = 'USD'): string {
  const cache = new InMemoryCache();
  if (thresholds !== undefined) {
    cache.writeQuery({
      query: WALLET_BALANCE_ALERTS_QUERY,
      variables: { walletId: 'w-1' },
      // The cache keys the wallet by __typename and id, which the generated subset types leave out.
      data: { wallet: { __typename: 'Wallet', id: 'w-1', lowBalanceThresholds: thresholds } } as WalletBalanceAlertsQuery,
    });
  }
  return renderToStaticMarkup(
    <MockedProvider mocks={[]} cache={cache}>
      <BalanceAlertsCard walletId="w-1" currency={currency} role={role} />
    </MockedProvider>,
  );
}

const form = (props: Partial<Parameters<typeof BalanceAlertsForm>[0]>) =>
  renderToStaticMarkup(
    <BalanceAlertsForm currency="USD" thresholds={['5', '0']} saving={false} error={null} saved={false} onSave={noop} {...props} />,
  );

/** A refusal as Apollo Client 4 hands it to the form. */
const refusal = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });

describe('BalanceAlertsCard', () => {
  it('loads, and says what a threshold does and what 0 means', () => {
    const html = card('OWNER');
    expect(html).toContain('>Balance alerts</h2>');
    expect(html).toContain('Loading balance alerts…');
    expect(html).toContain('0 = when the balance runs out.');
  });

  it('lets an owner, a campaign manager and platform staff edit the cached thresholds', () => {
    for (const role of ['OWNER', 'CAMPAIGN_MANAGER', 'SUPPORT', 'PLATFORM_ADMIN'] as const) {
      const html = card(role, ['20', '5', '0']);
      expect(html).not.toContain('Loading balance alerts…');
      expect(html.match(/>Remove</g)).toHaveLength(3);
      expect(html).toContain('>Add threshold</button>');
      expect(html).toContain('Save balance alerts');
      expect(html).not.toContain('Only owners, campaign managers and platform staff');
    }
  });

  it('shows an integrator the thresholds read-only', () => {
    const html = card('INTEGRATOR', ['20', '0'], 'GBP');
    expect(html).toContain('£20.00');
    expect(html).toContain('£0.00 — when the balance runs out');
    expect(html).not.toContain('>Remove<');
    expect(html).not.toContain('Add threshold');
    expect(html).not.toContain('Save balance alerts');
    expect(html).toContain('Only owners, campaign managers and platform staff can change balance alerts.');
  });

  it('says balance alerts are off when the wallet has no threshold', () => {
    expect(card('INTEGRATOR', [])).toContain('No thresholds: balance alerts are off.');
    expect(card('OWNER', [])).toContain('No thresholds: balance alerts are off.');
  });
});

describe('BalanceAlertThresholdList', () => {
  it('lists the thresholds in the wallet’s currency, in the order given, 0 explained', () => {
    const html = renderToStaticMarkup(<BalanceAlertThresholdList thresholds={['1234.5', '20', '0.000125', '0']} currency="CAD" />);
    const order = ['CAD 1,234.50', 'CAD 20.00', 'CAD 0.000125', 'CAD 0.00 — when the balance runs out'].map((text) => html.indexOf(text));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('aria-label="CAD 20.00"');
    expect(html).not.toContain('Remove');
  });

  it('names each Remove button after its threshold, and disables them while saving', () => {
    const html = renderToStaticMarkup(<BalanceAlertThresholdList thresholds={['5', '0']} currency="USD" onRemove={noop} disabled={true} />);
    expect(html).toContain('aria-label="Remove $5.00"');
    expect(html).toContain('aria-label="Remove $0.00"');
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });
});

describe('BalanceAlertsForm', () => {
  it('starts from the server’s thresholds highest first, with nothing to save yet', () => {
    const html = form({ thresholds: ['0', '5.50', '20'] });
    expect(html.indexOf('$20.00')).toBeLessThan(html.indexOf('$5.50'));
    expect(html.indexOf('$5.50')).toBeLessThan(html.indexOf('$0.00'));
    expect(html).toMatch(/<button type="button" class="button button--primary" disabled="">Save balance alerts<\/button>/);
    expect(html).not.toContain('Not saved yet.');
    expect(html).not.toContain('Undo changes');
    expect(html).toContain('An amount of USD, 0 or more, up to 6 decimal places. At most 10 thresholds.');
  });

  it('says when a wallet is full', () => {
    const html = form({ thresholds: Array.from({ length: 10 }, (_, index) => String(index)) });
    expect(html).toContain('A wallet has at most 10 thresholds: remove one to add another.');
  });

  it('shows saving, then saved', () => {
    const saving = form({ saving: true });
    expect(saving).toContain('Saving…');
    expect(saving).toContain('aria-busy="true"');
    expect(saving).not.toContain('Saved.');
    expect(form({ saved: true })).toContain('Saved.');
  });

  it('shows the server’s refusal of the list in its words, under the list', () => {
    const html = form({ error: refusal('Thresholds must be different from each other', { code: 'BAD_USER_INPUT', field: 'thresholds' }) });
    expect(html).toContain('<p class="field-error" role="alert">Thresholds must be different from each other</p>');
    expect(html).not.toContain('notice--error');
  });

  it('shows any other failure as a notice with the server’s message', () => {
    const html = form({ error: refusal('Your role may not set low-balance thresholds', { code: 'FORBIDDEN' }) });
    expect(html).toContain('notice--error');
    expect(html).toContain('FORBIDDEN');
    expect(html).toContain('Your role may not set low-balance thresholds');
    expect(html).not.toContain('class="field-error"');
  });
});

describe('the balance alerts documents', () => {
  it('ask the server as the contract says, the mutation answering with the wallet so the cache follows', () => {
    expect(validationErrors(WALLET_BALANCE_ALERTS_QUERY)).toEqual([]);
    expect(validationErrors(SET_LOW_BALANCE_THRESHOLDS_MUTATION)).toEqual([]);
    expect(compact(SET_LOW_BALANCE_THRESHOLDS_MUTATION)).toContain('wallet { ...BalanceAlertThresholdsFields }');
    expect(compact(WALLET_BALANCE_ALERTS_QUERY)).toContain('fragment BalanceAlertThresholdsFields on Wallet { id lowBalanceThresholds }');
  });
});
