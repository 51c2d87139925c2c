import { GraphQLError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { authenticate } from '../domain/accounts/authenticate.service.js';
import type { CredentialCache } from '../domain/accounts/credential-cache.js';
import type { Principal } from '../domain/accounts/principal.js';
import { authenticateSession } from '../domain/users/sessions.service.js';
import { UnauthenticatedError } from '../errors.js';
import { cookieValue, SESSION_COOKIE } from './session-cookie.js';

/**
 * Resolves the caller of a request or socket: a bearer credential (API key or the operator's
 * token) when one is sent, else the dashboard's session cookie.
 * @throws GraphQLError UNAUTHENTICATED (HTTP 401).
 */
export async function principalFor(
  options: { orm: MikroORM; platformAdminToken: string; credentialCache: CredentialCache },
  authorization: string | undefined | null,
  cookieHeader?: string | undefined | null,
): Promise<Principal> {
  try {
    const session = authorization ? undefined : cookieValue(cookieHeader, SESSION_COOKIE);
    if (session) return await authenticateSession(options.orm.em.fork(), session);
    return await authenticate(options.orm.em.fork(), {
      authorization,
      platformAdminToken: options.platformAdminToken,
      cache: options.credentialCache,
    });
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw error;
  }
}
