import { useCallback, useEffect, useState } from 'react';

/** What {@link usePathname} returns. */
export interface PathnameState {
  /** `location.pathname`, kept current across back/forward. */
  pathname: string;
  /** `location.search` ("?token=…" or ""). */
  search: string;
  /** Shows `path` without a page load, replacing the current history entry (no way back to a used invitation). */
  replacePath: (path: string) => void;
  /** Goes to `path` without a page load, as a new history entry (Back returns). */
  pushPath: (path: string) => void;
}

/** Tells every {@link usePathname} of the page that the path changed (history.pushState fires no event). */
function announce(): void {
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * The page's path, for the dashboard's few client-side routes (the server answers index.html for
 * every GET, so `/accept-invitation` and `/campaigns/…` load this same page). No router: a handful of
 * routes, parsed in utils/account-routes.ts.
 */
export function usePathname(): PathnameState {
  const [location, setLocation] = useState(() => ({ pathname: window.location.pathname, search: window.location.search }));

  useEffect(() => {
    const onPopState = () => setLocation({ pathname: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const replacePath = useCallback((path: string) => {
    window.history.replaceState(null, '', path);
    announce();
  }, []);

  const pushPath = useCallback((path: string) => {
    if (path === window.location.pathname + window.location.search) return;
    window.history.pushState(null, '', path);
    announce();
  }, []);

  return { ...location, replacePath, pushPath };
}
