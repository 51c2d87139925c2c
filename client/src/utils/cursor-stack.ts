/**
 * Page navigation over a newest-first Relay connection that only pages forward (`first`/`after`).
 * Going "Older" pushes the current page's `endCursor`; going "Newer" pops it. The stack holds
 * the `after` cursor of every page visited since the newest one, so the last entry is the
 * current page's and an empty stack is the newest page.
 */
export type CursorStack = readonly string[];

/** The newest page. */
export const NEWEST_PAGE: CursorStack = [];

/** The `after` argument for the current page: null on the newest page. */
export function currentCursor(stack: CursorStack): string | null {
  return stack.at(-1) ?? null;
}

/** The next older page, which starts after `endCursor` (the current page's `pageInfo.endCursor`). */
export function olderPage(stack: CursorStack, endCursor: string): CursorStack {
  return [...stack, endCursor];
}

/** The previous (newer) page; the newest page stays where it is. */
export function newerPage(stack: CursorStack): CursorStack {
  return stack.length === 0 ? stack : stack.slice(0, -1);
}

/** Whether there is a newer page to go back to. */
export function hasNewerPage(stack: CursorStack): boolean {
  return stack.length > 0;
}

/** 1 for the newest page, 2 for the one before it, and so on. */
export function pageNumber(stack: CursorStack): number {
  return stack.length + 1;
}
