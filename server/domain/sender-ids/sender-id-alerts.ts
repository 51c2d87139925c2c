import type { Db } from '../../database/sql.js';
import type { AlertKind } from '../alerts/alert-kinds.js';
import { publishAlertCause } from '../alerts/raise-alerts.service.js';

/** One alert about a sender ID (mailed to the owner and sent to webhooks from there), deduplicated by `dedupeKey`. */
export async function publishSenderIdAlert(
  db: Db,
  sender: { accountId: string; walletId: string },
  alert: {
    kind: AlertKind.SENDER_ID_APPROVED | AlertKind.SENDER_ID_REJECTED | AlertKind.SENDER_ID_RENEWAL_FAILED | AlertKind.SENDER_ID_CANCELLED;
    currency: string;
    amountMicros: bigint | null;
    message: string;
    dedupeKey: string;
  },
): Promise<void> {
  await publishAlertCause(db, sender.accountId, {
    kind: alert.kind,
    walletId: sender.walletId,
    currency: alert.currency,
    amountMicros: alert.amountMicros === null ? null : alert.amountMicros.toString(),
    message: alert.message.slice(0, 1000),
    dedupeKey: alert.dedupeKey,
  });
}
