// Goal: a card top-up's credit is found with its receipt by PaymentIntent, the list of top-ups is fetched again only when a credit's receipt is missing, and statuses and origins read in words; method: examples.
import { TopUpOrigin, TopUpStatus } from '../../../client/src/gql/graphql.js';
import { describe, expect, it } from 'vitest';
import {
  hasCardReceipt,
  paymentIntentsMissingReceipts,
  topUpOriginLabel,
  topUpsByPaymentIntent,
  topUpStatusLabel,
  topUpStatusTone,
} from '../../../client/src/utils/top-up-history.js';

/** The schema's values, in schema order. */
const TOP_UP_ORIGINS = Object.values(TopUpOrigin);
const TOP_UP_STATUSES = Object.values(TopUpStatus);

const credit = (paymentIntentId: string | null) => ({ kind: 'TOP_UP' as const, type: 'CREDIT' as const, paymentIntentId });
const receipt = { receiptNumber: 'SW-2026-00000001' } as never;

describe('hasCardReceipt', () => {
  it('is true for TOP_UP credits with a PaymentIntent only', () => {
    expect(hasCardReceipt(credit('pi_1'))).toBe(true);
    // A completed bank transfer is a TOP_UP without a PaymentIntent: no card receipt.
    expect(hasCardReceipt(credit(null))).toBe(false);
    expect(hasCardReceipt(credit(''))).toBe(false);
    expect(hasCardReceipt({ kind: 'REFUND', type: 'DEBIT', paymentIntentId: 'pi_1' })).toBe(false);
    expect(hasCardReceipt({ kind: 'ADJUSTMENT', type: 'CREDIT', paymentIntentId: 'pi_1' })).toBe(false);
  });
});

describe('topUpsByPaymentIntent', () => {
  it('keys the top-ups by PaymentIntent, the first of a duplicate winning, those without one left out', () => {
    const first = { id: '1', paymentIntentId: 'pi_1' };
    const map = topUpsByPaymentIntent([
      first,
      { id: '2', paymentIntentId: null },
      { id: '3', paymentIntentId: 'pi_1' },
      { id: '4', paymentIntentId: 'pi_4' },
    ]);
    expect([...map.keys()]).toEqual(['pi_1', 'pi_4']);
    expect(map.get('pi_1')).toBe(first);
  });
});

describe('paymentIntentsMissingReceipts', () => {
  it('lists the card credits whose top-up is absent or has no receipt yet, once each', () => {
    const rows = [
      credit('pi_known'),
      credit('pi_pending'),
      credit('pi_new'),
      credit('pi_new'),
      credit(null),
      { kind: 'CALL' as const, type: 'DEBIT' as const, paymentIntentId: null },
    ];
    const topUps = [
      { paymentIntentId: 'pi_known', receipt },
      { paymentIntentId: 'pi_pending', receipt: null },
    ];
    expect(paymentIntentsMissingReceipts(rows, topUps)).toEqual(['pi_pending', 'pi_new']);
    expect(paymentIntentsMissingReceipts([credit('pi_known')], topUps)).toEqual([]);
  });
});

describe('labels', () => {
  it('has words and a tone for every status and origin of the schema', () => {
    for (const status of TOP_UP_STATUSES) expect(topUpStatusLabel(status)).toMatch(/^[A-Z]/);
    for (const origin of TOP_UP_ORIGINS) expect(topUpOriginLabel(origin)).toMatch(/^[A-Z]/);
    expect(topUpStatusLabel('REQUIRES_ACTION')).toBe('Needs 3-D Secure');
    expect(topUpStatusTone('SUCCEEDED')).toBe('completed');
    expect(topUpStatusTone('CANCELED')).toBe('failed');
    expect(topUpStatusTone('PROCESSING')).toBe('pending');
    expect(topUpOriginLabel('AUTO_RECHARGE')).toBe('Auto-recharge');
  });
});
