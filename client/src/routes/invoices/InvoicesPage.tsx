import { useId, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListBody, LoadState } from '../../components/ListBody';
import type { InvoiceListFieldsFragment as InvoiceListItem } from '../../gql/graphql.js';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { formatMoney } from '../../utils/money';
import type { AccountPageProps } from '../account/account-page-props';
import { DocumentLink } from '../../components/DocumentLink';
import { currentMonth, isMonth, latestMonth } from './documents';
import { useInvoices } from './hooks/useInvoices';
import { useStatement } from './hooks/useStatement';
import './invoices.css';

/**
 * The Invoices page: the account's invoices (one per card top-up or bank transfer) and credit notes
 * (one per refund to a card), newest first, each downloadable as PDF; and the selected wallet's
 * monthly statement (the calendar month in the account's timezone) with its PDF and CSV.
 */
export function InvoicesPage({ wallet }: AccountPageProps) {
  return (
    <div className="invoices-page">
      <InvoicesCard />
      <StatementCard walletId={wallet.id} />
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card invoices-card" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{title}</h2>
      </div>
      {children}
    </section>
  );
}

function InvoicesCard() {
  const query = useInvoices();
  const connection = query.data?.invoices;
  const invoices = connection?.edges.map((edge) => edge.node as InvoiceListItem) ?? [];
  return (
    <Card title="Invoices and credit notes">
      <ListBody
        items={connection === undefined ? undefined : invoices}
        what="invoices"
        query={query}
        empty="No invoices yet: every card top-up and bank transfer gets one, every refund to a card a credit note."
        render={(items) => (
          <>
            <InvoicesTable invoices={items} />
            {connection?.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button invoices-more"
                disabled={query.loading}
                onClick={() =>
                  void query
                    .fetchMore({
                      variables: { after: connection.pageInfo.endCursor },
                      updateQuery: (previous, { fetchMoreResult }) => ({
                        invoices: { ...fetchMoreResult.invoices, edges: [...previous.invoices.edges, ...fetchMoreResult.invoices.edges] },
                      }),
                    })
                    .catch(() => undefined)
                }
              >
                {query.loading ? 'Loading…' : 'Show older'}
              </button>
            )}
            {query.error && <ErrorNotice error={query.error} />}
          </>
        )}
      />
    </Card>
  );
}

function InvoicesTable({ invoices }: { invoices: readonly InvoiceListItem[] }) {
  return (
    <table className="invoices-table">
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Kind</th>
          <th scope="col">Issued</th>
          <th scope="col" className="invoices-table__amount">
            Net
          </th>
          <th scope="col" className="invoices-table__amount">
            Tax
          </th>
          <th scope="col" className="invoices-table__amount">
            Total
          </th>
          <th scope="col">
            <span className="visually-hidden">Download</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.id} aria-label={invoice.number}>
            <td data-label="Number" className="invoices-table__main">
              <span>
                {invoice.number}
                {invoice.creditedInvoiceNumber !== null && <span className="muted"> (credits {invoice.creditedInvoiceNumber})</span>}
              </span>
            </td>
            <td data-label="Kind">
              {enumLabel(invoice.kind)}
              {invoice.reverseCharge && <span className="muted"> · reverse charge</span>}
            </td>
            <td data-label="Issued">{formatDateTime(invoice.issuedAt)}</td>
            <td data-label="Net" className="invoices-table__amount">
              {formatMoney(invoice.net, invoice.currency)}
            </td>
            <td data-label="Tax" className="invoices-table__amount" title={invoice.taxLabel}>
              {formatMoney(invoice.tax, invoice.currency)}
            </td>
            <td data-label="Total" className="invoices-table__amount">
              {formatMoney(invoice.total, invoice.currency)}
            </td>
            <td className="invoices-table__actions">
              <DocumentLink href={invoice.pdfUrl} label={`Download ${enumLabel(invoice.kind).toLowerCase()} ${invoice.number} as PDF`}>
                PDF
              </DocumentLink>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatementCard({ walletId }: { walletId: string }) {
  const inputId = useId();
  // Null: the current month in the account's timezone, which the server knows (it may be ahead of or behind UTC's).
  const [month, setMonth] = useState<string | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const query = useStatement(walletId, month);
  const statement = query.data?.statement;
  const shown = statement !== undefined && (month === null || statement.month === month) ? statement : undefined;
  return (
    <Card title="Monthly statement">
      <div className="statement-month">
        <label htmlFor={inputId}>Month{shown ? ` (${shown.timeZone})` : ''}</label>
        <input
          id={inputId}
          type="month"
          value={typed ?? shown?.month ?? currentMonth()}
          max={latestMonth(currentMonth(), shown?.month)}
          onChange={(event) => {
            setTyped(event.target.value);
            if (isMonth(event.target.value)) setMonth(event.target.value);
          }}
        />
      </div>
      {shown === undefined ? (
        <LoadState query={query} what="statement" />
      ) : (
        <>
          <dl className="statement-summary">
            <div>
              <dt>Opening balance</dt>
              <dd>{formatMoney(shown.openingBalance, shown.currency)}</dd>
            </div>
            {shown.credits.map((line) => (
              <div key={`credit-${line.kind}`}>
                <dt>
                  Credits: {enumLabel(line.kind)} <span className="muted">({line.transactions})</span>
                </dt>
                <dd>{formatMoney(line.amount, shown.currency)}</dd>
              </div>
            ))}
            {shown.debits.map((line) => (
              <div key={`debit-${line.kind}`}>
                <dt>
                  Debits: {enumLabel(line.kind)} <span className="muted">({line.transactions})</span>
                </dt>
                <dd>{formatMoney(`-${line.amount}`, shown.currency)}</dd>
              </div>
            ))}
            {shown.credits.length === 0 && shown.debits.length === 0 && (
              <div>
                <dt className="muted">No movements this month.</dt>
                <dd />
              </div>
            )}
            <div className="statement-summary__total">
              <dt>Closing balance</dt>
              <dd>{formatMoney(shown.closingBalance, shown.currency)}</dd>
            </div>
          </dl>
          <div className="statement-downloads">
            <DocumentLink href={shown.pdfUrl} label={`Download the statement of ${shown.month} as PDF`}>
              PDF
            </DocumentLink>
            <DocumentLink href={shown.csvUrl} label={`Download the statement of ${shown.month} as CSV`}>
              CSV
            </DocumentLink>
          </div>
        </>
      )}
    </Card>
  );
}
