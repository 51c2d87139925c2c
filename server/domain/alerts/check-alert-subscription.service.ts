import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ResumeWindowExceededError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import type { AlertKind } from './alert-kinds.js';
import { alertScope, parseAlertPosition } from './alerts.service.js';
import { selectAlertHead, selectAlertsRetentionFloor } from './alerts.queries.js';

/** What a subscriber to raised alerts asks for. */
export interface AlertSubscriptionRequest {
  principal: Principal;
  /** Only this account's alerts (SUPPORT and PLATFORM_ADMIN: any account; others: their own). */
  accountId?: string | null;
  /** Only these kinds (null: every kind). */
  kinds?: readonly AlertKind[] | null;
  /** The position of the last alert the subscriber has ("0": from the first); null: live alerts only. */
  afterPosition?: string | null;
}

/** Where an alert stream starts and what it filters, as checked by {@link checkAlertSubscription}. */
export interface AlertSubscriptionStart {
  /** Replay the alerts after this position first; null: live alerts only. */
  afterId: bigint | null;
  /** The account whose alerts are streamed; null: every account (SUPPORT and PLATFORM_ADMIN). */
  accountId: string | null;
  kinds: readonly AlertKind[] | null;
}

/**
 * Checks a subscription to raised alerts before its stream opens: the position is one this feed
 * gave out and its alerts are all still kept (acknowledged alerts are deleted after
 * `alertRetentionMs`, and a replay from before a deleted one would skip it).
 * @throws BadUserInputError (`afterPosition` malformed or ahead of the newest alert, `kinds` empty).
 * @throws NotFoundError for an account the caller may not see.
 * @throws ResumeWindowExceededError when retention has deleted an alert after `afterPosition`.
 */
export async function checkAlertSubscription(em: EntityManager, request: AlertSubscriptionRequest): Promise<AlertSubscriptionStart> {
  const afterId = parseAlertPosition('afterPosition', request.afterPosition);
  const accountId = alertScope(request.principal, request.accountId);
  if (request.kinds && request.kinds.length === 0)
    throw new BadUserInputError('kinds', 'kinds must name at least one kind, or be left out');
  if (afterId !== null) {
    const head = BigInt((await selectAlertHead.one(em)).id);
    if (afterId > head)
      throw new BadUserInputError('afterPosition', `afterPosition ${afterId} is ahead of the newest alert's position ${head}`);
    const floor = await selectAlertsRetentionFloor.maybeOne(em);
    if (floor?.position != null && afterId < BigInt(floor.position)) {
      throw new ResumeWindowExceededError(
        `afterPosition ${afterId} is older than the alerts kept (acknowledged alerts are deleted after alertRetentionMs): ` +
          'subscribe without afterPosition and list alerts instead',
        'afterPosition',
        'alertRetentionMs',
      );
    }
  }
  return { afterId, accountId, kinds: request.kinds ?? null };
}
