/**
 * A map that keeps at most `entriesMax` entries, the least recently used (read or written) leaving
 * first; `entriesMax` 0 keeps none. A Map keeps insertion order, so an entry read is moved to the end
 * and the first key is the one to evict. For the process's caches of things that never change once
 * created (rate plans, campaign routes, validated documents).
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly entriesMax: number) {}

  /** The value of `key`, now the most recently used; undefined when not kept. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Keeps `value` for `key` as the most recently used, evicting the least recently used beyond `entriesMax`. */
  set(key: K, value: V): void {
    if (this.entriesMax <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.entriesMax) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** Whether `key` is kept now, without making it recently used. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Entries kept now. */
  get size(): number {
    return this.entries.size;
  }
}
