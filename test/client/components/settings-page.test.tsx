// Goal: the Settings page shows each block only to the roles the server lets act on it (balance alerts: balance-alerts.test.tsx), and each block's states: automatic funding (never set, on, paused with its reason and failures, failures in a row, a recharge in flight), the forms' starting values, saved cards (loading, empty, failed, default first), API keys (loading, empty, active and revoked, the key in use) and a new key's secret shown once; its documents fit the contract. Method: the page under MockedProvider and the data-free parts rendered to static HTML (react-dom/server), the documents validated with graphql-js against schema/schema.graphql.
import { MockedProvider } from '@apollo/client/testing/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../client/src/gql/graphql.js';
import { ADD_PAYMENT_METHOD_MUTATION } from '../../../client/src/routes/settings/hooks/useAddPaymentMethodMutation';
import { API_KEYS_QUERY, CREDENTIAL_IN_USE_QUERY } from '../../../client/src/routes/settings/hooks/useApiKeys';
import { WALLET_FUNDING_QUERY } from '../../../client/src/routes/settings/hooks/useAutoRecharge';
import { CREATE_API_KEY_MUTATION } from '../../../client/src/routes/settings/hooks/useCreateApiKeyMutation';
import { REMOVE_PAYMENT_METHOD_MUTATION } from '../../../client/src/routes/settings/hooks/useRemovePaymentMethodMutation';
import { REVOKE_API_KEY_MUTATION } from '../../../client/src/routes/settings/hooks/useRevokeApiKeyMutation';
import { SET_AUTO_RECHARGE_MUTATION } from '../../../client/src/routes/settings/hooks/useSetAutoRechargeMutation';
import { SET_DEFAULT_PAYMENT_METHOD_MUTATION } from '../../../client/src/routes/settings/hooks/useSetDefaultPaymentMethodMutation';
import { SET_MONTHLY_RECHARGE_MUTATION } from '../../../client/src/routes/settings/hooks/useSetMonthlyRechargeMutation';
import { ApiKeyList, NewApiKeySecret } from '../../../client/src/routes/settings/ApiKeysCard';
import { AutoRechargeForm, FundingStatus, MonthlyRechargeForm } from '../../../client/src/routes/settings/AutoRechargeCard';
import { SavedCardList } from '../../../client/src/routes/settings/SavedCardsCard';
import { SettingsPage } from '../../../client/src/routes/settings/SettingsPage';
import { CARDS, KEYS, SETTINGS_ON, WALLET } from './transactions-fixtures';
import { validationErrors } from './transactions-documents';

const page = (role: Role) =>
  renderToStaticMarkup(
    <MockedProvider mocks={[]}>
      <SettingsPage account={{ id: 'a1', name: 'Acme' }} wallet={WALLET} role={role} resumePoints={new Map()} navigate={() => undefined} />
    </MockedProvider>,
  );

const noop = () => undefined;

describe('SettingsPage', () => {
  it('shows an OWNER every block, each loading', () => {
    const html = page('OWNER');
    for (const heading of ['Automatic funding', 'Balance alerts', 'Saved cards', 'API keys']) expect(html).toContain(`>${heading}</h2>`);
    // The team has its own page (routes/team) now.
    expect(html).not.toContain('>Team</h2>');
    expect(html).toContain('Loading automatic funding…');
    expect(html).toContain('Loading balance alerts…');
    expect(html).toContain('Loading saved cards…');
    expect(html).toContain('Loading API keys…');
    expect(html).not.toContain('you do not manage');
  });

  it('shows a campaign manager funding and cards, and says who manages the rest', () => {
    const html = page('CAMPAIGN_MANAGER');
    expect(html).toContain('>Automatic funding</h2>');
    expect(html).toContain('>Balance alerts</h2>');
    expect(html).toContain('>Saved cards</h2>');
    expect(html).not.toContain('>API keys</h2>');
    expect(html).not.toContain('>Team</h2>');
    expect(html).toContain('As a campaign manager, you do not manage API keys and the team: an owner of the account does.');
  });

  it('shows an integrator funding and balance alerts only', () => {
    const html = page('INTEGRATOR');
    expect(html).toContain('>Automatic funding</h2>');
    expect(html).toContain('>Balance alerts</h2>');
    expect(html).not.toContain('>Saved cards</h2>');
    expect(html).toContain('you do not manage API keys, the team and saved cards');
  });

  it('asks the server as the contract says', () => {
    for (const document of [
      WALLET_FUNDING_QUERY,
      SET_AUTO_RECHARGE_MUTATION,
      SET_MONTHLY_RECHARGE_MUTATION,
      API_KEYS_QUERY,
      CREDENTIAL_IN_USE_QUERY,
      CREATE_API_KEY_MUTATION,
      REVOKE_API_KEY_MUTATION,
      ADD_PAYMENT_METHOD_MUTATION,
      SET_DEFAULT_PAYMENT_METHOD_MUTATION,
      REMOVE_PAYMENT_METHOD_MUTATION,
    ]) {
      expect(validationErrors(document)).toEqual([]);
    }
  });
});

describe('FundingStatus', () => {
  it('says off when never set up', () => {
    const html = renderToStaticMarkup(<FundingStatus settings={null} currency="USD" />);
    expect(html).toContain('Off: never set up.');
    expect(html).toContain('>Off</span>');
  });

  it('says what happens when on, and the monthly recharge', () => {
    const html = renderToStaticMarkup(
      <FundingStatus
        settings={{ ...SETTINGS_ON, monthlyEnabled: true, monthlyDay: 5, monthlyAmount: '100', inFlightTopUpId: 'tu-9' }}
        currency="USD"
      />,
    );
    expect(html).toContain('Below $10.00 available, the default card tops the wallet up to $40.00.');
    expect(html).toContain('Monthly: $100.00 on day 5 of each month (UTC).');
    expect(html).toContain('A recharge is being paid now.');
  });

  it('says when and why it paused, and how many attempts failed in a row', () => {
    const html = renderToStaticMarkup(
      <FundingStatus
        settings={{
          ...SETTINGS_ON,
          pausedAt: '2026-11-01T10:00:00.000Z',
          pausedReason: 'REPEATED_FAILURES',
          consecutiveFailures: 3,
          monthlyEnabled: true,
          monthlyDay: 1,
          monthlyAmount: '50',
        }}
        currency="USD"
      />,
    );
    expect(html).toContain('>Paused</span>');
    expect(html).toContain('Automatic funding is paused since');
    expect(html).toContain('the default card was declined several times in a row');
    expect(html).toContain('3 failed attempts in a row.');
    expect(html).toContain('the monthly recharge waits too');
  });

  it('warns about failures before the pause', () => {
    const html = renderToStaticMarkup(<FundingStatus settings={{ ...SETTINGS_ON, consecutiveFailures: 1 }} currency="USD" />);
    expect(html).toContain('1 failed attempt in a row: it pauses after 3.');
  });
});

describe('the funding forms', () => {
  it('start from the settings, and point to the balance alerts for low-balance alerts', () => {
    const html = renderToStaticMarkup(
      <AutoRechargeForm currency="USD" initial={SETTINGS_ON} saving={false} error={null} saved={false} onSave={noop} />,
    );
    expect(html).toContain('checked=""');
    expect(html).toContain('value="10"');
    expect(html).toContain('value="40"');
    expect(html).toContain('Low-balance threshold');
    expect(html).toContain('Low-balance alerts have their own thresholds, under “Balance alerts”.');
    expect(html).toContain('Save auto-recharge');
  });

  it('start empty and off when never set, and show saving and saved', () => {
    const saving = renderToStaticMarkup(
      <AutoRechargeForm currency="USD" initial={null} saving={true} error={null} saved={false} onSave={noop} />,
    );
    expect(saving).not.toContain('checked=""');
    expect(saving).toContain('Saving…');
    const monthly = renderToStaticMarkup(
      <MonthlyRechargeForm currency="USD" initial={null} saving={false} error={null} saved={true} onSave={noop} />,
    );
    expect(monthly.match(/<option /g)).toHaveLength(28);
    expect(monthly).toContain('Saved.');
    expect(monthly).toContain('the first recharge runs at once');
  });
});

describe('SavedCardList', () => {
  const list = (props: Partial<Parameters<typeof SavedCardList>[0]>) =>
    renderToStaticMarkup(
      <SavedCardList
        cards={undefined}
        loading={false}
        error={undefined}
        onRetry={noop}
        pendingId={null}
        actionError={null}
        onMakeDefault={noop}
        onRemove={noop}
        {...props}
      />,
    );

  it('loads, says when there is none, and shows a failure with a retry', () => {
    expect(list({ loading: true })).toContain('Loading saved cards…');
    expect(list({ cards: [] })).toContain('No saved cards yet.');
    const failed = list({ error: new Error('Failed to fetch') });
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('Try again');
  });

  it('lists the cards, the default one marked, "Make default" on the others', () => {
    const html = list({ cards: CARDS });
    expect(html).toContain('aria-label="Mastercard •••• 4444"');
    expect(html).toContain('expires 12/2029');
    expect(html).toContain('>Default</span>');
    expect(html.match(/Make default/g)).toHaveLength(1);
    expect(html.match(/>Remove</g)).toHaveLength(2);
  });
});

describe('ApiKeyList', () => {
  const list = (props: Partial<Parameters<typeof ApiKeyList>[0]>) =>
    renderToStaticMarkup(
      <ApiKeyList
        keys={undefined}
        keyInUseId={null}
        loading={false}
        error={undefined}
        onRetry={noop}
        revokingId={null}
        revokeError={null}
        onRevoke={noop}
        {...props}
      />,
    );

  it('loads, says when there is none, and shows a failure', () => {
    expect(list({ loading: true })).toContain('Loading API keys…');
    expect(list({ keys: [] })).toContain('No API keys yet.');
    expect(list({ error: new Error('Failed to fetch') })).toContain('Try again');
  });

  it('lists working keys first with their prefix, revoked ones last without a button, and marks the key in use', () => {
    const html = list({ keys: KEYS, keyInUseId: 'k-1' });
    expect(html.indexOf('Production switch')).toBeLessThan(html.indexOf('Old switch'));
    expect(html.indexOf('Owner key')).toBeLessThan(html.indexOf('Old switch'));
    expect(html).toContain('<code>sw_Prod…</code>');
    expect(html).toContain('Owner key<span class="muted"> (this dashboard)</span>');
    expect(html.match(/>Revoke</g)).toHaveLength(2);
    expect(html).toContain('>Revoked ');
    expect(html).not.toContain('sw_Prod_');
  });
});

describe('NewApiKeySecret', () => {
  it('shows the secret this once, with a copy button', () => {
    const html = renderToStaticMarkup(<NewApiKeySecret created={{ apiKey: 'sw_secret_value', key: KEYS[1]! }} onDone={noop} />);
    expect(html).toContain('value="sw_secret_value"');
    expect(html).toContain('readOnly=""');
    expect(html).toContain('>Copy</button>');
    expect(html).toContain('it is shown only this once');
    expect(html).toContain('Key <strong>Production switch</strong> created (Integrator).');
  });
});
