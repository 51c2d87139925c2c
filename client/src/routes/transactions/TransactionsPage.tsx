import { useCallback, useMemo } from 'react';
import type { TransactionRowFieldsFragment as TransactionRow } from '../../gql/graphql.js';
import type { CampaignFilterChoices } from '../../components/TransactionFilters';
import type { TransactionRowDetails } from '../../components/TransactionTable';
import { useCampaignFilterOptions } from './hooks/useCampaignFilterOptions';
import { useLiveWalletFigures } from '../../hooks/useLiveWalletFigures';
import { useWalletTopUps, WALLET_TOP_UPS_MAX } from '../../hooks/useWalletTopUps';
import { hasCardReceipt, topUpsByPaymentIntent } from '../../utils/top-up-history';
import type { AccountPageProps } from '../account/account-page-props';
import { DocumentLink } from '../../components/DocumentLink';
import { type TransactionDocument, WalletTransactions } from '../wallet/WalletTransactions';
import { TransactionReceiptDetails, type TopUpLookup } from './TransactionReceiptDetails';
import { TransactionsExportLink } from './TransactionsExportLink';
import './transactions.css';

/**
 * The Transactions page: the wallet's whole history, live, with filters (type, kind, status, dates,
 * campaign), pages, each row's balance before and after, the receipt of each card top-up under its
 * row, a link to the invoice of each top-up and the credit note of each refund, and the same history
 * as a CSV file.
 */
export function TransactionsPage({ wallet, resumePoints }: AccountPageProps) {
  return <TransactionHistory key={wallet.id} wallet={wallet} resumePoints={resumePoints} />;
}

function TransactionHistory({ wallet, resumePoints }: Pick<AccountPageProps, 'wallet' | 'resumePoints'>) {
  const { live } = useLiveWalletFigures({ wallet, resumePoints });
  const campaignsQuery = useCampaignFilterOptions();
  const topUpsQuery = useWalletTopUps(wallet.id, WALLET_TOP_UPS_MAX);

  const campaignEdges = campaignsQuery.data?.campaigns.edges;
  const campaigns = useMemo<CampaignFilterChoices>(
    () => ({
      options: (campaignEdges ?? []).map((edge) => edge.node).filter((campaign) => campaign.walletId === wallet.id),
      loading: campaignsQuery.loading && campaignEdges === undefined,
      failed: campaignsQuery.error !== undefined && campaignEdges === undefined,
      truncated: campaignsQuery.data?.campaigns.pageInfo.hasNextPage === true,
    }),
    [campaignEdges, campaignsQuery.loading, campaignsQuery.error, campaignsQuery.data, wallet.id],
  );

  const topUps = topUpsQuery.data?.wallet?.topUps;
  const refetchTopUps = topUpsQuery.refetch;
  const retryTopUps = useCallback(() => void refetchTopUps().catch(() => undefined), [refetchTopUps]);
  const lookup = useMemo<TopUpLookup>(
    () => ({
      byPaymentIntent: topUpsByPaymentIntent(topUps ?? []),
      listSize: WALLET_TOP_UPS_MAX,
      loading: topUpsQuery.loading,
      error: topUpsQuery.error,
      refetch: retryTopUps,
    }),
    [topUps, topUpsQuery.loading, topUpsQuery.error, retryTopUps],
  );
  const rowDetails = useMemo<TransactionRowDetails>(
    () => ({
      buttonLabel: 'Receipt',
      hasDetails: hasCardReceipt,
      render: (row: TransactionRow) => <TransactionReceiptDetails row={row} lookup={lookup} />,
    }),
    [lookup],
  );

  return (
    <WalletTransactions
      walletId={wallet.id}
      currency={wallet.currency}
      live={live.transactions}
      liveError={live.error}
      campaigns={campaigns}
      toolbar={(filters) => <TransactionsExportLink walletId={wallet.id} filters={filters} />}
      rowDetails={rowDetails}
      rowDocument={documentLink}
    />
  );
}

/** A row's invoice or credit note as a PDF download (the same authenticated download as the Invoices page). */
function documentLink(_row: TransactionRow, document: TransactionDocument) {
  const words = document.kind === 'INVOICE' ? 'Invoice' : 'Credit note';
  return (
    <DocumentLink href={document.pdfUrl} label={`Download ${words.toLowerCase()} ${document.number} as PDF`}>
      {`${words} PDF`}
    </DocumentLink>
  );
}
