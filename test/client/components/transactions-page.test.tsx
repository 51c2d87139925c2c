// Goal: the Transactions page shows the history's filters (with the wallet's campaigns), the CSV link for the filters in force, each row's balance before and after, a receipt button on card top-ups only, and the receipt's every state (found, loading, failed, too old, not issued yet); its documents fit the contract. Method: the real components rendered to static HTML (react-dom/server), the page under MockedProvider for its first paint, the documents validated with graphql-js against schema/schema.graphql.
import { MockedProvider } from '@apollo/client/testing/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NO_TRANSACTION_FILTERS, TransactionFilters } from '../../../client/src/components/TransactionFilters';
import { TransactionTable } from '../../../client/src/components/TransactionTable';
import { CAMPAIGN_OPTIONS_QUERY } from '../../../client/src/routes/transactions/hooks/useCampaignFilterOptions';
import { TRANSACTION_ADDED_SUBSCRIPTION } from '../../../client/src/hooks/useLiveWallet';
import { WALLET_TOP_UPS_QUERY } from '../../../client/src/hooks/useWalletTopUps';
import {
  ReceiptDetailsView,
  receiptDetailsState,
  type TopUpLookup,
} from '../../../client/src/routes/transactions/TransactionReceiptDetails';
import { TransactionsExportLink } from '../../../client/src/routes/transactions/TransactionsExportLink';
import { TransactionsPage } from '../../../client/src/routes/transactions/TransactionsPage';
import { TransactionHistoryBody, WALLET_TRANSACTIONS_QUERY } from '../../../client/src/routes/wallet/WalletTransactions';
import { topUpsByPaymentIntent } from '../../../client/src/utils/top-up-history';
import { transactionFilterVerdict } from '../../../client/src/routes/wallet/transaction-filters';
import { CHARGE_ROW, SUCCEEDED_TOP_UP, TOP_UP_ROW, WALLET } from './transactions-fixtures';
import { compact, validationErrors } from './transactions-documents';

const lookup = (overrides: Partial<TopUpLookup> = {}): TopUpLookup => ({
  byPaymentIntent: topUpsByPaymentIntent([SUCCEEDED_TOP_UP]),
  listSize: 100,
  loading: false,
  error: undefined,
  refetch: () => undefined,
  ...overrides,
});

describe('TransactionsPage', () => {
  it('first paint: the filters with a campaign select, the CSV link, and the history loading', () => {
    const html = renderToStaticMarkup(
      <MockedProvider mocks={[]}>
        {/* biome-ignore lint/a11y/useValidAriaRole: `role` here is the page's prop for the member's account role (OWNER…), not an ARIA role; the page renders no role attribute from it. */}
        <TransactionsPage
          account={{ id: 'a1', name: 'Acme' }}
          wallet={WALLET}
          role="OWNER"
          resumePoints={new Map()}
          navigate={() => undefined}
        />
      </MockedProvider>,
    );
    expect(html).toContain('Loading transactions…');
    for (const label of ['Type', 'Kind', 'Status', 'Campaign', 'From', 'To']) expect(html).toContain(`>${label}</label>`);
    expect(html).toContain('All (loading campaigns…)');
    expect(html).toContain('href="/export/wallets/w-1/transactions.csv"');
    expect(html).toContain('Download CSV');
  });

  it('asks for every filter of the history, and its receipts and campaigns, as the contract has them', () => {
    for (const document of [WALLET_TRANSACTIONS_QUERY, CAMPAIGN_OPTIONS_QUERY, WALLET_TOP_UPS_QUERY])
      expect(validationErrors(document)).toEqual([]);
    expect(compact(WALLET_TRANSACTIONS_QUERY)).toMatch(
      /transactions\( ?first: \$first,? after: \$after,? type: \$type,? kind: \$kind,? status: \$status,? from: \$from,? to: \$to,? campaignId: \$campaignId ?\)/,
    );
    expect(compact(WALLET_TOP_UPS_QUERY)).toContain('receipt { ...ReceiptFields }');
    expect(compact(WALLET_TOP_UPS_QUERY)).toContain(
      'fragment ReceiptFields on Receipt { receiptNumber transactionId topUpId amount tax taxRate taxLabel total currency paidAt cardBrand cardLast4 paymentIntentId }',
    );
  });

  it('gives live rows their campaign, so the page places them under a campaign filter itself instead of fetching the page again', () => {
    for (const document of [TRANSACTION_ADDED_SUBSCRIPTION, WALLET_TRANSACTIONS_QUERY]) {
      expect(validationErrors(document)).toEqual([]);
      expect(compact(document)).toMatch(/fragment TransactionRowFields on Transaction \{[^}]*\bcampaignId\b[^}]*\}/);
    }
    const campaignFilter = { type: null, kind: null, campaignId: 'C-1' };
    expect(transactionFilterVerdict(CHARGE_ROW, campaignFilter)).toBe('match');
    expect(transactionFilterVerdict(TOP_UP_ROW, campaignFilter)).toBe('no-match');
  });
});

describe('TransactionHistoryBody', () => {
  const body = (props: Partial<Parameters<typeof TransactionHistoryBody>[0]>) =>
    renderToStaticMarkup(
      <TransactionHistoryBody
        datesValid
        rows={undefined}
        loading={false}
        failed={false}
        filtered={false}
        olderPage={false}
        table={{ currency: 'USD' }}
        {...props}
      />,
    );

  it('says what is missing: dates to fix, loading, a wallet gone, nothing when the error notice speaks', () => {
    expect(body({ datesValid: false, loading: true })).toContain('Fix the dates to see transactions.');
    expect(body({ loading: true })).toContain('Loading transactions…');
    expect(body({})).toContain('This wallet is no longer available.');
    expect(body({ failed: true })).toBe('');
  });

  it('tells an empty wallet, an empty filter and the end of the history apart', () => {
    expect(body({ rows: [] })).toContain('No transactions yet.');
    expect(body({ rows: [], filtered: true })).toContain('No transactions match these filters.');
    expect(body({ rows: [], olderPage: true })).toContain('No older transactions.');
  });

  it('shows the rows, dimmed while newer ones load', () => {
    const html = body({ rows: [CHARGE_ROW], table: { currency: 'USD', stale: true } });
    expect(html).toContain('table-scroll--stale');
    expect(html).toContain('Campaign set-up fee');
  });
});

describe('TransactionFilters', () => {
  it('lists the campaigns given, keeps a picked one no longer listed, and offers to clear', () => {
    const html = renderToStaticMarkup(
      <TransactionFilters
        value={{ ...NO_TRANSACTION_FILTERS, campaignId: 'c-gone' }}
        onChange={() => undefined}
        campaigns={{
          options: [{ id: 'c-1', name: 'Spring promo', walletId: 'w-1', status: 'RUNNING' }],
          loading: false,
          failed: false,
          truncated: true,
        }}
      />,
    );
    expect(html).toContain('<option value="c-1">Spring promo</option>');
    expect(html).toContain('<option value="c-gone" selected="">This campaign</option>');
    expect(html).toContain('title="Only the 1 newest campaigns are listed."');
    expect(html).toContain('Clear filters');
  });

  it('has no campaign select without choices, and shows why the dates cannot be used', () => {
    const html = renderToStaticMarkup(
      <TransactionFilters
        value={{ ...NO_TRANSACTION_FILTERS, fromDate: '2026-11-02', toDate: '2026-11-01' }}
        onChange={() => undefined}
        dateError={{ field: 'to', message: 'The end date is before the start date.' }}
      />,
    );
    expect(html).not.toContain('Campaign');
    expect(html).toContain('The end date is before the start date.');
    expect(html).toMatch(/type="date" min="2026-11-02" aria-invalid="true" aria-describedby="[^"]+" value="2026-11-01"/);
  });

  it('has nothing to clear without filters', () => {
    expect(renderToStaticMarkup(<TransactionFilters value={NO_TRANSACTION_FILTERS} onChange={() => undefined} />)).not.toContain(
      'Clear filters',
    );
  });
});

describe('TransactionTable with receipts', () => {
  const rowDetails = {
    buttonLabel: 'Receipt',
    hasDetails: (row: typeof TOP_UP_ROW) => row.kind === 'TOP_UP',
    render: () => 'DETAILS-CONTENT',
  };

  it('shows each row’s balance before and after, and a closed receipt button on top-ups only', () => {
    const html = renderToStaticMarkup(<TransactionTable rows={[TOP_UP_ROW, CHARGE_ROW]} currency="USD" rowDetails={rowDetails} />);
    expect(html).toContain('Balance before');
    expect(html).toContain('$48.75');
    expect(html).toContain('$73.75');
    expect(html).toContain('-$1.25');
    expect(html.match(/aria-expanded="false"/g)).toHaveLength(1);
    expect(html).toContain('>Receipt<span aria-hidden="true"> ▸</span></button>');
    expect(html).not.toContain('DETAILS-CONTENT');
  });

  it('has no receipt buttons without row details', () => {
    expect(renderToStaticMarkup(<TransactionTable rows={[TOP_UP_ROW]} currency="USD" />)).not.toContain('aria-expanded');
  });
});

describe('the receipt under a top-up’s row', () => {
  it('shows the receipt: number, amount, tax, total, card and date', () => {
    const html = renderToStaticMarkup(<ReceiptDetailsView state={receiptDetailsState(TOP_UP_ROW, lookup(), false)} />);
    for (const text of [
      'SW-2026-00000001',
      'Amount credited',
      '$25.00',
      'VAT 20% (United Kingdom)',
      '$5.00',
      'Total charged',
      '$30.00',
      'Visa •••• 4242',
      'dateTime="2026-11-01T10:00:00.000Z"',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('is loading until the list came back once after asking for a payment it does not have', () => {
    const missing = { ...TOP_UP_ROW, paymentIntentId: 'pi_new' };
    expect(receiptDetailsState(missing, lookup(), false)).toEqual({ kind: 'loading' });
    expect(receiptDetailsState(missing, lookup({ loading: true }), true)).toEqual({ kind: 'loading' });
    const notFound = receiptDetailsState(missing, lookup(), true);
    expect(notFound).toEqual({ kind: 'not-found', listSize: 100 });
    expect(renderToStaticMarkup(<ReceiptDetailsView state={notFound} />)).toContain('older than the wallet’s 100 most recent top-ups');
    expect(renderToStaticMarkup(<ReceiptDetailsView state={{ kind: 'loading' }} />)).toContain('Loading the receipt…');
  });

  it('says when the top-up has no receipt yet, and when the list failed', () => {
    const pending = { ...SUCCEEDED_TOP_UP, status: 'PROCESSING' as const, receipt: null };
    const state = receiptDetailsState(TOP_UP_ROW, lookup({ byPaymentIntent: topUpsByPaymentIntent([pending]) }), true);
    expect(state.kind).toBe('no-receipt-yet');
    expect(renderToStaticMarkup(<ReceiptDetailsView state={state} />)).toContain('$30.00 with Visa •••• 4242: processing, no receipt yet.');

    const failed = receiptDetailsState({ paymentIntentId: 'pi_x' }, lookup({ error: new Error('Failed to fetch') }), true);
    expect(failed.kind).toBe('error');
    const html = renderToStaticMarkup(<ReceiptDetailsView state={failed} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Try again');
  });
});

describe('TransactionsExportLink', () => {
  it('links to the export with the filters in force, as a download', () => {
    const html = renderToStaticMarkup(
      <TransactionsExportLink
        walletId="w-1"
        filters={{ type: null, kind: 'TOP_UP', status: null, from: '2026-11-01T00:00:00.000Z', to: null, campaignId: 'c-1' }}
      />,
    );
    expect(html).toContain(
      'href="/export/wallets/w-1/transactions.csv?kind=TOP_UP&amp;from=2026-11-01T00%3A00%3A00.000Z&amp;campaignId=c-1"',
    );
    expect(html).toContain('download="transactions-w-1.csv"');
    expect(html).toContain('>Download CSV</a>');
  });
});
