/** Props of {@link Pager}. */
export interface PagerProps {
  /** 1 for the newest page. */
  pageNumber: number;
  hasNewer: boolean;
  /** The connection's `pageInfo.hasNextPage` (pages go from newest to oldest). */
  hasOlder: boolean;
  /** True while a page is loading: both buttons wait. */
  busy: boolean;
  onNewer: () => void;
  onOlder: () => void;
  /** Names the navigation for assistive technology. @default 'Transaction pages' */
  label?: string;
}

/** "Newer" and "Older" buttons for a newest-first list, with the page number between them. */
export function Pager({ pageNumber, hasNewer, hasOlder, busy, onNewer, onOlder, label = 'Transaction pages' }: PagerProps) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" onClick={onNewer} disabled={!hasNewer || busy}>
        ← Newer
      </button>
      <span className="pager__page" aria-live="polite">
        Page {pageNumber}
      </span>
      <button type="button" className="button" onClick={onOlder} disabled={!hasOlder || busy}>
        Older →
      </button>
    </nav>
  );
}
