import type { Db } from '../../database/sql.js';
import { selectEndedSessions } from './session.queries.js';

/** The ids among `sessionIds` of sessions signed out (through any process) or expired. */
export async function findEndedSessions(db: Db, sessionIds: readonly string[]): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  return (await selectEndedSessions.all(db, { sessionIds })).map((row) => row.id);
}
