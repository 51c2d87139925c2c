import { useSyncExternalStore } from 'react';
import type { SessionState, SessionStore } from '../utils/session-state';

/** The dashboard session of `store`, re-rendering when it changes. */
export function useSession(store: SessionStore): SessionState {
  return useSyncExternalStore(store.subscribe, store.get);
}
