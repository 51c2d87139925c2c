// Goal: the alerts card keeps the account's unacknowledged alerts newest first, adds live ones once, drops acknowledged ones, and starts the live feed after the newest alert the account had; method: examples on small lists, feed positions beyond 2^53 included.
import { describe, expect, it } from 'vitest';
import { canAcknowledgeAlerts, feedStartOf, withAlert, withoutAlert } from '../../../../client/src/routes/overview/account-alerts.js';

const alert = (id: string, sequence: string, acknowledgedAt: string | null = null) => ({ id, sequence, acknowledgedAt });

describe('feedStartOf', () => {
  it('is the highest position seen, compared as integers', () => {
    expect(feedStartOf([alert('a', '9'), alert('b', '10')], [alert('c', '2')])).toBe('10');
    expect(feedStartOf([alert('a', '9007199254740993')], [alert('b', '9007199254740992')])).toBe('9007199254740993');
    // An acknowledged alert newer than every unacknowledged one moves the start on too.
    expect(feedStartOf([alert('a', '3')], [alert('n', '7')])).toBe('7');
  });

  it('is "0" when the account has no alert yet', () => {
    expect(feedStartOf([], [])).toBe('0');
    expect(feedStartOf()).toBe('0');
  });
});

describe('withAlert', () => {
  it('puts a new alert in its place, newest first', () => {
    const list = [alert('c', '30'), alert('a', '10')];
    expect(withAlert(list, alert('b', '20')).map((kept) => kept.id)).toEqual(['c', 'b', 'a']);
    expect(withAlert(list, alert('d', '40')).map((kept) => kept.id)).toEqual(['d', 'c', 'a']);
  });

  it('keeps an alert delivered twice once', () => {
    const list = [alert('a', '10')];
    expect(withAlert(withAlert(list, alert('a', '10')), alert('a', '10'))).toEqual([alert('a', '10')]);
  });

  it('drops an acknowledged alert, whether it was listed or not', () => {
    const list = [alert('b', '20'), alert('a', '10')];
    expect(withAlert(list, alert('a', '10', '2026-12-06T10:00:00Z'))).toEqual([alert('b', '20')]);
    expect(withAlert(list, alert('z', '99', '2026-12-06T10:00:00Z'))).toEqual(list);
  });

  it('keeps at most max, the newest', () => {
    const list = [alert('b', '20'), alert('a', '10')];
    expect(withAlert(list, alert('c', '30'), 2).map((kept) => kept.id)).toEqual(['c', 'b']);
    expect(withAlert(list, alert('z', '5'), 2).map((kept) => kept.id)).toEqual(['b', 'a']);
  });
});

describe('withoutAlert and canAcknowledgeAlerts', () => {
  it('removes by id', () => {
    expect(withoutAlert([alert('b', '20'), alert('a', '10')], 'b')).toEqual([alert('a', '10')]);
    expect(withoutAlert([alert('a', '10')], 'x')).toEqual([alert('a', '10')]);
  });

  it('lets owners, campaign managers and staff acknowledge; integrations read only', () => {
    expect(canAcknowledgeAlerts('OWNER')).toBe(true);
    expect(canAcknowledgeAlerts('CAMPAIGN_MANAGER')).toBe(true);
    expect(canAcknowledgeAlerts('SUPPORT')).toBe(true);
    expect(canAcknowledgeAlerts('PLATFORM_ADMIN')).toBe(true);
    expect(canAcknowledgeAlerts('INTEGRATOR')).toBe(false);
  });
});
