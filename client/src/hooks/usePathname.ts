import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** What {@link usePathname} returns. */
export interface PathnameState {
  /** The router's pathname, kept current across back/forward. */
  pathname: string;
  /** The router's search ("?token=…" or ""). */
  search: string;
  /** Shows `path` without a page load, replacing the current history entry (no way back to a used invitation). */
  replacePath: (path: string) => void;
  /** Goes to `path` without a page load, as a new history entry (Back returns); the current path adds no entry. */
  pushPath: (path: string) => void;
}

/**
 * The page's path and client-side navigation, from react-router (main.tsx's `BrowserRouter`; the
 * server answers index.html for every GET, so `/accept-invitation` and `/campaigns/…` load this same page).
 */
export function usePathname(): PathnameState {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();

  const replacePath = useCallback((path: string) => void navigate(path, { replace: true }), [navigate]);

  const pushPath = useCallback(
    (path: string) => {
      if (path === pathname + search) return;
      void navigate(path);
    },
    [navigate, pathname, search],
  );

  return { pathname, search, replacePath, pushPath };
}
