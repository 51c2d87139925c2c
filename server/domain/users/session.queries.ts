/** Which of some dashboard sessions have ended (signed out through any process, or expired): open sockets check it on a timer. */
import { sql } from '../../database/sql.js';

export const selectEndedSessions = sql<{ id: string }, { sessionIds: readonly string[] }>(
  'select id from user_session where id = any(:sessionIds::uuid[]) and (revoked_at is not null or expires_at <= now())',
);
