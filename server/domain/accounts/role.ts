/** What an API key (or the operator's token) may do. */
export enum Role {
  OWNER = 'OWNER',
  CAMPAIGN_MANAGER = 'CAMPAIGN_MANAGER',
  INTEGRATOR = 'INTEGRATOR',
  /** Platform staff: reads every account, adjusts balances with a reason. */
  SUPPORT = 'SUPPORT',
  /** The operator: creates accounts, does anything. */
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
}

/** Roles that act across all tenants and belong to no account. */
export const PLATFORM_ROLES: readonly Role[] = [Role.SUPPORT, Role.PLATFORM_ADMIN];

/** Returns true for SUPPORT and PLATFORM_ADMIN. */
export function isPlatformRole(role: Role): boolean {
  return PLATFORM_ROLES.includes(role);
}
