import type { Db } from '../../database/sql.js';
import type { AlertKind } from './alert-kinds.js';
import { selectAlertHead, selectAlertRetentionFloor, selectAlertsAfter } from './alert-feed.queries.js';
import { toAlertRecord, type AlertRecord } from './alert-record.js';

/** Alerts after `afterId`, oldest first, of one account (or all when null) and kinds (or all when null). */
export async function readAlertsAfter(
  db: Db,
  options: { afterId: bigint; limit: number; accountId?: string | null; kinds?: readonly AlertKind[] | null },
): Promise<AlertRecord[]> {
  const rows = await selectAlertsAfter.all(db, {
    afterId: options.afterId,
    accountId: options.accountId ?? null,
    kinds: options.kinds ?? null,
    limit: options.limit,
  });
  return rows.map(toAlertRecord);
}

/** The newest alert's position, 0 when there is none. */
export async function alertHead(db: Db): Promise<bigint> {
  return BigInt((await selectAlertHead.one(db)).id);
}

/**
 * Whether every alert after `afterId` is still kept: false when retention has deleted one (the
 * highest id it deleted, `retention_floor` 'alerts', lies after `afterId`).
 */
export async function alertsKeptAfter(db: Db, afterId: bigint): Promise<boolean> {
  const row = await selectAlertRetentionFloor.maybeOne(db);
  return row?.position == null || afterId >= BigInt(row.position);
}
