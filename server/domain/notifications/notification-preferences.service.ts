import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { transaction } from '../../database/sql.js';
import { ForbiddenError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import { NOTIFICATION_KINDS, notificationEmailDefault, type NotificationKind } from './notification-kind.js';
import { selectPreferencesOfUser, upsertPreference } from './notifications.queries.js';

/** Whether a user gets e-mail of one kind. */
export interface NotificationPreference {
  kind: NotificationKind;
  email: boolean;
}

/**
 * The signed-in user of a principal: preferences belong to a person, so API keys and the
 * operator's token have none.
 * @throws ForbiddenError for a principal without a user (an API key or the operator's token).
 */
function userIdOf(principal: Principal): string {
  if (!principal.userId) {
    throw new ForbiddenError(
      'Notification settings belong to a signed-in user: sign in to the dashboard (API keys and the operator token have none)',
    );
  }
  return principal.userId;
}

/**
 * Every kind with the user's choice, defaults filled in, in {@link NOTIFICATION_KINDS} order.
 * @throws ForbiddenError unless `userId` is the principal's own user.
 */
export async function listNotificationPreferences(
  em: EntityManager,
  options: { principal: Principal; userId: string },
): Promise<NotificationPreference[]> {
  if (userIdOf(options.principal) !== options.userId)
    throw new ForbiddenError('Only the user themself can see their notification settings');
  const rows = await selectPreferencesOfUser.all(em, { userId: options.userId });
  const chosen = new Map(rows.map((row) => [row.kind, row.email]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, email: chosen.get(kind) ?? notificationEmailDefault(kind) }));
}

/**
 * Turns e-mail of one kind on or off for the signed-in user (idempotent). Mails already queued
 * are still sent; the choice applies to notifications raised after it.
 * @throws ForbiddenError for an API key or the operator's token.
 */
export async function setNotificationPreference(
  em: EntityManager,
  options: { principal: Principal; kind: NotificationKind; email: boolean; nowMs: number },
): Promise<NotificationPreference[]> {
  const userId = userIdOf(options.principal);
  // The choice and its audit log entry are one transaction; choosing what was already in force is not logged.
  await transaction(em, async (tx) => {
    const rows = await selectPreferencesOfUser.all(tx, { userId });
    const before = rows.find((row) => row.kind === options.kind)?.email ?? notificationEmailDefault(options.kind);
    await upsertPreference.run(tx, { userId, kind: options.kind, email: options.email, nowMs: options.nowMs });
    if (before === options.email) return;
    await recordAudit(tx, {
      principal: options.principal,
      accountId: options.principal.accountId,
      action: AuditAction.NOTIFICATION_PREFERENCE_CHANGED,
      targetType: 'USER',
      targetId: userId,
      before: { kind: options.kind, email: before },
      after: { kind: options.kind, email: options.email },
    });
  });
  return listNotificationPreferences(em, { principal: options.principal, userId });
}
