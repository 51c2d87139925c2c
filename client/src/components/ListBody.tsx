import type { ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

/** The part of an Apollo query result a load state reads. */
export interface LoadStateQuery {
  loading: boolean;
  error?: unknown;
  refetch: () => Promise<unknown>;
}

/** Props of {@link LoadState}. */
export interface LoadStateProps {
  query: LoadStateQuery;
  /** What is loading, for the lines ("members", "statement"). */
  what: string;
}

/** Until a query's data arrives: "Loading the …", or its error with "Try again" (which refetches). */
export function LoadState({ query, what }: LoadStateProps) {
  if (query.error && !query.loading) {
    return (
      <ErrorNotice error={query.error}>
        <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
          Try again
        </button>
      </ErrorNotice>
    );
  }
  return (
    <p className="muted" aria-busy="true">
      Loading the {what}…
    </p>
  );
}

/** Props of {@link ListBody}. */
export interface ListBodyProps<T> {
  /** The list; undefined until the query answered. */
  items: readonly T[] | undefined;
  /** What the list holds, for the loading and error lines ("members", "invoices"). */
  what: string;
  query: LoadStateQuery;
  /** What is shown when the list is empty. */
  empty: ReactNode;
  render: (items: readonly T[]) => ReactNode;
}

/** A list of a page: its loading or error state until the data arrives, then the empty line or the list. */
export function ListBody<T>({ items, what, query, empty, render }: ListBodyProps<T>) {
  if (items === undefined) return <LoadState query={query} what={what} />;
  if (items.length === 0) return typeof empty === 'string' ? <p className="muted">{empty}</p> : empty;
  return render(items);
}
