import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { MeQuery, MeQueryVariables } from '../../apollo/types';
import { describeError } from '../../apollo/describe-error';
import { WALLET_SUMMARY_FIELDS } from '../../components/BalanceSummary';
import { ErrorNotice } from '../../components/ErrorNotice';
import { WalletSelect } from '../../components/WalletSelect';
import { enumLabel } from '../../utils/enum-label';
import { WalletView, type ResumePoints } from './WalletView';

/** Who the API key is, its account and the account's wallets. */
export const ME_QUERY: TypedDocumentNode<MeQuery, MeQueryVariables> = gql`
  query Me {
    me {
      role
      accountId
      account {
        id
        name
        wallets {
          ...WalletSummaryFields
        }
      }
    }
  }
  ${WALLET_SUMMARY_FIELDS}
`;

/** Props of {@link WalletPage}. */
export interface WalletPageProps {
  /** Forgets the API key in use, offered when the server rejects it. */
  onForgetKey: () => void;
}

/**
 * The wallet dashboard: the key's account, a wallet's balances and its transactions, kept live
 * over the WebSocket. "Refresh" fetches everything on screen again by hand; nothing polls.
 */
export function WalletPage({ onForgetKey }: WalletPageProps) {
  const client = useApolloClient();
  const { data, loading, error } = useQuery(ME_QUERY);
  const [selectedWalletId, setSelectedWalletId] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [resumePoints] = useState<ResumePoints>(() => new Map());

  const refresh = async () => {
    setRefreshing(true);
    try {
      // Every query on screen: the account and wallets, and the transaction page shown.
      await client.refetchQueries({ include: 'active' });
    } catch {
      // Each query shows its own error.
    } finally {
      setRefreshing(false);
    }
  };

  const refreshButton = (
    <button type="button" className="button" onClick={() => void refresh()} disabled={refreshing || loading}>
      {refreshing ? 'Refreshing…' : 'Refresh'}
    </button>
  );
  const errorNotice = error && (
    <ErrorNotice error={error}>
      {describeError(error).code === 'UNAUTHENTICATED' ? (
        <button type="button" className="button" onClick={onForgetKey}>
          Forget key
        </button>
      ) : (
        refreshButton
      )}
    </ErrorNotice>
  );

  if (!data) {
    return errorNotice || <p className="placeholder">Loading account…</p>;
  }

  const { role, account } = data.me;
  if (account === null) {
    return (
      <>
        {errorNotice}
        <div className="notice">
          <p>
            This is a {enumLabel(role)} key: it belongs to the platform, not to an account, so it has no wallets of its own. Use a key
            of the account you want to see.
          </p>
        </div>
      </>
    );
  }

  const wallet = account.wallets.find((candidate) => candidate.id === selectedWalletId) ?? account.wallets[0];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{account.name}</h1>
          <p className="muted">
            {enumLabel(role)} key · account <code>{account.id}</code>
          </p>
        </div>
        <div className="page-header__actions">
          {account.wallets.length > 1 && wallet && (
            <WalletSelect wallets={account.wallets} selectedWalletId={wallet.id} onSelect={setSelectedWalletId} />
          )}
          {refreshButton}
        </div>
      </div>
      {errorNotice}
      {wallet === undefined ? (
        <p className="placeholder">This account has no wallet yet.</p>
      ) : (
        <WalletView key={wallet.id} wallet={wallet} resumePoints={resumePoints} role={role} />
      )}
    </>
  );
}
