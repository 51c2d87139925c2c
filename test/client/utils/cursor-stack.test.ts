// Goal: the Newer/Older pager asks for the right `after` cursor on every page; method: walk the pure cursor stack through sequences of moves.
import { describe, expect, it } from 'vitest';
import { currentCursor, hasNewerPage, NEWEST_PAGE, newerPage, olderPage, pageNumber } from '../../../client/src/utils/cursor-stack.js';

describe('cursor stack', () => {
  it('starts on the newest page: no cursor, no newer page, page 1', () => {
    expect(currentCursor(NEWEST_PAGE)).toBeNull();
    expect(hasNewerPage(NEWEST_PAGE)).toBe(false);
    expect(pageNumber(NEWEST_PAGE)).toBe(1);
  });

  it('goes older with each endCursor and back newer through the same cursors', () => {
    const page2 = olderPage(NEWEST_PAGE, 'c20');
    const page3 = olderPage(page2, 'c40');
    expect(currentCursor(page2)).toBe('c20');
    expect(currentCursor(page3)).toBe('c40');
    expect(pageNumber(page3)).toBe(3);
    expect(hasNewerPage(page3)).toBe(true);

    const back2 = newerPage(page3);
    expect(currentCursor(back2)).toBe('c20');
    expect(pageNumber(back2)).toBe(2);
    const back1 = newerPage(back2);
    expect(currentCursor(back1)).toBeNull();
    expect(hasNewerPage(back1)).toBe(false);
  });

  it('stays on the newest page when asked for a newer one', () => {
    expect(newerPage(NEWEST_PAGE)).toEqual([]);
    expect(pageNumber(newerPage(newerPage(NEWEST_PAGE)))).toBe(1);
  });

  it('never changes a stack in place, so React state stays valid', () => {
    const page2 = olderPage(NEWEST_PAGE, 'c20');
    olderPage(page2, 'c40');
    newerPage(page2);
    expect(NEWEST_PAGE).toEqual([]);
    expect(page2).toEqual(['c20']);
  });
});
