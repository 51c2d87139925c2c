/**
 * Inviting a teammate: who may, with which roles, and the link the invitee opens
 * (`/accept-invitation?token=…`, a page of this dashboard: the server serves index.html for it).
 */
import type { Role } from '../gql/graphql.js';

/** The dashboard page where an invitation is accepted. */
export const ACCEPT_INVITATION_PATH = '/accept-invitation';

/** The query parameter that carries the invitation's token. */
export const INVITATION_TOKEN_PARAMETER = 'token';

/** Roles an OWNER may invite with, in the order the form lists them (server `INVITABLE_ROLES`). */
export const INVITABLE_ROLES = ['CAMPAIGN_MANAGER', 'INTEGRATOR', 'OWNER'] as const satisfies readonly Role[];

/** A role an invitation may carry. */
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** The role the invite form starts with. */
export const INVITABLE_ROLE_DEFAULT: InvitableRole = 'CAMPAIGN_MANAGER';

/** True for the roles that may invite people into their account (the server's `inviteUser` takes OWNER). */
export function canInvite(role: Role): boolean {
  return role === 'OWNER';
}

/**
 * The link to send the invitee: `origin` (the dashboard's, e.g. `location.origin`) plus
 * {@link ACCEPT_INVITATION_PATH} with the token, encoded.
 * @example invitationLink('https://app.example', 'swi_abc') → 'https://app.example/accept-invitation?token=swi_abc'
 * @throws TypeError when `origin` is not an absolute URL.
 */
export function invitationLink(origin: string, token: string): string {
  const url = new URL(ACCEPT_INVITATION_PATH, origin);
  url.searchParams.set(INVITATION_TOKEN_PARAMETER, token);
  return url.toString();
}

/** The invitation token of a page's query string (`location.search`), trimmed; null when absent or blank. */
export function invitationTokenFrom(search: string): string | null {
  const token = new URLSearchParams(search).get(INVITATION_TOKEN_PARAMETER)?.trim();
  return token ? token : null;
}

/** True when `pathname` is the accept-invitation page (a trailing slash allowed). */
export function isAcceptInvitationPath(pathname: string): boolean {
  return pathname.replace(/\/+$/, '') === ACCEPT_INVITATION_PATH;
}
