import type { MouseEvent } from 'react';
import type { Role } from '../../gql/graphql.js';
import { sectionOf, sectionsFor, type AccountRoute } from '../../utils/account-routes';

/** Props of {@link AccountNav}. */
export interface AccountNavProps {
  route: AccountRoute;
  /** The caller's role: only the sections it may use are listed. */
  role: Role;
  navigate: (path: string) => void;
}

/** The dashboard's sections as links: real hrefs (open in a new tab works), client-side navigation on a plain click. */
export function AccountNav({ route, role, navigate }: AccountNavProps) {
  const current = sectionOf(route);
  const follow = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <nav className="account-nav" aria-label="Sections">
      {sectionsFor(role).map((section) => (
        <a
          key={section.name}
          href={section.path}
          className="account-nav__link"
          aria-current={section.name === current ? 'page' : undefined}
          onClick={follow(section.path)}
        >
          {section.label}
        </a>
      ))}
    </nav>
  );
}
