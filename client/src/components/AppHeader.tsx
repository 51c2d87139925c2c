import { maskApiKey } from '../utils/api-key-storage';
import type { ConnectionStatus } from '../utils/connection-status';
import { ConnectionIndicator } from './ConnectionIndicator';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  /** The key in use, shown masked; null before one is entered. */
  apiKey: string | null;
  /** Forgets the key (this browser only; the key itself stays valid on the server). */
  onForgetKey: () => void;
  /** The live connection's state, shown next to the key. */
  connectionStatus: ConnectionStatus;
}

/**
 * The bar across the top: product name and, once a key is in use, the live connection's state,
 * which key and a way to forget it.
 */
export function AppHeader({ apiKey, onForgetKey, connectionStatus }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <span className="app-header__brand">Spendwire</span>
        {apiKey !== null && (
          <div className="app-header__key">
            <ConnectionIndicator status={connectionStatus} />
            <span className="muted">
              API key <code title="The key in use, shortened">{maskApiKey(apiKey)}</code>
            </span>
            <button type="button" className="button button--quiet" onClick={onForgetKey}>
              Forget key
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
