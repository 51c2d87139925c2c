/** The alert feed's reads: alerts in position order, the newest position, and what retention has deleted. */
import { sql } from '../../database/sql.js';
import type { AlertKind } from './alert-kinds.js';
import { ALERT_COLUMNS, type AlertRow } from './alerts.queries.js';

/** Alerts after a position, oldest first, of one account (or all when null) and kinds (or all when null). */
export const selectAlertsAfter = sql<
  AlertRow,
  { afterId: bigint; accountId: string | null; kinds: readonly AlertKind[] | null; limit: number }
>(
  `select ${ALERT_COLUMNS} from alert a
    where a.id > :afterId and (:accountId::uuid is null or a.account_id = :accountId) and (:kinds::text[] is null or a.kind = any(:kinds))
    order by a.id limit :limit`,
);

export const selectAlertHead = sql<{ id: string }>(`select coalesce(max(id), 0)::text as id from alert`);

/** The highest alert id retention has deleted (no row: none yet). */
export const selectAlertRetentionFloor = sql<{ position: string | null }>(
  `select position::text from retention_floor where name = 'alerts'`,
);

/** Acknowledged alerts after an acknowledgement position, in acknowledgement order, of one account (or all when null) and kinds (or all when null). */
export const selectAcknowledgementsAfter = sql<
  AlertRow,
  { afterPosition: bigint; accountId: string | null; kinds: readonly AlertKind[] | null; limit: number }
>(
  `select ${ALERT_COLUMNS} from alert a
    where a.acknowledgement_position > :afterPosition and (:accountId::uuid is null or a.account_id = :accountId)
      and (:kinds::text[] is null or a.kind = any(:kinds))
    order by a.acknowledgement_position limit :limit`,
);

/** The newest acknowledgement position committed (0: none yet). */
export const selectAcknowledgementHead = sql<{ id: string }>(`select position::text as id from alert_acknowledgement_head`);

/** The highest acknowledgement position retention has deleted (no row: none yet). */
export const selectAcknowledgementRetentionFloor = sql<{ position: string | null }>(
  `select position::text from retention_floor where name = 'alert_acknowledgements'`,
);
