import { useSyncExternalStore } from 'react';
import type { LiveSocket } from '../apollo/live-socket';
import type { ConnectionStatus } from '../utils/connection-status';

/** The live socket's connection status, re-rendering when it changes. */
export function useConnectionStatus(socket: LiveSocket): ConnectionStatus {
  return useSyncExternalStore(socket.subscribe, socket.getStatus);
}
