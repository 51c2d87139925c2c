/**
 * The page load's first request, started by an inline script in index.html (client/vite-plugins.ts,
 * `bootRequest`) while the dashboard's script is still downloading: who the session cookie belongs to
 * (the session check) and, in the same answer, the account and wallets the signed-in dashboard opens
 * with (what {@link ME_QUERY} asks). On a slow link it saves the two round trips that would otherwise
 * start only once the script has run.
 */
import { graphql } from '../gql/index.js';
import type { BootQuery } from '../gql/graphql.js';

/**
 * The session check's fields (apollo/auth-requests.ts) and the Me query's fragment (routes/wallet/WalletPage.tsx,
 * DashboardPrincipalFields) in one document. index.html sends it with `__typename` on every object, as the Apollo cache writes it.
 */
export const BOOT_QUERY = graphql(`
  query Boot {
    me {
      ...DashboardPrincipalFields
      apiKeyId
      user {
        id
        accountId
        email
        name
        role
      }
    }
  }
`);

/** The property of `window` that holds the inline script's promise (vite.config.ts passes the same name). */
export const BOOT_RESPONSE_GLOBAL = '__spendwireBoot';

/** The boot request's HTTP status and body, as the session check parses them. */
export interface BootResponse {
  status: number;
  bodyText: string;
}

/**
 * The inline script's answer, once: the promise it started (null when it could not reach the server), or
 * null when the page has no such script (the development server's index.html, tests).
 */
export function takeBootResponse(
  scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): Promise<BootResponse | null> | null {
  const pending = scope[BOOT_RESPONSE_GLOBAL];
  delete scope[BOOT_RESPONSE_GLOBAL];
  return pending instanceof Promise ? (pending as Promise<BootResponse | null>) : null;
}

/**
 * The boot answer's data when it is a whole answer for a signed-in user's account (errors none, an account
 * with its wallets), else null: the cache is filled only from a complete answer, and the page asks again otherwise.
 */
export function bootDataOf(bodyText: string): BootQuery | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors !== undefined || typeof data !== 'object' || data === null) return null;
  const me = (data as { me?: unknown }).me;
  if (typeof me !== 'object' || me === null) return null;
  const account = (me as { account?: unknown }).account;
  if (typeof account !== 'object' || account === null || !Array.isArray((account as { wallets?: unknown }).wallets)) return null;
  return data as BootQuery;
}
