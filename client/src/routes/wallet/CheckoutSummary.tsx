import type { TopUpQuoteFieldsFragment as TopUpQuote } from '../../gql/graphql.js';
import { quoteLines } from '../../utils/receipt';

/** Props of {@link CheckoutSummary}. */
export interface CheckoutSummaryProps {
  /** The quote of the amount in the field, or null while it is on its way or cannot be had. */
  quote: TopUpQuote | null;
  /** True while the amount's quote is on its way. */
  loading: boolean;
}

/** What the card will be charged: the amount credited, the tax with its label and rate, and the total. */
export function CheckoutSummary({ quote, loading }: CheckoutSummaryProps) {
  return (
    <section className="checkout-summary" aria-label="Checkout summary" aria-busy={loading}>
      {quote === null ? (
        <p className="muted">{loading ? 'Calculating tax and total…' : 'Enter an amount to see the tax and total.'}</p>
      ) : (
        <dl className="summary-lines">
          {quoteLines(quote).map((line) => (
            <div key={line.label} className={line.emphasis ? 'summary-lines__row summary-lines__row--total' : 'summary-lines__row'}>
              <dt>{line.label}</dt>
              <dd className="amount">{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
