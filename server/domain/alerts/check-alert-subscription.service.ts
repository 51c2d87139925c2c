import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ResumeWindowExceededError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import type { AlertKind } from './alert-kinds.js';
import { alertScope, parseAlertPosition } from './alerts.service.js';
import { selectAcknowledgementRetentionFloor } from './alert-feed.queries.js';
import { selectAlertsRetentionFloor } from './alerts.queries.js';
import { ACKNOWLEDGED_ALERTS, RAISED_ALERTS, type AlertFeedSource } from './read-alerts.service.js';

/** How a resume position of each alert feed is checked: its argument's name and where retention stands. */
interface FeedCheck {
  source: AlertFeedSource;
  /** The argument carrying the position. */
  field: string;
  /** The highest position retention has deleted, or null. */
  floor(em: EntityManager): Promise<string | null>;
}

const RAISED_CHECK: FeedCheck = {
  source: RAISED_ALERTS,
  field: 'afterPosition',
  floor: async (em) => (await selectAlertsRetentionFloor.maybeOne(em))?.position ?? null,
};

const ACKNOWLEDGED_CHECK: FeedCheck = {
  source: ACKNOWLEDGED_ALERTS,
  field: 'afterAcknowledgementPosition',
  floor: async (em) => (await selectAcknowledgementRetentionFloor.maybeOne(em))?.position ?? null,
};

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
  return checkFeedSubscription(em, RAISED_CHECK, request);
}

/**
 * Checks a subscription to acknowledgements (alertAcknowledged) like {@link checkAlertSubscription}:
 * `afterPosition` here is an acknowledgement position (the argument `afterAcknowledgementPosition`).
 * @throws BadUserInputError (`afterAcknowledgementPosition` malformed or ahead of the newest, `kinds` empty).
 * @throws NotFoundError for an account the caller may not see.
 * @throws ResumeWindowExceededError when retention has deleted an alert acknowledged after the position.
 */
export async function checkAcknowledgementSubscription(
  em: EntityManager,
  request: AlertSubscriptionRequest,
): Promise<AlertSubscriptionStart> {
  return checkFeedSubscription(em, ACKNOWLEDGED_CHECK, request);
}

async function checkFeedSubscription(
  em: EntityManager,
  check: FeedCheck,
  request: AlertSubscriptionRequest,
): Promise<AlertSubscriptionStart> {
  const afterId = parseAlertPosition(check.field, request.afterPosition);
  const accountId = alertScope(request.principal, request.accountId);
  if (request.kinds && request.kinds.length === 0)
    throw new BadUserInputError('kinds', 'kinds must name at least one kind, or be left out');
  if (afterId !== null) {
    const head = await check.source.head(em);
    if (afterId > head)
      throw new BadUserInputError(check.field, `${check.field} ${afterId} is ahead of the newest ${check.source.name}'s position ${head}`);
    const floor = await check.floor(em);
    if (floor !== null && afterId < BigInt(floor)) {
      throw new ResumeWindowExceededError(
        `${check.field} ${afterId} is older than the alerts kept (acknowledged alerts are deleted after alertRetentionMs): ` +
          `subscribe without ${check.field} and list alerts instead`,
        check.field,
        'alertRetentionMs',
      );
    }
  }
  return { afterId, accountId, kinds: request.kinds ?? null };
}
