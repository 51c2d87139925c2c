import { GraphQLError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { authenticate } from '../domain/accounts/authenticate.service.js';
import type { CredentialCache } from '../domain/accounts/credential-cache.js';
import { UnauthenticatedError } from '../errors.js';

/**
 * Resolves the caller of a request or socket from its bearer credential.
 * @throws GraphQLError UNAUTHENTICATED (HTTP 401).
 */
export async function principalFor(
  options: { orm: MikroORM; platformAdminToken: string; credentialCache: CredentialCache },
  authorization: string | undefined | null,
) {
  try {
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
