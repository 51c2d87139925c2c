import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { API_KEY_STORAGE_KEY, type ApiKeyStore, type KeyValueStorage } from '../utils/api-key-storage';

/** `window.localStorage`, or undefined where merely reading it throws (site data blocked). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** What {@link useApiKey} returns. */
export interface ApiKeyState {
  /** The key in use, or null when none has been entered. */
  apiKey: string | null;
  /** Uses and remembers `apiKey` (trimmed); null forgets it. */
  setApiKey: (apiKey: string | null) => void;
  /** False when the browser refused to store the key: it lasts until the page is closed. */
  persisted: boolean;
}

/**
 * The API key of `store`, re-rendering when it changes, including when another tab of the
 * dashboard stores or forgets a key (signing out there signs out here).
 */
export function useApiKey(store: ApiKeyStore): ApiKeyState {
  const apiKey = useSyncExternalStore(store.subscribe, store.get);
  const persisted = useSyncExternalStore(store.subscribe, store.isPersisted);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      // A null key means another tab cleared all of this site's storage.
      if (event.key === API_KEY_STORAGE_KEY || event.key === null) store.reload();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);

  const setApiKey = useCallback((next: string | null) => store.set(next), [store]);
  return { apiKey, setApiKey, persisted };
}
