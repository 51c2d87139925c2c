/** The signed-in pages, one per section of the dashboard. */
export type AccountRoute =
  | { name: 'overview' }
  | { name: 'campaigns' }
  | { name: 'campaign'; campaignId: string }
  | { name: 'transactions' }
  | { name: 'top-up' }
  | { name: 'settings' };

/** The navigation's sections, in order, with their labels and paths. */
export const ACCOUNT_SECTIONS = [
  { name: 'overview', label: 'Overview', path: '/' },
  { name: 'campaigns', label: 'Campaigns', path: '/campaigns' },
  { name: 'transactions', label: 'Transactions', path: '/transactions' },
  { name: 'top-up', label: 'Top up', path: '/top-up' },
  { name: 'settings', label: 'Settings', path: '/settings' },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A campaign path's id in lower case, or null when it is not a UUID. */
export function campaignIdOf(segment: string): string | null {
  return UUID.test(segment) ? segment.toLowerCase() : null;
}

/** The page a path shows; anything unknown shows the overview. A trailing slash is ignored. */
export function accountRouteOf(pathname: string): AccountRoute {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const campaign = /^\/campaigns\/([^/]+)$/.exec(path);
  const campaignId = campaign ? campaignIdOf(campaign[1]!) : null;
  if (campaignId !== null) return { name: 'campaign', campaignId };
  switch (path) {
    case '/campaigns':
      return { name: 'campaigns' };
    case '/transactions':
      return { name: 'transactions' };
    case '/top-up':
      return { name: 'top-up' };
    case '/settings':
      return { name: 'settings' };
    default:
      return { name: 'overview' };
  }
}

/** The path of a page. */
export function pathOf(route: AccountRoute): string {
  if (route.name === 'campaign') return `/campaigns/${route.campaignId}`;
  return ACCOUNT_SECTIONS.find((section) => section.name === route.name)!.path;
}

/** The navigation section a page belongs to (a campaign's page is under Campaigns). */
export function sectionOf(route: AccountRoute): (typeof ACCOUNT_SECTIONS)[number]['name'] {
  return route.name === 'campaign' ? 'campaigns' : route.name;
}
