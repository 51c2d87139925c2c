import type { MouseEvent, ReactNode } from 'react';

/** Props of {@link OverviewLink}. */
export interface OverviewLinkProps {
  /** A dashboard path (utils/account-routes.ts), e.g. "/transactions" or "/campaigns/<id>". */
  path: string;
  navigate: (path: string) => void;
  children: ReactNode;
}

/**
 * A link to another page of the dashboard: a real href (a new tab works), client-side navigation
 * on a plain click, as the section navigation does (routes/account/AccountNav.tsx).
 */
export function OverviewLink({ path, navigate, children }: OverviewLinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <a href={path} onClick={follow}>
      {children}
    </a>
  );
}
