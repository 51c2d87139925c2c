/**
 * The account's unacknowledged alerts as the overview's alerts card keeps them: the first page the
 * `alerts` query answered, then every alert `alertRaised` delivers after the newest one the account
 * had (no gap, none twice), minus those acknowledged. Pure; feed positions compared as integers.
 */
import type { Role } from '../../gql/graphql.js';
import { compareSequences } from '../../utils/sequence.js';

/** The alert fields the card keeps (overview-documents.ts `OverviewAlertFields`). */
export interface AccountAlert {
  id: string;
  /** The alert's feed position (decimal string): a higher one was raised later. */
  sequence: string;
  acknowledgedAt?: string | null;
}

/** Most alerts the card keeps (the newest): more are listed on the server. @default 50 */
export const ACCOUNT_ALERTS_KEPT_MAX = 50;

/** Roles that may acknowledge an alert (the `acknowledgeAlert` mutation's); the others see alerts read-only. */
export const ALERT_ACKNOWLEDGE_ROLES: readonly Role[] = ['OWNER', 'CAMPAIGN_MANAGER', 'SUPPORT', 'PLATFORM_ADMIN'];

/** Whether a key or user of this role may acknowledge alerts. */
export function canAcknowledgeAlerts(role: Role): boolean {
  return ALERT_ACKNOWLEDGE_ROLES.includes(role);
}

/**
 * Where `alertRaised` starts so that nothing raised after the query answered is missed: the
 * highest feed position among the alerts the query saw (the unacknowledged page and the newest of
 * all), or "0" when the account has none yet (then the feed replays every alert, which are all new).
 * @throws SequenceFormatError when a position is not a decimal string.
 */
export function feedStartOf(...seen: readonly (readonly Pick<AccountAlert, 'sequence'>[])[]): string {
  let highest = '0';
  for (const alerts of seen) for (const alert of alerts) if (compareSequences(alert.sequence, highest) > 0) highest = alert.sequence;
  return highest;
}

/**
 * The list with `alert` in its place (newest first by feed position) or, when it is acknowledged,
 * without it; an alert already there is replaced (a replay after a reconnect, or an answer to
 * acknowledging it). At most `max` are kept, the newest.
 * @throws SequenceFormatError when a position is not a decimal string.
 */
export function withAlert<A extends AccountAlert>(list: readonly A[], alert: A, max = ACCOUNT_ALERTS_KEPT_MAX): A[] {
  const others = list.filter((candidate) => candidate.id !== alert.id);
  if (alert.acknowledgedAt != null) return others;
  return [...others, alert].sort((left, right) => compareSequences(right.sequence, left.sequence)).slice(0, max);
}

/** The list without the alert of this id. */
export function withoutAlert<A extends AccountAlert>(list: readonly A[], id: string): A[] {
  return list.filter((candidate) => candidate.id !== id);
}
