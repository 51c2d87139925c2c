import type { AccountPageProps } from '../account/account-page-props';
import { MessageEstimator } from './MessageEstimator';
import { MessageHistory } from './MessageHistory';
import { roleWithArticle } from './messages';
import './messages.css';

/** Roles that send messages through the API (the server refuses the others). */
const SENDER_ROLES = ['OWNER', 'INTEGRATOR'];

/**
 * The Messages page: the wallet's message history (per campaign, with segments, status and cost)
 * and the price estimator. Every role reads them; sending is done through the API.
 */
export function MessagesPage({ wallet, role }: AccountPageProps) {
  return (
    <div className="messages-page">
      {!SENDER_ROLES.includes(role) && (
        <p className="notice" role="status">
          As {roleWithArticle(role)}, you may read the history and price a message, but not send messages: owners and integrators send them
          through the API.
        </p>
      )}
      <MessageHistory key={wallet.id} walletId={wallet.id} currency={wallet.currency} />
      <MessageEstimator currency={wallet.currency} />
    </div>
  );
}
