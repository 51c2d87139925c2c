// Goal: the dashboard words every refund request and sender ID status the same way on every page (owner, support queue, account page); method: examples.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../client/src/utils/money.js';
import {
  REFUND_REQUEST_STATUS_TEXT,
  providerReasonText,
  refundFailureText,
  refundRequestStatusClass,
} from '../../../client/src/utils/refund-request-status.js';
import {
  SENDER_ID_STATUS_TEXT,
  senderIdRenewalText,
  senderIdStatusClass,
  senderIdStatusDetail,
} from '../../../client/src/utils/sender-id-status.js';

describe('refund request status', () => {
  it('has words and a tone for every status, failed ones in the failure tone', () => {
    for (const status of ['PENDING', 'APPROVED', 'DECLINED', 'CANCELLED', 'FAILED'])
      expect(REFUND_REQUEST_STATUS_TEXT[status]).toBeTruthy();
    expect(refundRequestStatusClass('FAILED')).toBe('status status--failed');
    expect(refundRequestStatusClass('APPROVED')).toBe('status status--completed');
    expect(refundRequestStatusClass('PENDING')).toBe('status status--pending');
  });

  it("says what did not reach the card and the provider's reason, only when FAILED", () => {
    const failed = { status: 'FAILED', currency: 'USD', failedAmount: '40', failureReason: 'expired_or_canceled_card' };
    expect(refundFailureText(failed, formatMoney)).toBe(
      '$40.00 could not be paid to the card (expired or canceled card); the credit is back in the wallet.',
    );
    expect(refundFailureText({ ...failed, failedAmount: null, failureReason: null }, formatMoney)).toBe(
      'The refund could not be paid to the card (unknown); the credit is back in the wallet.',
    );
    expect(refundFailureText({ ...failed, status: 'APPROVED' }, formatMoney)).toBeNull();
    expect(providerReasonText('lost_or_stolen_card')).toBe('lost or stolen card');
  });
});

describe('sender ID status', () => {
  it('words each status with its detail and next renewal', () => {
    expect(SENDER_ID_STATUS_TEXT.PENDING).toBe('Waiting for approval');
    expect(senderIdStatusClass('GRACE')).toBe('status status--failed');
    expect(senderIdStatusDetail({ status: 'REJECTED', decisionReason: 'Trademark' })).toBe('Reason: Trademark');
    expect(senderIdStatusDetail({ status: 'CANCELLED', cancelReason: 'CANCELLED_BY_CUSTOMER' })).toBe('cancelled by customer');
    expect(senderIdStatusDetail({ status: 'APPROVED' })).toBeNull();
    expect(senderIdRenewalText({ status: 'CANCELLED', renewsAt: null })).toBe('—');
    expect(senderIdRenewalText({ status: 'RENEWAL_OWED', renewsAt: '2026-03-28T10:00:00.000Z' })).toMatch(/^Owed since /);
  });
});
