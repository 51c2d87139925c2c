import type { Role } from '../accounts/role.js';

/** Someone who signs in to the dashboard. */
export interface UserRecord {
  id: string;
  accountId: string | null;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

export const USER_COLUMNS = `u.id, u.account_id, u.email, u.name, u.role, (extract(epoch from u.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from u.disabled_at) * 1000)::float8 as disabled_at_ms`;

export interface UserRow {
  id: string;
  account_id: string | null;
  email: string;
  name: string;
  role: Role;
  created_at_ms: number;
  disabled_at_ms: number | null;
}

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: new Date(row.created_at_ms),
    disabledAt: row.disabled_at_ms === null ? null : new Date(row.disabled_at_ms),
  };
}

/** Lower-cased, trimmed e-mail; null when it does not look like one. */
export function normalizeEmail(email: string): string | null {
  const normalized = email.trim().toLowerCase();
  return normalized.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized) ? normalized : null;
}
