// Goal: the Notifications page has words for every kind the server lists, reads a kind added later sensibly, and confirms a saved choice in a sentence. Method: the kinds compared with the server's NotificationKind, examples.
import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_KIND_TEXT,
  notificationKindText,
  preferenceSavedMessage,
} from '../../../../client/src/routes/notifications/notification-kinds.js';
import { NOTIFICATION_KINDS } from '../../../../server/domain/notifications/notification-kind.js';

describe('notification kinds', () => {
  it('describes every kind the server has, in its order', () => {
    expect(Object.keys(NOTIFICATION_KIND_TEXT)).toEqual([...NOTIFICATION_KINDS]);
  });

  it('reads an unknown kind from its name', () => {
    expect(notificationKindText('PLAN_RENEWED').label).toBe('Plan renewed');
  });

  it('confirms a saved choice', () => {
    expect(preferenceSavedMessage('LOW_BALANCE', false)).toBe('Low balance e-mails are off.');
    expect(preferenceSavedMessage('TOP_UP_RECEIPT', true)).toBe('Top-up receipts e-mails are on.');
  });
});
