import { useApolloClient, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useState } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { describeError } from '../../apollo/describe-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import { preloadable } from '../../components/preloadable';
import { NewWalletDialog } from './NewWalletDialog';
import { rememberedWalletId, rememberWalletId } from './selected-wallet-storage';
import { VerifyEmailBanner } from './VerifyEmailBanner';
import { WalletSelect } from './WalletSelect';
import type { DashboardCredential } from '../../utils/dashboard-screen';
import { enumLabel } from '../../utils/enum-label';
import type { ResumePoints } from './WalletView';
import { usePathname } from '../../hooks/usePathname';
import { SelectedWalletFeed } from '../../hooks/useSelectedWalletFeed';
import { accountRouteOf, campaignIdOf } from '../../utils/account-routes';
import { AccountNav } from '../account/AccountNav';
import type { AccountPageProps } from '../account/account-page-props';
import { graphql } from '../../gql/index.js';

/**
 * What the dashboard shows of the caller (API key or signed-in user): who it is, its account and the
 * account's wallets. index.html's boot request asks the same fragment (apollo/boot.ts), so its answer
 * serves {@link ME_QUERY} from the cache.
 */
export const DASHBOARD_PRINCIPAL_FIELDS = graphql(`
  fragment DashboardPrincipalFields on Principal {
    role
    accountId
    user {
      id
      email
      emailVerified
    }
    account {
      id
      name
      wallets {
        ...WalletSummaryFields
        name
      }
    }
  }
`);

/** Who the caller is, its account and the account's wallets ({@link DASHBOARD_PRINCIPAL_FIELDS}). */
export const ME_QUERY = graphql(`
  query Me {
    me {
      ...DashboardPrincipalFields
    }
  }
`);

// Each section's page is its own chunk, fetched the first time its path is shown. The Overview, where a
// visit usually starts, can be loaded ahead (preloadRouteOf) so that it does not suspend.
const overviewPage = preloadable(
  () => import('../overview/OverviewPage'),
  (module) => module.OverviewPage,
);
const OverviewPage = overviewPage.Component;
const CampaignsPage = lazy(() => import('../campaigns/CampaignsPage').then((module) => ({ default: module.CampaignsPage })));
const CampaignDetailPage = lazy(() => import('../campaigns/CampaignDetailPage').then((module) => ({ default: module.CampaignDetailPage })));
const TransactionsPage = lazy(() => import('../transactions/TransactionsPage').then((module) => ({ default: module.TransactionsPage })));
const TopUpPage = lazy(() => import('../top-up/TopUpPage').then((module) => ({ default: module.TopUpPage })));
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const NumbersPage = lazy(() => import('../numbers/NumbersPage').then((module) => ({ default: module.NumbersPage })));
const SenderIdsPage = lazy(() => import('../sender-ids/SenderIdsPage').then((module) => ({ default: module.SenderIdsPage })));
const MessagesPage = lazy(() => import('../messages/MessagesPage').then((module) => ({ default: module.MessagesPage })));
const PlanPage = lazy(() => import('../plan/PlanPage').then((module) => ({ default: module.PlanPage })));
const BillingPage = lazy(() => import('../billing/BillingPage').then((module) => ({ default: module.BillingPage })));
const InvoicesPage = lazy(() => import('../invoices/InvoicesPage').then((module) => ({ default: module.InvoicesPage })));
const AuditLogPage = lazy(() => import('../audit-log/AuditLogPage').then((module) => ({ default: module.AuditLogPage })));
const TeamPage = lazy(() => import('../team/TeamPage').then((module) => ({ default: module.TeamPage })));
const WebhooksPage = lazy(() => import('../webhooks/WebhooksPage').then((module) => ({ default: module.WebhooksPage })));
const NotificationsPage = lazy(() =>
  import('../notifications/NotificationsPage').then((module) => ({ default: module.NotificationsPage })),
);
// Platform staff (SUPPORT, PLATFORM_ADMIN) belong to no account: they get the support console instead.
const SupportConsole = lazy(() => import('../support/SupportConsole').then((module) => ({ default: module.SupportConsole })));

/**
 * Loads the page that `pathname` shows before the dashboard renders it, where that page can be (the
 * Overview); resolves when it is loaded. A failure is left for the page's own load to show.
 */
export async function preloadRouteOf(pathname: string): Promise<void> {
  if (accountRouteOf(pathname).name === 'overview') await overviewPage.preload().catch(() => undefined);
}

/** Props of {@link WalletPage}. Give it a `key` per credential: nothing one fetched is shown under another. */
export interface WalletPageProps {
  /** What the page's requests are signed with: the words differ ("Owner key" or "Owner"). */
  credentialKind: DashboardCredential['kind'];
  /**
   * Offered when the server rejects the credential: forgets the API key, or goes back to the
   * sign-in page for a session (which usually happens by itself: apollo/client.ts).
   */
  onCredentialRejected: () => void;
}

/**
 * The signed-in dashboard: the caller's account and wallet, the sections' navigation, and the page
 * of the current path (Overview, Campaigns, a campaign, Transactions, Top up, Settings). "Refresh" fetches
 * everything on screen again by hand; nothing polls.
 */
export function WalletPage({ credentialKind, onCredentialRejected }: WalletPageProps) {
  const client = useApolloClient();
  const { data, loading, error } = useQuery(ME_QUERY);
  const [selectedWalletId, setSelectedWalletIdState] = useState<string | null>(rememberedWalletId);
  const setSelectedWalletId = (walletId: string) => {
    setSelectedWalletIdState(walletId);
    rememberWalletId(walletId);
  };
  const [creatingWallet, setCreatingWallet] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [resumePoints] = useState<ResumePoints>(() => new Map());
  const { pathname, pushPath } = usePathname();
  const route = accountRouteOf(pathname);

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
        <button type="button" className="button" onClick={onCredentialRejected}>
          {credentialKind === 'api-key' ? 'Forget key' : 'Sign in again'}
        </button>
      ) : (
        refreshButton
      )}
    </ErrorNotice>
  );

  if (!data) {
    return errorNotice || <p className="placeholder">Loading account…</p>;
  }

  const { role, account, user } = data.me;
  if (account === null) {
    if (role === 'SUPPORT' || role === 'PLATFORM_ADMIN') {
      return (
        <Suspense fallback={<p className="placeholder">Loading support console…</p>}>
          <SupportConsole role={role} credentialKind={credentialKind} refreshButton={refreshButton} errorNotice={errorNotice} />
        </Suspense>
      );
    }
    return (
      <>
        {errorNotice}
        <div className="notice">
          <p>
            This {credentialKind === 'api-key' ? 'key' : 'sign-in'} ({enumLabel(role)}) belongs to no account, so there are no wallets to
            show here.
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
            {credentialKind === 'api-key' ? `${enumLabel(role)} key` : enumLabel(role)} · account <code>{account.id}</code>
          </p>
        </div>
        <div className="page-header__actions">
          {wallet && (account.wallets.length > 1 || role === 'OWNER') && (
            <WalletSelect
              wallets={account.wallets}
              selectedWalletId={wallet.id}
              onSelect={setSelectedWalletId}
              onNewWallet={role === 'OWNER' ? () => setCreatingWallet(true) : undefined}
            />
          )}
          {refreshButton}
        </div>
      </div>
      {errorNotice}
      {user !== null && user !== undefined && !user.emailVerified && <VerifyEmailBanner email={user.email} />}
      {creatingWallet && (
        <NewWalletDialog
          accountId={account.id}
          defaultCurrency={wallet?.currency ?? 'USD'}
          onCancel={() => setCreatingWallet(false)}
          onCreated={(walletId) => {
            setCreatingWallet(false);
            setSelectedWalletId(walletId);
            void client.refetchQueries({ include: [ME_QUERY] });
          }}
        />
      )}
      <AccountNav route={route} role={role} navigate={pushPath} />
      {wallet === undefined ? (
        <p className="placeholder">This account has no wallet yet.</p>
      ) : (
        <>
          {/* Keeps the wallet's figures in the cache current on every page; the Overview follows (and caches) the wallet itself. */}
          {route.name !== 'overview' && <SelectedWalletFeed key={`feed:${wallet.id}`} walletId={wallet.id} />}
          <AccountRoutes key={wallet.id} account={account} wallet={wallet} role={role} resumePoints={resumePoints} navigate={pushPath} />
        </>
      )}
    </>
  );
}

/**
 * The page of the current path (utils/account-routes.ts has the same paths for the navigation): a path
 * no section has, and a campaign path whose id is not a UUID, show the overview. Paths match case-sensitively.
 */
function AccountRoutes(props: AccountPageProps) {
  return (
    <Suspense fallback={<p className="placeholder">Loading page…</p>}>
      <Routes>
        <Route index element={<OverviewPage {...props} />} />
        <Route path="campaigns" caseSensitive element={<CampaignsPage {...props} />} />
        <Route path="campaigns/:campaignId" caseSensitive element={<CampaignRoute {...props} />} />
        <Route path="transactions" caseSensitive element={<TransactionsPage {...props} />} />
        <Route path="top-up" caseSensitive element={<TopUpPage {...props} />} />
        <Route path="numbers" caseSensitive element={<NumbersPage {...props} />} />
        <Route path="messages" caseSensitive element={<MessagesPage {...props} />} />
        <Route path="sender-ids" caseSensitive element={<SenderIdsPage {...props} />} />
        <Route path="plan" caseSensitive element={<PlanPage {...props} />} />
        <Route path="billing" caseSensitive element={<BillingPage {...props} />} />
        <Route path="invoices" caseSensitive element={<InvoicesPage {...props} />} />
        <Route path="team" caseSensitive element={<TeamPage {...props} />} />
        <Route path="audit-log" caseSensitive element={<AuditLogPage {...props} />} />
        <Route path="webhooks" caseSensitive element={<WebhooksPage {...props} />} />
        <Route path="notifications" caseSensitive element={<NotificationsPage {...props} />} />
        <Route path="settings" caseSensitive element={<SettingsPage {...props} />} />
        <Route path="*" element={<OverviewPage {...props} />} />
      </Routes>
    </Suspense>
  );
}

/** `/campaigns/:campaignId`: the campaign's page, or the overview when the id is not a UUID. */
function CampaignRoute(props: AccountPageProps) {
  const campaignId = campaignIdOf(useParams().campaignId ?? '');
  return campaignId === null ? <OverviewPage {...props} /> : <CampaignDetailPage {...props} campaignId={campaignId} />;
}
