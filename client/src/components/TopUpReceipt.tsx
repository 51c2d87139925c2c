import { useId } from 'react';
import type { ReceiptFieldsFragment as Receipt } from '../gql/graphql.js';
import { receiptLines } from '../utils/receipt';

/** Props of {@link TopUpReceipt}. */
export interface TopUpReceiptProps {
  receipt: Receipt;
}

/** The receipt of a successful top-up: number, transaction, amount, tax, total, when, and the card. */
export function TopUpReceipt({ receipt }: TopUpReceiptProps) {
  const headingId = useId();
  return (
    <section className="receipt" aria-labelledby={headingId}>
      <h3 id={headingId}>Receipt</h3>
      <dl className="summary-lines">
        {receiptLines(receipt).map((line) => (
          <div key={line.label} className={line.emphasis ? 'summary-lines__row summary-lines__row--total' : 'summary-lines__row'}>
            <dt>{line.label}</dt>
            <dd className={line.kind === 'identifier' ? 'receipt__identifier' : line.kind === 'money' ? 'amount' : undefined}>
              {line.kind === 'date-time' ? <time dateTime={receipt.paidAt}>{line.value}</time> : line.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
