/** Options of {@link mapStream}. */
export interface MapStreamOptions {
  /**
   * Called with an error the source threw from next(); returns true when it is handled (the
   * stream then ends normally), false to pass it on to the consumer.
   */
  endsOn?: (error: unknown) => boolean;
}

/**
 * `source` with `map` applied to each value, as an iterator whose return() and throw() reach the
 * source AT ONCE, even while a next() is waiting for the source's next value. An `async function*`
 * wrapper cannot do that: a generator suspended in `for await` queues return() until the source
 * yields, so a closed subscription on an idle wallet kept its source (and its hub or feed
 * listener) until the next event, possibly forever.
 */
export function mapStream<T, R>(source: AsyncIterator<T>, map: (value: T) => R, options: MapStreamOptions = {}): AsyncIterableIterator<R> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<R>> {
      let step: IteratorResult<T>;
      try {
        step = await source.next();
      } catch (error) {
        await source.return?.();
        if (options.endsOn?.(error)) return { done: true, value: undefined };
        throw error;
      }
      return step.done ? { done: true, value: undefined } : { done: false, value: map(step.value) };
    },
    async return(): Promise<IteratorResult<R>> {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown): Promise<IteratorResult<R>> {
      await source.return?.();
      throw error;
    },
  };
}
