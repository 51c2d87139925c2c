// Goal: the Numbers page words a received call's direction, status and billed time the way people read them. Method: the pure helpers on examples.
import { describe, expect, it } from 'vitest';
import { callStatusText, directionLabel, durationText } from '../../../../client/src/routes/numbers/inbound-calls.js';

describe('inbound call words', () => {
  it('names the direction and the status with its reason', () => {
    expect(directionLabel('INBOUND')).toBe('Inbound');
    expect(callStatusText('ACTIVE', null)).toBe('In progress');
    expect(callStatusText('COMPLETED', 'HANGUP')).toBe('Completed');
    expect(callStatusText('REFUSED', 'WALLET_SUSPENDED')).toBe('Refused: wallet suspended');
    expect(callStatusText('STOPPED', 'INSUFFICIENT_FUNDS')).toBe('Stopped: insufficient funds');
  });

  it('writes billed time in minutes and seconds', () => {
    expect(durationText(0)).toBe('0 s');
    expect(durationText(45)).toBe('45 s');
    expect(durationText(120)).toBe('2 min');
    expect(durationText(125)).toBe('2 min 5 s');
  });
});
