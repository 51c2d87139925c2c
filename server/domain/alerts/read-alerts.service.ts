import type { Db } from '../../database/sql.js';
import type { AlertKind } from './alert-kinds.js';
import {
  selectAcknowledgementHead,
  selectAcknowledgementsAfter,
  selectAlertHead,
  selectAlertRetentionFloor,
  selectAlertsAfter,
} from './alert-feed.queries.js';
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

/** Alerts acknowledged after the acknowledgement position `afterId`, in acknowledgement order, filtered like {@link readAlertsAfter}. */
export async function readAcknowledgementsAfter(
  db: Db,
  options: { afterId: bigint; limit: number; accountId?: string | null; kinds?: readonly AlertKind[] | null },
): Promise<AlertRecord[]> {
  const rows = await selectAcknowledgementsAfter.all(db, {
    afterPosition: options.afterId,
    accountId: options.accountId ?? null,
    kinds: options.kinds ?? null,
    limit: options.limit,
  });
  return rows.map(toAlertRecord);
}

/** The newest acknowledgement position committed, 0 when there is none. */
export async function acknowledgementHead(db: Db): Promise<bigint> {
  return BigInt((await selectAcknowledgementHead.one(db)).id);
}

/**
 * One of the two alert feeds a process follows, both read by position with no gap: the alerts as
 * raised (position: the alert's id) and the alerts as acknowledged (position: the acknowledgement's).
 */
export interface AlertFeedSource {
  /** What the feed reports, for messages: "alert" or "acknowledgement". */
  name: string;
  /** The newest position committed (0: none yet). */
  head(db: Db): Promise<bigint>;
  /** Items after `afterId`, in position order. */
  readAfter(
    db: Db,
    options: { afterId: bigint; limit: number; accountId?: string | null; kinds?: readonly AlertKind[] | null },
  ): Promise<AlertRecord[]>;
  /** An item's position in this feed. */
  positionOf(alert: AlertRecord): bigint;
}

/** Alerts as they are raised (alertRaised). */
export const RAISED_ALERTS: AlertFeedSource = {
  name: 'alert',
  head: alertHead,
  readAfter: readAlertsAfter,
  positionOf: (alert) => alert.id,
};

/** Alerts as they are acknowledged (alertAcknowledged): each acknowledged alert once, at its acknowledgement's position. */
export const ACKNOWLEDGED_ALERTS: AlertFeedSource = {
  name: 'acknowledgement',
  head: acknowledgementHead,
  readAfter: readAcknowledgementsAfter,
  positionOf: (alert) => alert.acknowledgementPosition ?? 0n,
};
