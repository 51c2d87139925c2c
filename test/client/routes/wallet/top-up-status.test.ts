// Goal: every top-up status maps to what the panel shows, and the panel asks the server for news only once per top-up when its credit arrives; method: one example per status and the refresh rule's cases.
import { describe, expect, it } from 'vitest';
import {
  TopUpStatus,
  type ReceiptFieldsFragment as Receipt,
  type TopUpFieldsFragment as TopUpState,
} from '../../../../client/src/gql/graphql.js';
import {
  AUTHENTICATION_UNAVAILABLE_REASON,
  creditingTransaction,
  FAILURE_REASON_FALLBACK,
  isFinalTopUpStatus,
  latestTopUp,
  shouldRefreshOnCredit,
  topUpView,
} from '../../../../client/src/routes/wallet/top-up-status.js';

/** The schema's values, in schema order. */
const TOP_UP_STATUSES = Object.values(TopUpStatus);

const receipt = { receiptNumber: 'SW-1', transactionId: 't-1' } as Receipt;

function topUp(status: TopUpStatus, fields: Partial<TopUpState> = {}): TopUpState {
  return {
    id: 'top-up-1',
    walletId: 'wallet-1',
    status,
    currency: 'USD',
    amount: '25',
    tax: '0',
    taxRate: '0',
    taxLabel: 'No tax',
    total: '25',
    clientSecret: 'pi_1_secret_x',
    paymentIntentId: 'pi_1',
    cardBrand: 'visa',
    cardLast4: '4242',
    failureCode: null,
    failureReason: null,
    receipt: null,
    updatedAt: '2026-11-22T01:37:12.000Z',
    ...fields,
  };
}

const credit = { kind: 'TOP_UP', type: 'CREDIT', paymentIntentId: 'pi_1' } as const;

describe('topUpView', () => {
  it('shows PROCESSING as processing', () => {
    expect(topUpView(topUp('PROCESSING'))).toEqual({ kind: 'processing' });
  });

  it('shows SUCCEEDED with its receipt, and as processing until the receipt is there', () => {
    expect(topUpView(topUp('SUCCEEDED', { receipt, clientSecret: null }))).toEqual({ kind: 'succeeded', receipt });
    expect(topUpView(topUp('SUCCEEDED', { receipt: null }))).toEqual({ kind: 'processing' });
  });

  it('asks for 3-D Secure with the PaymentIntent and its client secret', () => {
    expect(topUpView(topUp('REQUIRES_ACTION'))).toEqual({ kind: 'authenticate', paymentIntentId: 'pi_1', clientSecret: 'pi_1_secret_x' });
  });

  it('cannot authenticate without a client secret or PaymentIntent, and says so', () => {
    expect(topUpView(topUp('REQUIRES_ACTION', { clientSecret: null }))).toEqual({
      kind: 'failed',
      reason: AUTHENTICATION_UNAVAILABLE_REASON,
    });
    expect(topUpView(topUp('REQUIRES_ACTION', { paymentIntentId: null }))).toEqual({
      kind: 'failed',
      reason: AUTHENTICATION_UNAVAILABLE_REASON,
    });
  });

  it('shows FAILED with the server’s reason, or a fallback', () => {
    const reason = '3-D Secure authentication failed. Try again or use a different card.';
    expect(topUpView(topUp('FAILED', { failureReason: reason }))).toEqual({ kind: 'failed', reason });
    expect(topUpView(topUp('FAILED', { failureReason: null }))).toEqual({ kind: 'failed', reason: FAILURE_REASON_FALLBACK });
    expect(topUpView(topUp('FAILED', { failureReason: '  ' }))).toEqual({ kind: 'failed', reason: FAILURE_REASON_FALLBACK });
  });

  it('shows CANCELED and REQUIRES_PAYMENT_METHOD', () => {
    expect(topUpView(topUp('CANCELED'))).toEqual({ kind: 'canceled' });
    expect(topUpView(topUp('REQUIRES_PAYMENT_METHOD'))).toEqual({ kind: 'needs-card' });
  });

  it('has a view for every status of the schema', () => {
    for (const status of TOP_UP_STATUSES) expect(topUpView(topUp(status)).kind, status).toBeTypeOf('string');
  });
});

describe('isFinalTopUpStatus', () => {
  it('is final for SUCCEEDED, FAILED and CANCELED only', () => {
    expect(TOP_UP_STATUSES.filter(isFinalTopUpStatus)).toEqual(['SUCCEEDED', 'FAILED', 'CANCELED']);
  });
});

describe('creditingTransaction', () => {
  it('finds the TOP_UP credit of the PaymentIntent', () => {
    const rows = [{ kind: 'CHARGE', type: 'DEBIT', paymentIntentId: null } as const, credit];
    expect(creditingTransaction(rows, 'pi_1')).toBe(credit);
  });

  it('ignores other PaymentIntents, other kinds, and a top-up without a PaymentIntent', () => {
    expect(creditingTransaction([credit], 'pi_2')).toBeUndefined();
    expect(creditingTransaction([{ kind: 'REFUND', type: 'DEBIT', paymentIntentId: 'pi_1' }], 'pi_1')).toBeUndefined();
    expect(creditingTransaction([{ kind: 'TOP_UP', type: 'CREDIT', paymentIntentId: null }], null)).toBeUndefined();
  });
});

describe('shouldRefreshOnCredit', () => {
  it('refreshes a processing top-up once its credit arrived', () => {
    expect(shouldRefreshOnCredit(topUp('PROCESSING'), [credit], new Set())).toBe(true);
  });

  it('waits while the credit has not arrived', () => {
    expect(shouldRefreshOnCredit(topUp('PROCESSING'), [], new Set())).toBe(false);
    expect(shouldRefreshOnCredit(topUp('PROCESSING'), [{ ...credit, paymentIntentId: 'pi_other' }], new Set())).toBe(false);
  });

  it('refreshes at most once per top-up', () => {
    expect(shouldRefreshOnCredit(topUp('PROCESSING'), [credit], new Set(['top-up-1']))).toBe(false);
    expect(shouldRefreshOnCredit(topUp('PROCESSING', { id: 'top-up-2' }), [credit], new Set(['top-up-1']))).toBe(true);
  });

  it('never refreshes a final top-up', () => {
    expect(shouldRefreshOnCredit(topUp('SUCCEEDED', { receipt }), [credit], new Set())).toBe(false);
    expect(shouldRefreshOnCredit(topUp('FAILED'), [credit], new Set())).toBe(false);
  });
});

describe('latestTopUp', () => {
  it('takes any answer when nothing is shown, or another top-up', () => {
    const next = topUp('PROCESSING');
    expect(latestTopUp(null, next)).toBe(next);
    const other = topUp('FAILED', { id: 'top-up-2' });
    expect(latestTopUp(other, next)).toBe(next);
  });

  it('takes a newer answer about the same top-up', () => {
    const current = topUp('PROCESSING');
    const next = topUp('SUCCEEDED', { receipt, updatedAt: '2026-11-22T01:37:13.000Z' });
    expect(latestTopUp(current, next)).toBe(next);
  });

  it('keeps a final status against a late non-final answer', () => {
    const current = topUp('SUCCEEDED', { receipt });
    expect(latestTopUp(current, topUp('PROCESSING', { updatedAt: '2026-11-22T01:40:00.000Z' }))).toBe(current);
  });

  it('keeps the later state against an earlier one', () => {
    const current = topUp('REQUIRES_ACTION', { updatedAt: '2026-11-22T01:37:13.000Z' });
    expect(latestTopUp(current, topUp('PROCESSING', { updatedAt: '2026-11-22T01:37:12.000Z' }))).toBe(current);
  });
});
