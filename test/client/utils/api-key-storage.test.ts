// Goal: the API key is remembered, forgotten and shown masked as the dashboard expects, even where storage fails; method: the pure helpers and store over an in-memory fake Storage.
import { describe, expect, it, vi } from 'vitest';
import {
  API_KEY_STORAGE_KEY,
  createApiKeyStore,
  maskApiKey,
  readApiKey,
  writeApiKey,
  type KeyValueStorage,
} from '../../../client/src/utils/api-key-storage.js';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

function brokenStorage(): KeyValueStorage {
  const fail = () => {
    throw new Error('SecurityError: storage is disabled');
  };
  return { getItem: fail, setItem: fail, removeItem: fail };
}

const KEY = 'sw_DzP5azEsMoPVGRJEWBuXosBqLULT7ABUH2iWoSNn27Q';

describe('readApiKey and writeApiKey', () => {
  it('stores the key trimmed under spendwire.apiKey and reads it back', () => {
    const storage = memoryStorage();
    expect(writeApiKey(storage, `  ${KEY}\n`)).toBe(true);
    expect(storage.entries.get(API_KEY_STORAGE_KEY)).toBe(KEY);
    expect(readApiKey(storage)).toBe(KEY);
  });

  it('removes the entry for null or a blank key', () => {
    const storage = memoryStorage({ [API_KEY_STORAGE_KEY]: KEY });
    expect(writeApiKey(storage, '   ')).toBe(true);
    expect(storage.entries.has(API_KEY_STORAGE_KEY)).toBe(false);
    storage.entries.set(API_KEY_STORAGE_KEY, KEY);
    writeApiKey(storage, null);
    expect(readApiKey(storage)).toBeNull();
  });

  it('reads a missing or blank entry as no key', () => {
    expect(readApiKey(memoryStorage())).toBeNull();
    expect(readApiKey(memoryStorage({ [API_KEY_STORAGE_KEY]: '  ' }))).toBeNull();
  });

  it('reports failure instead of throwing when storage is missing or refuses', () => {
    expect(readApiKey(undefined)).toBeNull();
    expect(readApiKey(brokenStorage())).toBeNull();
    expect(writeApiKey(undefined, KEY)).toBe(false);
    expect(writeApiKey(brokenStorage(), KEY)).toBe(false);
  });
});

describe('createApiKeyStore', () => {
  it('starts with the stored key', () => {
    expect(createApiKeyStore(memoryStorage({ [API_KEY_STORAGE_KEY]: KEY })).get()).toBe(KEY);
    expect(createApiKeyStore(memoryStorage()).get()).toBeNull();
  });

  it('stores, forgets and tells listeners once per change', () => {
    const storage = memoryStorage();
    const store = createApiKeyStore(storage);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    store.set(` ${KEY} `);
    expect(store.get()).toBe(KEY);
    expect(storage.entries.get(API_KEY_STORAGE_KEY)).toBe(KEY);
    store.set(KEY);
    expect(listener).toHaveBeenCalledTimes(1);

    store.set(null);
    expect(store.get()).toBeNull();
    expect(storage.entries.has(API_KEY_STORAGE_KEY)).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    store.set(KEY);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps a key in memory when storage refuses it, and says so', () => {
    const store = createApiKeyStore(brokenStorage());
    const listener = vi.fn();
    store.subscribe(listener);
    store.set(KEY);
    expect(store.get()).toBe(KEY);
    expect(store.isPersisted()).toBe(false);
    store.set(null);
    expect(store.get()).toBeNull();
    expect(store.isPersisted()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('picks up a key another tab stored or forgot on reload', () => {
    const storage = memoryStorage();
    const store = createApiKeyStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);

    storage.entries.set(API_KEY_STORAGE_KEY, KEY);
    store.reload();
    expect(store.get()).toBe(KEY);
    store.reload();
    expect(listener).toHaveBeenCalledTimes(1);

    storage.entries.delete(API_KEY_STORAGE_KEY);
    store.reload();
    expect(store.get()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('maskApiKey', () => {
  it('shows the kind prefix, four characters and the last four', () => {
    expect(maskApiKey(KEY)).toBe('sw_DzP5…n27Q');
    expect(maskApiKey('sw_admin_96Wuj2c8JEY-tDFUDwTMJiEUwG1S0_3SoX9fPmqRlaA')).toBe('sw_admin_96Wu…RlaA');
    expect(maskApiKey('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe('ABCD…WXYZ');
  });

  it('hides at least eight characters of any key longer than twelve, and all but two of shorter ones', () => {
    for (let length = 0; length <= 60; length += 1) {
      const key = 'sw_'.concat('x'.repeat(length)).slice(0, length);
      const shown = maskApiKey(key).replace('…', '');
      const hiddenMin = length > 12 ? 8 : length <= 2 ? length : length - 2;
      expect(length - shown.length, key).toBeGreaterThanOrEqual(hiddenMin);
    }
  });

  it('shows short keys as their first and last character only', () => {
    expect(maskApiKey('abcdefghijkl')).toBe('a…l');
    expect(maskApiKey('ab')).toBe('…');
    expect(maskApiKey('')).toBe('…');
  });
});
