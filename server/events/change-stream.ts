/** Options of {@link openChangeStream}. */
export interface ChangeStreamOptions<T> {
  /**
   * Registers `onChange` to be told of each committed change: the key of the object and its
   * version after the change (a state at or above it already includes the change). Returns the
   * unsubscribe.
   */
  listen(onChange: (key: string, version: bigint) => void): () => void;
  /**
   * Reads the current state of the objects of these keys (all of them: initial load when
   * `keys` is null). Objects that are gone may be left out.
   */
  load(keys: string[] | null): Promise<{ key: string; version: bigint; state: T }[]>;
}

/**
 * A state feed over the outbox: yields the current state of the objects first (when `load(null)`
 * returns any), then, after each committed change, the object's state as it is then. States are
 * versioned, so a late or repeated change is dropped and a state never goes backwards; changes
 * that arrive while the consumer is busy are coalesced into one read of the latest state, so a
 * slow consumer costs memory per object, not per change.
 *
 * The listener is registered before the first read, so nothing committed after the subscription
 * began can be missed.
 */
export function openChangeStream<T>(options: ChangeStreamOptions<T>): AsyncIterableIterator<T> {
  const delivered = new Map<string, bigint>();
  const dirty = new Map<string, bigint>();
  const ready: T[] = [];
  let initial = true;
  let done = false;
  let wake: (() => void) | undefined;
  const unsubscribe = options.listen((key, version) => {
    if (version <= (delivered.get(key) ?? -1n) || version <= (dirty.get(key) ?? -1n)) return;
    dirty.set(key, version);
    wake?.();
  });

  const finish = (): IteratorResult<T> => {
    done = true;
    unsubscribe();
    wake?.();
    return { done: true, value: undefined };
  };

  async function fill(): Promise<void> {
    const keys = initial ? null : [...dirty.keys()];
    initial = false;
    if (keys !== null) dirty.clear();
    for (const { key, version, state } of await options.load(keys)) {
      if (version <= (delivered.get(key) ?? -1n)) continue;
      delivered.set(key, version);
      ready.push(state);
    }
  }

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<T>> {
      while (!done) {
        const state = ready.shift();
        if (state !== undefined) return { done: false, value: state };
        if (initial || dirty.size > 0) {
          await fill();
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      return { done: true, value: undefined };
    },
    async return(): Promise<IteratorResult<T>> {
      return finish();
    },
    async throw(error: unknown): Promise<IteratorResult<T>> {
      finish();
      throw error;
    },
  };
}
