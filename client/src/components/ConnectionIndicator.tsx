import { connectionStatusLabel, type ConnectionStatus } from '../utils/connection-status';

/** Props of {@link ConnectionIndicator}. */
export interface ConnectionIndicatorProps {
  status: ConnectionStatus;
}

/** A dot and a word for the live connection: "Live", "Reconnecting…", "Offline"…; nothing while idle. */
export function ConnectionIndicator({ status }: ConnectionIndicatorProps) {
  const label = connectionStatusLabel(status);
  if (label === null) return null;
  return (
    <span className={`connection connection--${label.tone}`} title={label.detail} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      {label.text}
    </span>
  );
}
