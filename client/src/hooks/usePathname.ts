import { useCallback, useEffect, useState } from 'react';

/** What {@link usePathname} returns. */
export interface PathnameState {
  /** `location.pathname`, kept current across back/forward. */
  pathname: string;
  /** `location.search` ("?token=…" or ""). */
  search: string;
  /** Shows `path` without a page load, replacing the current history entry (no way back to a used invitation). */
  replacePath: (path: string) => void;
}

/**
 * The page's path, for the dashboard's few client-side routes (the server answers index.html for
 * every GET, so `/accept-invitation` loads this same page). No router: there are two routes.
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
    setLocation({ pathname: window.location.pathname, search: window.location.search });
  }, []);

  return { ...location, replacePath };
}
