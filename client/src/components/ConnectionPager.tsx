import { useCallback, useMemo, useState } from 'react';
import { currentCursor, hasNewerPage, NEWEST_PAGE, newerPage, olderPage, pageNumber, type CursorStack } from '../utils/cursor-stack';
import { Pager } from './Pager';

/** Where a newest-first list stands among its pages (see utils/cursor-stack.ts), as {@link useCursorPages} keeps it. */
export interface CursorPages {
  /** The `after` argument of the page shown: null on the newest page. */
  after: string | null;
  /** The pages visited since the newest one. */
  stack: CursorStack;
  /** Back to the newest page (a filter changed, or a page was left). */
  reset: () => void;
  /** To the page after `endCursor` (older). */
  older: (endCursor: string) => void;
  /** Back one page (newer). */
  newer: () => void;
}

/** The page state of one newest-first connection: pass `after` to its query and the result to {@link ConnectionPager}. */
export function useCursorPages(): CursorPages {
  const [stack, setStack] = useState<CursorStack>(NEWEST_PAGE);
  const reset = useCallback(() => setStack(NEWEST_PAGE), []);
  const older = useCallback((endCursor: string) => setStack((current) => olderPage(current, endCursor)), []);
  const newer = useCallback(() => setStack((current) => newerPage(current)), []);
  return useMemo(() => ({ after: currentCursor(stack), stack, reset, older, newer }), [stack, reset, older, newer]);
}

/** Props of {@link ConnectionPager}. */
export interface ConnectionPagerProps {
  pages: CursorPages;
  /** The shown page's `pageInfo`; nothing is drawn before it arrives. */
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | null | undefined;
  /** True while a page is loading: both buttons wait. */
  busy: boolean;
  /** Names the navigation for assistive technology ("Message pages"). */
  label: string;
}

/**
 * "Newer" / "Older" for a newest-first Relay connection paged with `first`/`after`, wired to
 * {@link useCursorPages}; drawn only when there is more than one page.
 */
export function ConnectionPager({ pages, pageInfo, busy, label }: ConnectionPagerProps) {
  if (!pageInfo || (!hasNewerPage(pages.stack) && !pageInfo.hasNextPage)) return null;
  const endCursor = pageInfo.endCursor ?? null;
  return (
    <Pager
      label={label}
      pageNumber={pageNumber(pages.stack)}
      hasNewer={hasNewerPage(pages.stack)}
      hasOlder={pageInfo.hasNextPage && endCursor !== null}
      busy={busy}
      onNewer={pages.newer}
      onOlder={() => {
        if (endCursor !== null) pages.older(endCursor);
      }}
    />
  );
}
