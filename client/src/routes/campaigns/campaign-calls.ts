/**
 * The detail page's calls: the active ones and the most recently ended, kept from `callUpdated`
 * (a state feed: the campaign's active calls first, then each call's states in version order) and
 * seeded with the ended calls a query found. Immutable: each change returns a new book (and the
 * same book when nothing changed, so React skips the render); a call whose state did not change
 * keeps its object, so its memoized row does not render again.
 */
import type { CallFieldsFragment as CallRow } from '../../gql/graphql.js';
import { compareSequences } from '../../utils/sequence.js';

/** Most ended calls kept (and shown), the most recently ended. @default 50 */
export const RECENTLY_ENDED_MAX = 50;

/** What the book needs of a call. */
export type BookCall = Pick<CallRow, 'id' | 'status' | 'startedAt' | 'endedAt' | 'version'>;

/** The calls of one campaign as the page knows them. */
export interface CallBook<C extends BookCall = CallRow> {
  /** Active calls by id. */
  active: ReadonlyMap<string, C>;
  /** Ended calls (completed, stopped, refused), most recently ended first, at most the book's maximum. */
  ended: readonly C[];
  /** Ids among `ended` whose ending arrived live (the page saw them active first): highlighted. */
  endedLive: ReadonlySet<string>;
}

/** A book with no calls. */
export function emptyCallBook<C extends BookCall = CallRow>(): CallBook<C> {
  return { active: new Map(), ended: [], endedLive: new Set() };
}

/** Orders ended calls: latest `endedAt` first (RFC 3339 UTC strings of one format compare as text), then by id. */
function compareEnded(left: BookCall, right: BookCall): number {
  const leftEnded = left.endedAt ?? left.startedAt;
  const rightEnded = right.endedAt ?? right.startedAt;
  if (leftEnded !== rightEnded) return Date.parse(rightEnded) - Date.parse(leftEnded) || (leftEnded < rightEnded ? 1 : -1);
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

/**
 * The book after `states`, in order. A state no newer (by `version`) than the one the book holds
 * for that call is ignored, so a late or repeated state never rolls a call back. An ACTIVE state
 * puts the call among the active ones; any other moves it to the ended ones (marked live when it
 * was active here before), which keep the `endedMax` most recently ended.
 * @throws SequenceFormatError when a version is not a decimal integer string.
 */
export function applyCallStates<C extends BookCall>(
  book: CallBook<C>,
  states: Iterable<C>,
  endedMax: number = RECENTLY_ENDED_MAX,
): CallBook<C> {
  let active: Map<string, C> | null = null;
  let endedChanged = false;
  let endedLive: Set<string> | null = null;
  // Built on first need; lookups alone do not count as a change.
  let ended: Map<string, C> | null = null;
  const endedById = (): Map<string, C> => (ended ??= new Map(book.ended.map((call) => [call.id, call])));
  for (const state of states) {
    const currentActive = (active ?? book.active).get(state.id);
    const currentEnded = currentActive === undefined ? endedById().get(state.id) : undefined;
    const known = currentActive ?? currentEnded;
    if (known !== undefined && compareSequences(known.version, state.version) >= 0) continue;
    if (state.status === 'ACTIVE') {
      if (active === null) active = new Map(book.active);
      active.set(state.id, state);
      if (currentEnded !== undefined) {
        endedById().delete(state.id);
        endedChanged = true;
      }
    } else {
      if (currentActive !== undefined) {
        if (active === null) active = new Map(book.active);
        active.delete(state.id);
        if (endedLive === null) endedLive = new Set(book.endedLive);
        endedLive.add(state.id);
      }
      endedById().set(state.id, state);
      endedChanged = true;
    }
  }
  if (active === null && !endedChanged) return book;
  let endedList = book.ended;
  let liveIds: ReadonlySet<string> = endedLive ?? book.endedLive;
  if (endedChanged) {
    endedList = [...endedById().values()].sort(compareEnded).slice(0, Math.max(0, endedMax));
    const kept = new Set(endedList.map((call) => call.id));
    const pruned = [...liveIds].filter((id) => kept.has(id));
    if (pruned.length !== liveIds.size) liveIds = new Set(pruned);
  }
  return { active: active ?? book.active, ended: endedList, endedLive: liveIds };
}

/** The active calls, newest first (latest `startedAt`, then by id): the order the page lists them in. */
export function activeCallList<C extends BookCall>(book: Pick<CallBook<C>, 'active'>): C[] {
  return [...book.active.values()].sort((left, right) => {
    const byStart = Date.parse(right.startedAt) - Date.parse(left.startedAt);
    if (byStart !== 0 && !Number.isNaN(byStart)) return byStart;
    return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
  });
}
