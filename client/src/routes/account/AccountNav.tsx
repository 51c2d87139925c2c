import { type MouseEvent, useEffect, useRef } from 'react';
import type { Role } from '../../gql/graphql.js';
import { sectionOf, sectionsFor, type AccountRoute } from '../../utils/account-routes';

/** Props of {@link AccountNav}. */
export interface AccountNavProps {
  route: AccountRoute;
  /** The caller's role: only the sections it may use are listed. */
  role: Role;
  navigate: (path: string) => void;
}

/**
 * The dashboard's sections as links: real hrefs (open in a new tab works), client-side navigation on a plain click.
 * On a phone the links are one strip that scrolls sideways inside its own box (styles.css), with the current
 * section scrolled into view, so the page itself never scrolls sideways.
 */
export function AccountNav({ route, role, navigate }: AccountNavProps) {
  const current = sectionOf(route);
  const strip = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = strip.current;
    const link = nav?.querySelector<HTMLElement>(`[data-section="${current}"]`);
    if (!nav || !link || nav.scrollWidth <= nav.clientWidth) return;
    // Centred in the strip; only the strip scrolls (scrollIntoView could move the page too).
    nav.scrollLeft = link.offsetLeft - nav.offsetLeft - (nav.clientWidth - link.offsetWidth) / 2;
  }, [current]);
  const follow = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <nav className="account-nav" aria-label="Sections" ref={strip}>
      {sectionsFor(role).map((section) => (
        <a
          key={section.name}
          href={section.path}
          className="account-nav__link"
          data-section={section.name}
          aria-current={section.name === current ? 'page' : undefined}
          onClick={follow(section.path)}
        >
          {section.label}
        </a>
      ))}
    </nav>
  );
}
