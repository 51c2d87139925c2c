import type { Role } from '../gql/graphql.js';

/** The signed-in pages, one per section of the dashboard. */
export type AccountRoute =
  | { name: 'overview' }
  | { name: 'campaigns' }
  | { name: 'campaign'; campaignId: string }
  | { name: 'transactions' }
  | { name: 'top-up' }
  | { name: 'numbers' }
  | { name: 'messages' }
  | { name: 'sender-ids' }
  | { name: 'plan' }
  | { name: 'billing' }
  | { name: 'invoices' }
  | { name: 'team' }
  | { name: 'audit-log' }
  | { name: 'webhooks' }
  | { name: 'notifications' }
  | { name: 'settings' };

/** Every account role. */
const EVERY_ROLE: readonly Role[] = ['OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR'];
/** The roles that run numbers, messages and webhooks (the server refuses the others). */
const OWNER_AND_INTEGRATOR: readonly Role[] = ['OWNER', 'INTEGRATOR'];
/** The account's owner only. */
const OWNER_ONLY: readonly Role[] = ['OWNER'];

/**
 * The navigation's sections, in order, with their labels, paths and the account roles that see
 * them (a section a role may not use is left out of its navigation; its path still answers, and the
 * page says what the role cannot do).
 */
export const ACCOUNT_SECTIONS = [
  { name: 'overview', label: 'Overview', path: '/', roles: EVERY_ROLE },
  { name: 'campaigns', label: 'Campaigns', path: '/campaigns', roles: EVERY_ROLE },
  { name: 'transactions', label: 'Transactions', path: '/transactions', roles: EVERY_ROLE },
  { name: 'top-up', label: 'Top up', path: '/top-up', roles: EVERY_ROLE },
  { name: 'numbers', label: 'Numbers', path: '/numbers', roles: OWNER_AND_INTEGRATOR },
  { name: 'messages', label: 'Messages', path: '/messages', roles: OWNER_AND_INTEGRATOR },
  { name: 'sender-ids', label: 'Sender IDs', path: '/sender-ids', roles: OWNER_AND_INTEGRATOR },
  { name: 'plan', label: 'Plan', path: '/plan', roles: OWNER_ONLY },
  { name: 'billing', label: 'Billing', path: '/billing', roles: OWNER_ONLY },
  { name: 'invoices', label: 'Invoices', path: '/invoices', roles: OWNER_ONLY },
  { name: 'team', label: 'Team', path: '/team', roles: OWNER_ONLY },
  { name: 'audit-log', label: 'Audit log', path: '/audit-log', roles: OWNER_ONLY },
  { name: 'webhooks', label: 'Webhooks', path: '/webhooks', roles: OWNER_AND_INTEGRATOR },
  { name: 'notifications', label: 'Notifications', path: '/notifications', roles: EVERY_ROLE },
  { name: 'settings', label: 'Settings', path: '/settings', roles: EVERY_ROLE },
] as const satisfies readonly { name: string; label: string; path: string; roles: readonly Role[] }[];

/** The sections a role's navigation shows. */
export function sectionsFor(role: Role): (typeof ACCOUNT_SECTIONS)[number][] {
  return ACCOUNT_SECTIONS.filter((section) => section.roles.includes(role));
}

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
  const section = ACCOUNT_SECTIONS.find((candidate) => candidate.path === path && candidate.name !== 'overview');
  return section ? ({ name: section.name } as AccountRoute) : { name: 'overview' };
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
