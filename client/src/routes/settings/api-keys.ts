/**
 * API keys on the Settings page: who may list, create and revoke them, with which roles, the
 * name's rules (checked here so the form answers at once; the server checks again), and how a
 * key reads in the list. Never the secret: that is shown once, when created, and not kept.
 */
import type { ApiKeyRowFieldsFragment as ApiKey, Role } from '../../gql/graphql.js';

/** Roles that may list, create and revoke an account's keys (the server's CREATE/REVOKE_API_KEY_ROLES, less the platform's). */
export const API_KEY_MANAGER_ROLES: readonly Role[] = ['OWNER'];

/** Whether this role may manage the account's API keys. */
export function canManageApiKeys(role: Role): boolean {
  return API_KEY_MANAGER_ROLES.includes(role);
}

/** Roles an OWNER may give a new key, in the order the form lists them (least powerful first). */
export const API_KEY_ROLES = ['INTEGRATOR', 'CAMPAIGN_MANAGER', 'OWNER'] as const satisfies readonly Role[];

/** A role a new key may carry. */
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** The role the form starts with: an integrator's switch is what most keys are for. */
export const API_KEY_ROLE_DEFAULT: ApiKeyRole = 'INTEGRATOR';

/** What each role's key may do, for the form's hint. */
export const API_KEY_ROLE_HINTS: Readonly<Record<ApiKeyRole, string>> = {
  INTEGRATOR: 'Calls, messages and charges from your platform; pays top-ups.',
  CAMPAIGN_MANAGER: 'Campaigns, top-ups and saved cards.',
  OWNER: 'Everything, including automatic funding and API keys.',
};

/** Longest key name, in characters (the server's `nameLengthMax`). */
export const API_KEY_NAME_LENGTH_MAX = 200;

/** What {@link checkApiKeyName} found. */
export type ApiKeyNameCheck = { valid: true; name: string } | { valid: false; message: string };

/** A key's name, trimmed: 1 to {@link API_KEY_NAME_LENGTH_MAX} characters. */
export function checkApiKeyName(input: string): ApiKeyNameCheck {
  const name = input.trim();
  if (name === '') return { valid: false, message: 'Name the key after what will use it, e.g. “Production switch”.' };
  if ([...name].length > API_KEY_NAME_LENGTH_MAX) return { valid: false, message: `Use at most ${API_KEY_NAME_LENGTH_MAX} characters.` };
  return { valid: true, name };
}

/** How a key's prefix reads: its first characters and an ellipsis ("sw_Ab12…"). */
export function apiKeyPrefixLabel(prefix: string): string {
  return `${prefix}…`;
}

/** Whether a key still works. */
export function isApiKeyActive(key: Pick<ApiKey, 'revokedAt'>): boolean {
  return key.revokedAt === null;
}

/** The keys with the active ones first, each group in the server's order (newest first). */
export function activeKeysFirst<K extends Pick<ApiKey, 'revokedAt'>>(keys: readonly K[]): K[] {
  return [...keys.filter(isApiKeyActive), ...keys.filter((key) => !isApiKeyActive(key))];
}
