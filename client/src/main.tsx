import { ApolloProvider } from '@apollo/client/react';
import { lazy, type ReactNode, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { checkSession, signOut } from './apollo/auth-requests';
import { BOOT_QUERY, bootDataOf, takeBootResponse } from './apollo/boot';
import { createApolloClient } from './apollo/client';
import { createLiveSocket, type LiveSocket } from './apollo/live-socket';
import { AppHeader, type HeaderIdentity } from './components/AppHeader';
import { preloadable } from './components/preloadable';
import { browserStorage, useApiKey } from './hooks/useApiKey';
import { useConnectionStatus } from './hooks/useConnectionStatus';
import { usePathname } from './hooks/usePathname';
import { useSession } from './hooks/useSession';
import { createApiKeyStore, type ApiKeyStore } from './utils/api-key-storage';
import { parseSessionCheck, type SessionUser } from './utils/auth-response';
import { credentialIdentity, credentialOf, screenFor } from './utils/dashboard-screen';
import { invitationTokenFrom, isAcceptInvitationPath } from './utils/invitations';
import { SIGN_UP_PATH, verificationTokenFrom } from './utils/sign-up';
import { createSessionStore, type SessionStore } from './utils/session-state';
import { webSocketUrl } from './utils/web-socket-url';
import './styles.css';

// Each screen is its own chunk: the sign-in page loads without the dashboard, the dashboard without the sign-in forms.
const AcceptInvitationPage = lazy(() =>
  import('./routes/accept-invitation/AcceptInvitationPage').then((module) => ({ default: module.AcceptInvitationPage })),
);
const SignInPage = lazy(() => import('./routes/sign-in/SignInPage').then((module) => ({ default: module.SignInPage })));
const SignUpPage = lazy(() => import('./routes/sign-up/SignUpPage').then((module) => ({ default: module.SignUpPage })));
const VerifyEmailPage = lazy(() => import('./routes/verify-email/VerifyEmailPage').then((module) => ({ default: module.VerifyEmailPage })));
// The dashboard is loaded ahead when the session check finds someone signed in (startSession), so it renders without suspending.
const walletPage = preloadable(
  () => import('./routes/wallet/WalletPage'),
  (module) => module.WalletPage,
);
const WalletPage = walletPage.Component;

const apiKeyStore = createApiKeyStore(browserStorage());
const sessionStore = createSessionStore();
const endSession = () => sessionStore.dispatch({ type: 'session-ended' });
const liveSocket = createLiveSocket({
  url: webSocketUrl(window.location.href),
  credential: credentialOf(apiKeyStore.get(), sessionStore.get()),
  // A session's socket closed with 4403: signed out in another tab or browser, or the session expired.
  onForbidden: (credential) => {
    if (credential.kind === 'session') endSession();
  },
});
const client = createApolloClient({ getApiKey: apiKeyStore.get, subscriptionLink: liveSocket.link, onSessionRejected: endSession });

// Subscribed before React is, so the old credential's socket is closed and the cache emptied before
// the page renders for the new one: nothing one key or person fetched is ever shown under another,
// and signing out leaves no socket open.
let credentialInUse = credentialIdentity(credentialOf(apiKeyStore.get(), sessionStore.get()));
const followCredential = () => {
  const credential = credentialOf(apiKeyStore.get(), sessionStore.get());
  liveSocket.setCredential(credential);
  const identity = credentialIdentity(credential);
  if (identity === credentialInUse) return;
  credentialInUse = identity;
  void client.clearStore();
};
apiKeyStore.subscribe(followCredential);
sessionStore.subscribe(followCredential);

/**
 * The session check, once per page load: a valid cookie goes straight in, none (401) shows the sign-in page.
 * index.html has usually asked already, together with the account and wallets (apollo/boot.ts): that answer
 * fills the cache for the user it names, and the dashboard and the page of the path are loaded before the
 * session is declared, so the first figures need no further round trip. Without it, a request of its own.
 */
async function startSession(): Promise<void> {
  const pathname = window.location.pathname;
  const dashboard = isAcceptInvitationPath(pathname)
    ? Promise.resolve()
    : walletPage
        .preload()
        .then((module) => module.preloadRouteOf(pathname))
        .catch(() => undefined);
  const boot = await takeBootResponse();
  const result = boot === null ? await checkSession() : parseSessionCheck(boot.status, boot.bodyText);
  if (result.kind === 'signed-in' && boot !== null && apiKeyStore.get() === null) {
    const data = bootDataOf(boot.bodyText);
    if (data !== null) {
      // Fetched for this user: switching to their session must not empty the cache it fills (followCredential).
      credentialInUse = credentialIdentity({ kind: 'session', userId: result.user.id });
      client.writeQuery({ query: BOOT_QUERY, data });
    }
  }
  if (result.kind === 'signed-in') await dashboard;
  sessionStore.dispatch({ type: 'checked', result });
}
void startSession();

/** Signs out of the session; the server's 4403 on this session's socket meanwhile is expected (utils/session-state.ts). */
async function signOutOfSession(): Promise<void> {
  sessionStore.dispatch({ type: 'sign-out-started' });
  const result = await signOut();
  sessionStore.dispatch(result.ok ? { type: 'signed-out' } : { type: 'sign-out-failed', message: result.message });
}

/** Props of {@link App}. */
interface AppProps {
  apiKeys: ApiKeyStore;
  session: SessionStore;
  socket: LiveSocket;
}

/**
 * The dashboard: the sign-in page (e-mail and password, or an API key) until someone is in, then
 * the wallet page (remounted per credential), whose sections are routes (routes/wallet/WalletPage.tsx);
 * `/accept-invitation?token=…` for invitees, whatever the session (utils/dashboard-screen.ts).
 */
function App({ apiKeys, session: sessionStoreOfApp, socket }: AppProps) {
  const { apiKey, setApiKey, persisted } = useApiKey(apiKeys);
  const session = useSession(sessionStoreOfApp);
  const { pathname, search, replacePath, pushPath } = usePathname();
  const connectionStatus = useConnectionStatus(socket);
  const screen = screenFor({ pathname, apiKey, session });

  const forgetKey = () => setApiKey(null);
  const signedIn = (user: SessionUser) => {
    // A stored key would win over the cookie: the person who just signed in is who the page shows.
    setApiKey(null);
    sessionStoreOfApp.dispatch({ type: 'signed-in', user });
  };
  const identity: HeaderIdentity | null =
    apiKey !== null
      ? { kind: 'api-key', apiKey }
      : session.status === 'signed-in'
        ? { kind: 'session', user: session.user, signingOut: session.signingOut, signOutError: session.signOutError }
        : null;

  let content: ReactNode;
  switch (screen.name) {
    case 'checking':
      content = <p className="placeholder">Checking your session…</p>;
      break;
    case 'sign-in':
      content = <SignInPage notice={screen.notice} onSignedIn={signedIn} onApiKey={setApiKey} onSignUp={() => pushPath(SIGN_UP_PATH)} />;
      break;
    case 'sign-up':
      content = (
        <SignUpPage
          onSignedUp={(user) => {
            signedIn(user);
            replacePath('/');
          }}
          onGoToSignIn={() => replacePath('/')}
        />
      );
      break;
    case 'verify-email':
      content = (
        <VerifyEmailPage
          token={verificationTokenFrom(search)}
          signedIn={screen.signedIn}
          onContinue={() => {
            // What the dashboard fetched before the verification (the banner, the balance) is stale now.
            void client.refetchQueries({ include: 'active' });
            replacePath('/');
          }}
        />
      );
      break;
    case 'accept-invitation':
      content = (
        <AcceptInvitationPage
          token={invitationTokenFrom(search)}
          signedInAs={session.status === 'signed-in' ? session.user : null}
          onAccepted={(user) => {
            signedIn(user);
            replacePath('/');
          }}
          onGoToSignIn={() => replacePath('/')}
        />
      );
      break;
    case 'wallet':
      content = (
        <WalletPage
          key={credentialIdentity(screen.credential)}
          credentialKind={screen.credential.kind}
          onCredentialRejected={screen.credential.kind === 'api-key' ? forgetKey : endSession}
        />
      );
      break;
  }

  return (
    <>
      <AppHeader
        identity={identity}
        onForgetKey={forgetKey}
        onSignOut={() => void signOutOfSession()}
        connectionStatus={connectionStatus}
      />
      <main className="page">
        {apiKey !== null && !persisted && (
          <p className="notice">This browser refused to store the key: it will be forgotten when this page is closed.</p>
        )}
        <Suspense fallback={<p className="placeholder">Loading…</p>}>{content}</Suspense>
      </main>
    </>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter>
        <App apiKeys={apiKeyStore} session={sessionStore} socket={liveSocket} />
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
