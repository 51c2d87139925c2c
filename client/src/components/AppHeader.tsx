import { maskApiKey } from '../utils/api-key-storage';
import type { SessionUser } from '../utils/auth-response';
import type { ConnectionStatus } from '../utils/connection-status';
import { enumLabel } from '../utils/enum-label';
import { ConnectionIndicator } from './ConnectionIndicator';

/** Who is using the dashboard, as the header shows it. */
export type HeaderIdentity =
  | { kind: 'api-key'; apiKey: string }
  | { kind: 'session'; user: SessionUser; signingOut: boolean; signOutError: string | null };

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  /** The API key (shown masked) or the signed-in user; null before either. */
  identity: HeaderIdentity | null;
  /** Forgets the key (this browser only; the key itself stays valid on the server). */
  onForgetKey: () => void;
  /** Ends the session (`POST /auth/sign-out`). */
  onSignOut: () => void;
  /** The live connection's state, shown next to the identity. */
  connectionStatus: ConnectionStatus;
}

/**
 * The bar across the top: product name and, once someone is in, the live connection's state and
 * who: the signed-in user (name, e-mail, role) with "Sign out", or the key in use with "Forget key".
 * On a phone the brand and the button share the first line and who is signed in wraps below (styles.css),
 * so "Sign out" is always on screen.
 */
export function AppHeader({ identity, onForgetKey, onSignOut, connectionStatus }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <span className="app-header__brand">Spendwire</span>
        {identity?.kind === 'api-key' && (
          <div className="app-header__key">
            <ConnectionIndicator status={connectionStatus} />
            <span className="muted app-header__who">
              API key <code title="The key in use, shortened">{maskApiKey(identity.apiKey)}</code>
            </span>
            <button type="button" className="button button--quiet app-header__action" onClick={onForgetKey}>
              Forget key
            </button>
          </div>
        )}
        {identity?.kind === 'session' && (
          <div className="app-header__key">
            <ConnectionIndicator status={connectionStatus} />
            <span className="app-header__user app-header__who">
              <span className="visually-hidden">Signed in as </span>
              <span className="app-header__name">{identity.user.name}</span>{' '}
              <span className="muted app-header__email">{identity.user.email}</span>{' '}
              <span className="badge app-header__role">{enumLabel(identity.user.role)}</span>
            </span>
            {identity.signOutError !== null && (
              <span className="field-error app-header__error" role="alert">
                Sign-out failed: {identity.signOutError}
              </span>
            )}
            <button type="button" className="button app-header__action" onClick={onSignOut} disabled={identity.signingOut}>
              {identity.signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
