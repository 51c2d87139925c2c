// Goal: the settings of numbers kept while suspended and of sender IDs read from the environment as documented (defaults, valid values, malformed ones refused at start). Method: loadConfig on hand-made environments, no server.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

describe('NUMBERS_WHILE_SUSPENDED', () => {
  it('defaults to keep, accepts keep and grace, and refuses anything else', () => {
    expect(loadConfig({}).numbersWhileSuspended).toBe('keep');
    expect(loadConfig({ NUMBERS_WHILE_SUSPENDED: 'grace' }).numbersWhileSuspended).toBe('grace');
    expect(loadConfig({ NUMBERS_WHILE_SUSPENDED: 'keep' }).numbersWhileSuspended).toBe('keep');
    expect(() => loadConfig({ NUMBERS_WHILE_SUSPENDED: 'release' })).toThrow(/NUMBERS_WHILE_SUSPENDED/);
  });
});

describe('sender ID settings', () => {
  it('monthly fees per currency: defaults, exact micros from SENDER_ID_MONTHLY_FEES, malformed refused', () => {
    expect(loadConfig({}).senderIdMonthlyMicros).toMatchObject({ USD: 5_000_000n, EUR: 5_000_000n, GBP: 5_000_000n });
    expect(loadConfig({ SENDER_ID_MONTHLY_FEES: 'USD=4.5,EUR=0.000001' }).senderIdMonthlyMicros).toEqual({ USD: 4_500_000n, EUR: 1n });
    for (const bad of ['USD', 'usd=5', 'USD=5.1234567', 'USD=-1']) {
      expect(() => loadConfig({ SENDER_ID_MONTHLY_FEES: bad })).toThrow(/SENDER_ID_MONTHLY_FEES/);
    }
  });

  it('SENDER_IDS_PER_ACCOUNT_MAX defaults to 5 and must be at least 1', () => {
    expect(loadConfig({}).senderIdsPerAccountMax).toBe(5);
    expect(loadConfig({ SENDER_IDS_PER_ACCOUNT_MAX: '1' }).senderIdsPerAccountMax).toBe(1);
    expect(() => loadConfig({ SENDER_IDS_PER_ACCOUNT_MAX: '0' })).toThrow(/SENDER_IDS_PER_ACCOUNT_MAX/);
  });
});
