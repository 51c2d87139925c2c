import type { WalletSummaryFieldsFragment as WalletSummary } from '../gql/graphql.js';
import { formatMoney, moneySign } from '../utils/money';
import { graphql } from '../gql/index.js';

/** The wallet fields {@link BalanceSummary} shows; queries that feed it spread this fragment. */
export const WALLET_SUMMARY_FIELDS = graphql(`
  fragment WalletSummaryFields on Wallet {
    id
    currency
    balance
    available
    reserved
    sequence
  }
`);

/** Props of {@link BalanceSummary}. */
export interface BalanceSummaryProps {
  wallet: WalletSummary;
}

/** Balance, available and reserved amounts of one wallet, in its currency. */
export function BalanceSummary({ wallet }: BalanceSummaryProps) {
  const figures = [
    { label: 'Balance', amount: wallet.balance, hint: 'Posted balance' },
    { label: 'Available', amount: wallet.available, hint: 'What may be spent now: balance − reserved' },
    { label: 'Reserved', amount: wallet.reserved, hint: 'Held for calls and messages in progress' },
  ];
  return (
    <dl className="balances" aria-label={`Wallet in ${wallet.currency}`}>
      {figures.map(({ label, amount, hint }) => (
        <div key={label} className="balances__item" title={hint}>
          <dt>{label}</dt>
          <dd className={moneySign(amount) < 0 ? 'amount amount--negative' : 'amount'}>{formatMoney(amount, wallet.currency)}</dd>
        </div>
      ))}
      <div className="balances__item balances__item--meta">
        <dt>Currency</dt>
        <dd>
          {wallet.currency}
          <span className="muted"> · {wallet.sequence === '0' ? 'no transactions' : `last transaction #${wallet.sequence}`}</span>
        </dd>
      </div>
    </dl>
  );
}
