import type { Role } from '../accounts/role.js';
import type { UserRow } from './users.queries.js';

/** Someone who signs in to the dashboard. */
export interface UserRecord {
  id: string;
  accountId: string | null;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
  /** When the user proved the e-mail address (opened the link mailed at sign-up, or accepted an invitation); null until then. */
  emailVerifiedAt: Date | null;
}

/** The record of a {@link UserRow}. */
export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: new Date(row.created_at_ms),
    disabledAt: row.disabled_at_ms === null ? null : new Date(row.disabled_at_ms),
    emailVerifiedAt:
      row.email_verified_at_ms === null || row.email_verified_at_ms === undefined ? null : new Date(row.email_verified_at_ms),
  };
}

/** Lower-cased, trimmed e-mail; null when it does not look like one. */
export function normalizeEmail(email: string): string | null {
  const normalized = email.trim().toLowerCase();
  return normalized.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized) ? normalized : null;
}
