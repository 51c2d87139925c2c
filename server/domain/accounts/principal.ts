import { ForbiddenError } from '../../errors.js';
import { isPlatformRole, Role } from './role.js';

/** Who is calling: resolved once per request (or socket) from the bearer credential. */
export interface Principal {
  role: Role;
  /** The caller's tenant; null for SUPPORT and PLATFORM_ADMIN, who see every tenant. */
  accountId: string | null;
  /** The API key used, or null for the operator's PLATFORM_ADMIN_TOKEN. */
  apiKeyId: string | null;
  /** Recorded on every ledger row the caller causes. */
  actor: string;
  /** The dashboard session in use (signed in with e-mail and password), else absent. */
  sessionId?: string;
  /** The signed-in user, with {@link sessionId}. */
  userId?: string;
  /**
   * The address the request came from (the TCP peer of the HTTP request or of the WebSocket), recorded
   * in the audit log; absent for the server's own processes.
   */
  clientIp?: string | null;
}

/** `principal` for one request from `clientIp` (a copy: a cached principal is shared by every request of its key). */
export function fromClientIp(principal: Principal, clientIp: string | undefined | null): Principal {
  return { ...principal, clientIp: clientIp ?? null };
}

/** The PLATFORM_ADMIN principal of the operator's environment token. */
export const PLATFORM_ADMIN_TOKEN_PRINCIPAL: Principal = Object.freeze({
  role: Role.PLATFORM_ADMIN,
  accountId: null,
  apiKeyId: null,
  actor: 'platform_admin_token',
});

/**
 * The account the caller is confined to when reading or writing tenant data, or null when the
 * caller's role spans every tenant. Queries filter on it so another tenant's rows read as absent.
 */
export function tenantScope(principal: Principal): string | null {
  return isPlatformRole(principal.role) ? null : principal.accountId;
}

/** Returns true when the principal may see objects of `accountId`. */
export function canSee(principal: Principal, accountId: string): boolean {
  const scope = tenantScope(principal);
  return scope === null || scope === accountId;
}

/** @throws ForbiddenError unless the principal's role is one of `roles`. */
export function requireRole(principal: Principal, roles: readonly Role[], action: string): void {
  if (!roles.includes(principal.role)) {
    throw new ForbiddenError(`Role ${principal.role} may not ${action}`, { requiredRoles: roles });
  }
}
