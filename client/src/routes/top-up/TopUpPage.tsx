import { BalanceSummary } from '../../components/BalanceSummary';
import { useLiveWalletFigures } from '../../hooks/useLiveWalletFigures';
import { canTopUp } from '../../utils/payment-choice';
import { enumLabel } from '../../utils/enum-label';
import type { AccountPageProps } from '../account/account-page-props';
import { TopUpPanel } from '../wallet/TopUpPanel';
import { RecentTopUps } from './RecentTopUps';
import '../transactions/transactions.css';
import './top-up.css';

/**
 * The Top up page: the checkout (amount with quick picks, tax, a saved or sandbox test card, 3-D
 * Secure, receipt) beside the wallet's live balance, which moves by itself when the payment's
 * credit arrives, and the wallet's recent top-ups with their receipts.
 */
export function TopUpPage({ wallet, resumePoints, role }: AccountPageProps) {
  return <TopUpSection key={wallet.id} wallet={wallet} resumePoints={resumePoints} role={role} />;
}

function TopUpSection({ wallet, resumePoints, role }: Pick<AccountPageProps, 'wallet' | 'resumePoints' | 'role'>) {
  const { live, figures } = useLiveWalletFigures({ wallet, resumePoints });
  const allowed = canTopUp(role);
  return (
    <>
      <div className="wallet-overview wallet-overview--with-top-up top-up-page">
        <div className="top-up-page__side">
          <section className="card" aria-label="Balances">
            <BalanceSummary wallet={figures} />
          </section>
          {live.error && (
            <p className="notice notice--warning" role="status">
              Live updates stopped: the balance moves again after Refresh.
            </p>
          )}
        </div>
        {allowed ? (
          <TopUpPanel key={wallet.id} wallet={wallet} role={role} liveRows={live.transactions.rows} />
        ) : (
          <p className="notice" role="status">
            A {enumLabel(role)} may not pay into this wallet: ask an owner, a campaign manager or an integrator.
          </p>
        )}
      </div>
      <RecentTopUps walletId={wallet.id} liveRows={live.transactions.rows} />
    </>
  );
}
