// Goal: the support console's pure rules hold: the feed merges loaded, live and acknowledged copies of an alert into one (an acknowledgement is never undone), orders unacknowledged first then newest by position (beyond 2^53), filters by severity, resumes after the newest loaded position, and the actions read only positive amounts and name who acted. Method: examples for each rule plus a fast-check property over random feeds.
import { AlertKind } from '../../../../client/src/gql/graphql.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorLabel } from '../../../../client/src/routes/support/actor-label.js';
import {
  ALERT_KIND_LABELS,
  feedOrder,
  isAccountId,
  isAlertKind,
  mergeAlerts,
  resumePositionOf,
  type FeedAlert,
} from '../../../../client/src/routes/support/alert-feed.js';
import { parsePositiveAmount } from '../../../../client/src/routes/support/support-actions.js';
import { supportSectionOf } from '../../../../client/src/routes/support/support-paths.js';

const alert = (position: string, acknowledgedAt: string | null = null, severity: FeedAlert['severity'] = 'WARNING'): FeedAlert => ({
  id: `a${position}`,
  position,
  severity,
  acknowledgedAt,
});

describe('the alert feed', () => {
  it('keeps one copy per alert, the acknowledged one whichever list it came from', () => {
    const live = alert('7');
    const acknowledged = alert('7', '2026-12-06T08:00:00Z');
    expect(mergeAlerts([live], [acknowledged])).toEqual([acknowledged]);
    expect(mergeAlerts([acknowledged], [live])).toEqual([acknowledged]);
    expect(mergeAlerts([alert('1'), alert('2')], [alert('2')])).toHaveLength(2);
  });

  it('orders unacknowledged first, then newest first, comparing positions beyond 2^53 exactly', () => {
    const big = '9007199254740993';
    const bigger = '9007199254740994';
    const ordered = feedOrder([alert('5', 'x'), alert(big), alert('6'), alert(bigger, 'y'), alert(bigger.replace(/4$/, '5'))]);
    expect(ordered.map((a) => a.position)).toEqual(['9007199254740995', big, '6', bigger, '5']);
  });

  it('filters by severity on screen', () => {
    const alerts = [alert('1', null, 'CRITICAL'), alert('2', null, 'INFO'), alert('3', 'x', 'CRITICAL')];
    expect(feedOrder(alerts, 'CRITICAL').map((a) => a.position)).toEqual(['1', '3']);
    expect(feedOrder(alerts, null)).toHaveLength(3);
  });

  it('resumes after the newest alert loaded, or from the first when none is', () => {
    expect(resumePositionOf([])).toBe('0');
    expect(resumePositionOf([alert('12'), alert('9007199254740993'), alert('40')])).toBe('9007199254740993');
  });

  it('property: every alert once, unacknowledged ones before acknowledged ones, each group by descending position', () => {
    const feedAlert = fc.record({
      position: fc.bigInt({ min: 1n, max: 2n ** 62n }).map(String),
      acknowledged: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(feedAlert, { maxLength: 40 }), fc.array(feedAlert, { maxLength: 40 }), (first, second) => {
        const toAlerts = (list: typeof first) => list.map((a) => alert(a.position, a.acknowledged ? 'at' : null));
        const merged = feedOrder(mergeAlerts(toAlerts(first), toAlerts(second)));
        expect(new Set(merged.map((a) => a.id)).size).toBe(merged.length);
        expect(merged.length).toBe(new Set([...first, ...second].map((a) => a.position)).size);
        for (let index = 1; index < merged.length; index += 1) {
          const previous = merged[index - 1]!;
          const current = merged[index]!;
          const previousAcknowledged = previous.acknowledgedAt !== null;
          const currentAcknowledged = current.acknowledgedAt !== null;
          expect(previousAcknowledged && !currentAcknowledged).toBe(false);
          if (previousAcknowledged === currentAcknowledged) expect(BigInt(previous.position) > BigInt(current.position)).toBe(true);
        }
      }),
    );
  });

  it('reads filters from the address only when they name a kind or an account id', () => {
    expect(isAlertKind('LOW_BALANCE')).toBe(true);
    expect(isAlertKind('toString')).toBe(false);
    // Every kind the schema has, whatever their number (kinds are added by parallel work).
    expect(Object.keys(ALERT_KIND_LABELS).sort()).toEqual(Object.values(AlertKind).sort());
    expect(isAccountId('8E89D0BB-E86A-48FC-A742-3A5B7A40340D')).toBe(true);
    expect(isAccountId('8e89d0bb-e86a-48fc-a742-3a5b7a40340d ')).toBe(false);
  });
});

describe('the support actions', () => {
  it('take only amounts above zero with at most 6 decimals', () => {
    expect(parsePositiveAmount(' 25 ')).toBe('25');
    expect(parsePositiveAmount('0.000001')).toBe('0.000001');
    for (const refused of ['', '0', '0.00', '-5', '+5', '1e3', '1.0000001', '1,000', 'abc', '01']) {
      expect(parsePositiveAmount(refused), refused).toBeNull();
    }
  });

  it('name who acted, and staff as staff', () => {
    expect(actorLabel({ kind: 'USER', name: 'Sam Support', email: 'sam@example.com', staff: true })).toBe(
      'Sam Support <sam@example.com> · staff',
    );
    expect(actorLabel({ kind: 'USER', name: null, email: null, staff: true })).toBe('A user · staff');
    expect(actorLabel({ kind: 'API_KEY', name: 'Owner key', staff: false })).toBe('Owner key (API key)');
    expect(actorLabel({ kind: 'OPERATOR_TOKEN', staff: true })).toBe('Operator token · staff');
    expect(actorLabel({ kind: 'SYSTEM', name: 'stripe', staff: false })).toBe('stripe (system)');
  });

  it('know which section a path is in', () => {
    expect(supportSectionOf('/support/accounts')).toBe('accounts');
    expect(supportSectionOf('/support/refund-requests')).toBe('refund-requests');
    expect(supportSectionOf('/support/accounts/8e89d0bb-e86a-48fc-a742-3a5b7a40340d')).toBe('accounts');
    expect(supportSectionOf('/support/accountsx')).toBe('alerts');
    expect(supportSectionOf('/')).toBe('alerts');
    expect(supportSectionOf('/support/sender-ids')).toBe('sender-ids');
  });
});
