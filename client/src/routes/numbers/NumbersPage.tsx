import { useState } from 'react';
import { formatDateTime } from '../../utils/date-time';
import { formatMoney } from '../../utils/money';
import type { AccountPageProps } from '../account/account-page-props';
import { BuyNumberCard } from './BuyNumberCard';
import { InboundCallList } from './InboundCallList';
import { NumberList } from './NumberList';
import { canBuyNumbers, canRefundNumbers, roleWithArticle } from './numbers';
import './numbers.css';

/**
 * The Numbers page: buy a number with its price and first month shown before buying, and the
 * wallet's numbers with their next renewal, grace deadline and refund window, to release or refund,
 * and the latest calls received on the wallet's numbers.
 * Every role sees the list; buying and releasing are for owners and integrators, refunds for owners.
 */
export function NumbersPage({ wallet, role }: AccountPageProps) {
  const [result, setResult] = useState<string | null>(null);
  const who = roleWithArticle(role);
  return (
    <div className="numbers-page">
      {result !== null && (
        <div className="notice notice--success" role="status">
          <p>{result}</p>
          <button type="button" className="button button--quiet" onClick={() => setResult(null)}>
            Dismiss
          </button>
        </div>
      )}
      {canBuyNumbers(role) ? (
        <BuyNumberCard
          key={wallet.id}
          walletId={wallet.id}
          currency={wallet.currency}
          onBought={(number, debited) =>
            setResult(
              `You bought ${number.number}: ${formatMoney(debited, wallet.currency)} was debited from the wallet. ${number.renewsAt ? `It renews on ${formatDateTime(number.renewsAt)}.` : ''}`,
            )
          }
        />
      ) : (
        <p className="notice" role="status">
          As {who}, you may see the account’s numbers but not buy, release or refund them: an owner or an integrator buys them.
        </p>
      )}
      {canBuyNumbers(role) && !canRefundNumbers(role) && (
        <p className="notice" role="status">
          As {who}, you may buy and release numbers; refunds are for the account’s owner.
        </p>
      )}
      <NumberList key={`list-${wallet.id}`} walletId={wallet.id} currency={wallet.currency} role={role} onResult={setResult} />
      <InboundCallList key={`calls-${wallet.id}`} walletId={wallet.id} currency={wallet.currency} />
    </div>
  );
}
