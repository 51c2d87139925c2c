import { GraphQLError } from 'graphql';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { authenticate } from '../domain/accounts/authenticate.service.js';
import type { CredentialCache } from '../domain/accounts/credential-cache.js';
import type { Principal } from '../domain/accounts/principal.js';
import { authenticateSession } from '../domain/users/sessions.service.js';
import { UnauthenticatedError } from '../errors.js';
import { cookieValue, SESSION_COOKIE } from './session-cookie.js';
import { currentLogFields, setLogPrincipal } from '../logging/logger.js';

/**
 * Resolves the caller of a request or socket: a bearer credential (API key or the operator's
 * token) when one is sent, else the dashboard's session cookie. `requestEm`: the request's
 * EntityManager, when it has one (else a fork of the ORM's), asked for only when a lookup needs it.
 * @throws GraphQLError UNAUTHENTICATED (HTTP 401).
 */
export async function principalFor(
  options: { orm: MikroORM; platformAdminToken: string; credentialCache: CredentialCache },
  authorization: string | undefined | null,
  cookieHeader?: string | undefined | null,
  requestEm?: () => EntityManager,
): Promise<Principal> {
  try {
    // Neither lookup puts anything in the identity map, so a request's own fork can serve (one
    // fork per GraphQL request instead of two: a fork costs ~1 % of the CPU of a charge), and only
    // when a lookup reads the database: a cached key's request may never fork one (call control's don't).
    const em = requestEm ?? (() => options.orm.em.fork());
    const session = authorization ? undefined : cookieValue(cookieHeader, SESSION_COOKIE);
    const principal = session
      ? await authenticateSession(em(), session)
      : await authenticate(em, {
          authorization,
          platformAdminToken: options.platformAdminToken,
          cache: options.credentialCache,
        });
    // The request being served (HTTP) logs its caller's account and key ids from here on.
    setLogPrincipal(currentLogFields(), principal);
    return principal;
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw error;
  }
}
