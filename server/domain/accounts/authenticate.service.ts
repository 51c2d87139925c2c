import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../database/sql.js';
import { UnauthenticatedError } from '../../errors.js';
import { selectApiKeyByHash } from './accounts.queries.js';
import { digestApiKeySecret } from './api-key-secret.js';
import type { CredentialCache } from './credential-cache.js';
import { PLATFORM_ADMIN_TOKEN_PRINCIPAL, type Principal } from './principal.js';

/** Options of {@link authenticate}. */
export interface AuthenticateOptions {
  /** The `Authorization` header value (or graphql-ws `connectionParams.authorization`). */
  authorization: string | undefined | null;
  /** The operator's token; a caller presenting it is PLATFORM_ADMIN. */
  platformAdminToken: string;
  /** Live keys recently looked up; consulted first, filled on a database hit. */
  cache?: CredentialCache;
}

/**
 * Resolves a `Bearer <secret>` credential to a principal: the operator's token, or a live API key.
 * `db` may be a function returning where to read the key: asked only when the key is not cached.
 * @throws UnauthenticatedError when the header is missing or malformed, or the key is unknown or revoked.
 */
export async function authenticate(db: Db | (() => Db), options: AuthenticateOptions): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(options.authorization ?? '');
  if (!match) throw new UnauthenticatedError('Send an API key as "Authorization: Bearer <key>"');
  const secret = match[1]!;
  // One hash per request: the secret's digest is compared (in constant time) with the operator
  // token's, which is computed once, and its hex form is the key's lookup hash.
  const digest = digestApiKeySecret(secret);
  if (timingSafeEqual(digest, platformAdminTokenDigest(options.platformAdminToken))) return PLATFORM_ADMIN_TOKEN_PRINCIPAL;
  const keyHash = digest.toString('hex');
  const cached = options.cache?.get(keyHash);
  if (cached) return cached;
  const key = await selectApiKeyByHash.maybeOne(typeof db === 'function' ? db() : db, { keyHash });
  if (!key || key.revoked_at_ms !== null) throw new UnauthenticatedError('The API key is unknown or revoked');
  const principal: Principal = Object.freeze({ role: key.role, accountId: key.account_id, apiKeyId: key.id, actor: `api_key:${key.id}` });
  options.cache?.set(keyHash, principal);
  return principal;
}

let operatorDigest: { token: string; digest: Buffer } | undefined;

/** SHA-256 of the operator's token, remembered for the token last asked about (a process has one). */
function platformAdminTokenDigest(token: string): Buffer {
  if (operatorDigest?.token !== token) operatorDigest = { token, digest: digestApiKeySecret(token) };
  return operatorDigest.digest;
}
