import { lazy, type MouseEvent, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import type { Role } from '../../gql/graphql.js';
import { usePathname } from '../../hooks/usePathname';
import type { DashboardCredential } from '../../utils/dashboard-screen';
import { enumLabel } from '../../utils/enum-label';
import { isAccountId } from './alert-feed';
import { SUPPORT_PATHS, supportSectionOf } from './support-paths';

// Each screen of the console is its own chunk.
const AlertFeedPage = lazy(() => import('./AlertFeedPage').then((module) => ({ default: module.AlertFeedPage })));
const AccountSearchPage = lazy(() => import('./AccountSearchPage').then((module) => ({ default: module.AccountSearchPage })));
const RefundRequestsPage = lazy(() => import('./RefundRequestsPage').then((module) => ({ default: module.RefundRequestsPage })));
const SenderIdQueuePage = lazy(() => import('./SenderIdQueuePage').then((module) => ({ default: module.SenderIdQueuePage })));
const SupportAccountPage = lazy(() => import('./SupportAccountPage').then((module) => ({ default: module.SupportAccountPage })));

/** Props of {@link SupportConsole}. */
export interface SupportConsoleProps {
  /** SUPPORT or PLATFORM_ADMIN. */
  role: Role;
  credentialKind: DashboardCredential['kind'];
  /** The frame's "Refresh" button. */
  refreshButton: ReactNode;
  /** The frame's error notice for the identity query, or a falsy value. */
  errorNotice: ReactNode;
}

/**
 * The support console for platform staff: the live cross-account alert feed (`/support/alerts`),
 * the account search (`/support/accounts`), an account's page with the support actions
 * (`/support/accounts/:accountId`) the queue of owners' refund requests (`/support/refund-requests`) and the queue of sender IDs to approve or reject (`/support/sender-ids`). Any other path, `/` included, shows the alert feed.
 */
export function SupportConsole({ role, credentialKind, refreshButton, errorNotice }: SupportConsoleProps) {
  const { pathname, pushPath } = usePathname();
  const current = supportSectionOf(pathname);
  const follow = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    pushPath(path);
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Support console</h1>
          <p className="muted">{credentialKind === 'api-key' ? `${enumLabel(role)} key` : enumLabel(role)} · every account</p>
        </div>
        <div className="page-header__actions">{refreshButton}</div>
      </div>
      {errorNotice}
      <nav className="account-nav" aria-label="Support sections">
        <a
          href={SUPPORT_PATHS.alerts}
          className="account-nav__link"
          aria-current={current === 'alerts' ? 'page' : undefined}
          onClick={follow(SUPPORT_PATHS.alerts)}
        >
          Alerts
        </a>
        <a
          href={SUPPORT_PATHS.accounts}
          className="account-nav__link"
          aria-current={current === 'accounts' ? 'page' : undefined}
          onClick={follow(SUPPORT_PATHS.accounts)}
        >
          Accounts
        </a>
        <a
          href={SUPPORT_PATHS.refundRequests}
          className="account-nav__link"
          aria-current={current === 'refund-requests' ? 'page' : undefined}
          onClick={follow(SUPPORT_PATHS.refundRequests)}
        >
          Refund requests
        </a>
        <a
          href={SUPPORT_PATHS.senderIds}
          className="account-nav__link"
          aria-current={current === 'sender-ids' ? 'page' : undefined}
          onClick={follow(SUPPORT_PATHS.senderIds)}
        >
          Sender IDs
        </a>
      </nav>
      <Suspense fallback={<p className="placeholder">Loading page…</p>}>
        <Routes>
          <Route path="support/alerts" caseSensitive element={<AlertFeedPage navigate={pushPath} />} />
          <Route path="support/accounts" caseSensitive element={<AccountSearchPage navigate={pushPath} />} />
          <Route path="support/refund-requests" caseSensitive element={<RefundRequestsPage navigate={pushPath} />} />
          <Route path="support/sender-ids" caseSensitive element={<SenderIdQueuePage />} />
          <Route path="support/accounts/:accountId" caseSensitive element={<AccountRoute navigate={pushPath} />} />
          <Route path="*" element={<Navigate to={SUPPORT_PATHS.alerts} replace />} />
        </Routes>
      </Suspense>
    </>
  );
}

/** `/support/accounts/:accountId`: the account's page, or the search when the id is not a UUID. */
function AccountRoute({ navigate }: { navigate: (path: string) => void }) {
  const accountId = useParams().accountId ?? '';
  if (!isAccountId(accountId)) return <Navigate to={SUPPORT_PATHS.accounts} replace />;
  return <SupportAccountPage key={accountId} accountId={accountId.toLowerCase()} navigate={navigate} />;
}
