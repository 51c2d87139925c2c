/**
 * Where the dashboard keeps the API key between visits: one entry in a Web Storage
 * (`window.localStorage` in the browser). Storage can be missing or refuse writes (private
 * windows, blocked site data), so reads fall back to "no key" and writes report failure instead
 * of throwing.
 */

/** The part of the Web Storage interface used here; `window.localStorage` satisfies it. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage entry's name. */
export const API_KEY_STORAGE_KEY = 'spendwire.apiKey';

/** The stored API key, or null when there is none or storage cannot be read. */
export function readApiKey(storage: KeyValueStorage | undefined): string | null {
  try {
    const value = storage?.getItem(API_KEY_STORAGE_KEY)?.trim();
    return value ? value : null;
  } catch {
    return null;
  }
}

/**
 * Stores the API key, trimmed; an empty key removes it.
 * @returns false when storage is missing or refused the write (the key then lasts for this page only).
 */
export function writeApiKey(storage: KeyValueStorage | undefined, apiKey: string | null): boolean {
  if (!storage) return false;
  const value = apiKey?.trim() ?? '';
  try {
    if (value === '') storage.removeItem(API_KEY_STORAGE_KEY);
    else storage.setItem(API_KEY_STORAGE_KEY, value);
    return true;
  } catch {
    return false;
  }
}

/** Characters of the key shown at each end by {@link maskApiKey}. */
const MASK_VISIBLE_CHARACTERS = 4;

/** A key's readable kind prefix: "sw_", "sw_admin_". The random part may contain "_" too, hence the lowercase-only words. */
const KEY_PREFIX_PATTERN = /^[a-z]{1,8}(?:_[a-z]{1,8})?_/;

/**
 * A key shortened enough to tell keys apart without showing the secret: its kind prefix plus
 * 4 characters, an ellipsis and the last 4 characters ("sw_DzP5…n27Q"). At least 8 characters
 * stay hidden; keys of 12 characters or fewer show only their first and last character.
 */
export function maskApiKey(apiKey: string): string {
  const key = apiKey.trim();
  if (key.length <= 3 * MASK_VISIBLE_CHARACTERS) return key.length <= 2 ? '…' : `${key[0]}…${key.at(-1)}`;
  const prefixLength = KEY_PREFIX_PATTERN.exec(key)?.[0].length ?? 0;
  const headLength = Math.min(prefixLength + MASK_VISIBLE_CHARACTERS, key.length - 3 * MASK_VISIBLE_CHARACTERS);
  return `${key.slice(0, headLength)}…${key.slice(-MASK_VISIBLE_CHARACTERS)}`;
}

/** The API key in use, shared by the page (through `useApiKey`) and the Apollo link (through `get`). */
export interface ApiKeyStore {
  /** The key in use, or null. */
  get(): string | null;
  /** Uses `apiKey` (trimmed) and stores it; null or blank forgets it. Listeners are told when it changes. */
  set(apiKey: string | null): void;
  /** Re-reads the storage, after another tab changed it. */
  reload(): void;
  /** False when the last key could not be stored: it lasts until the page is closed. */
  isPersisted(): boolean;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
}

/**
 * A store for the API key backed by `storage`. The key in memory is what requests use, so a
 * key the storage refused still works for this page.
 */
export function createApiKeyStore(storage: KeyValueStorage | undefined): ApiKeyStore {
  let apiKey = readApiKey(storage);
  let persisted = true;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => apiKey,
    set(next) {
      const value = next?.trim() || null;
      const wasPersisted = persisted;
      // Forgetting a key counts as persisted even without storage: nothing is left behind.
      persisted = writeApiKey(storage, value) || value === null;
      if (value === apiKey && persisted === wasPersisted) return;
      apiKey = value;
      notify();
    },
    reload() {
      const stored = readApiKey(storage);
      if (stored === apiKey) return;
      apiKey = stored;
      persisted = true;
      notify();
    },
    isPersisted: () => persisted,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
