// Goal: a message's status and cost read as the wallet sees them (held while PENDING, charged once delivered or received, nothing once failed or expired), and the estimator's recipients parse as people type them; method: one example per status and per separator.
import { describe, expect, it } from 'vitest';
import {
  invalidRecipients,
  MESSAGE_STATUS_FILTERS,
  messageCost,
  messageStatusLabel,
  messageStatusTone,
  parseRecipients,
} from '../../../../client/src/routes/messages/messages.js';

describe('status and cost', () => {
  it('calls PENDING "Held" and offers every status as a filter', () => {
    expect(messageStatusLabel('PENDING')).toBe('Held');
    expect(messageStatusLabel('DELIVERED')).toBe('Delivered');
    expect(MESSAGE_STATUS_FILTERS.map((filter) => filter.value)).toEqual(['', 'PENDING', 'DELIVERED', 'FAILED', 'EXPIRED', 'RECEIVED']);
    expect(messageStatusTone('FAILED')).toBe('failed');
    expect(messageStatusTone('PENDING')).toBe('pending');
  });

  it('costs the hold while held, the price once charged, nothing once released', () => {
    expect(messageCost({ status: 'PENDING', price: '0.08', hold: '0.08' })).toEqual({ amount: '0.08', note: 'held' });
    expect(messageCost({ status: 'DELIVERED', price: '0.08', hold: '0' })).toEqual({ amount: '0.08', note: 'charged' });
    expect(messageCost({ status: 'RECEIVED', price: '0.01', hold: '0' })).toEqual({ amount: '0.01', note: 'charged' });
    expect(messageCost({ status: 'FAILED', price: '0.08', hold: '0' })).toEqual({ amount: '0', note: 'released' });
    expect(messageCost({ status: 'EXPIRED', price: '0.08', hold: '0' })).toEqual({ amount: '0', note: 'released' });
  });
});

describe('recipients', () => {
  it('splits on new lines, commas and semicolons and drops spaces, dashes and brackets inside a number', () => {
    expect(parseRecipients('+44 7700 900123,\n+1 (555) 010-0000; ;')).toEqual(['+447700900123', '+15550100000']);
    expect(parseRecipients('   ')).toEqual([]);
  });

  it('flags what is not E.164', () => {
    expect(invalidRecipients(['+447700900123', '07700900123', '+0123456789', '+123456'])).toEqual([
      '07700900123',
      '+0123456789',
      '+123456',
    ]);
  });
});
