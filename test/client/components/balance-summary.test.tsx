// Goal: the balance card shows the wallet's three figures in its currency from the decimal strings, to the cent by the one money rule (utils/money.ts: half-up, below a cent every digit) with no float anywhere, and says when there is no transaction yet. Method: the real component rendered to static HTML (react-dom/server) in Vitest.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BalanceSummary } from '../../../client/src/components/BalanceSummary';

describe('BalanceSummary', () => {
  it('formats balances to the cent and sub-cent ones exactly, in the wallet currency', () => {
    const html = renderToStaticMarkup(
      <BalanceSummary
        wallet={{ id: 'w', currency: 'GBP', balance: '1234567.8915', available: '0.0085', reserved: '1234567.883', sequence: '42' }}
      />,
    );
    expect(html).toContain('£1,234,567.89<');
    expect(html).toContain('£0.0085');
    expect(html).toContain('£1,234,567.88<');
    expect(html).toContain('last transaction #42');
  });

  it('says when the wallet has no transactions', () => {
    const html = renderToStaticMarkup(
      <BalanceSummary wallet={{ id: 'w', currency: 'USD', balance: '0', available: '0', reserved: '0', sequence: '0' }} />,
    );
    expect(html).toContain('no transactions');
    expect(html).toContain('$0.00');
  });
});
