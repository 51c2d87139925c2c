/** The notifications area's SQL: users' e-mail preferences per notification kind. */
import { sql } from '../../database/sql.js';
import type { NotificationKind } from './notification-kind.js';

/** The kinds a user chose for (kinds never chosen have no row). */
export const selectPreferencesOfUser = sql<{ kind: NotificationKind; email: boolean }, { userId: string }>(
  'select kind, email from notification_preference where user_id = :userId',
);

/** Sets a user's choice for one kind, at `nowMs` (epoch milliseconds). */
export const upsertPreference = sql<never, { userId: string; kind: NotificationKind; email: boolean; nowMs: number }>(
  `insert into notification_preference (user_id, kind, email, updated_at) values (:userId, :kind, :email, to_timestamp(:nowMs / 1000.0))
   on conflict (user_id, kind) do update set email = excluded.email, updated_at = excluded.updated_at`,
);
