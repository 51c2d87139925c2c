// Goal: a retry of a top-up that got no answer reuses its idempotency key (never charging twice), and any other submission gets a fresh one; method: walk attempts through each outcome with a counting key source, and check inputs and generated keys.
import { describe, expect, it } from 'vitest';
import {
  attemptOutcomeOf,
  newIdempotencyKey,
  nextTopUpAttempt,
  paymentMethodIdToSend,
  sameSubmission,
  topUpInputOf,
  withElementsPaymentMethod,
  type TopUpAttempt,
  type TopUpSubmission,
} from '../../../client/src/utils/top-up-attempt.js';

function keys() {
  let count = 0;
  return () => `key-${++count}`;
}

const visa: TopUpSubmission = {
  walletId: 'wallet-1',
  amount: '25',
  choice: { kind: 'test-card', paymentMethodId: 'pm_card_visa' },
  savePaymentMethod: false,
};

function settled(attempt: TopUpAttempt, outcome: TopUpAttempt['outcome']): TopUpAttempt {
  return { ...attempt, outcome };
}

describe('nextTopUpAttempt', () => {
  it('gives the first submission a new key', () => {
    const attempt = nextTopUpAttempt(null, visa, keys());
    expect(attempt).toEqual({ submission: visa, idempotencyKey: 'key-1', elementsPaymentMethodId: null, outcome: 'pending' });
  });

  it('reuses the key to retry the same submission after no answer', () => {
    const newKey = keys();
    const first = settled(nextTopUpAttempt(null, visa, newKey), 'unanswered');
    const retry = nextTopUpAttempt(first, { ...visa, amount: '25.00' }, newKey);
    expect(retry.idempotencyKey).toBe('key-1');
    expect(retry.outcome).toBe('pending');
  });

  it('reuses the key while the same submission is still in flight', () => {
    const newKey = keys();
    const first = nextTopUpAttempt(null, visa, newKey);
    expect(nextTopUpAttempt(first, visa, newKey).idempotencyKey).toBe('key-1');
  });

  it('gives a new key once the server answered, even for the same card (pay again after a decline)', () => {
    const newKey = keys();
    const first = settled(nextTopUpAttempt(null, visa, newKey), 'answered');
    expect(nextTopUpAttempt(first, visa, newKey).idempotencyKey).toBe('key-2');
  });

  it('gives a new key when anything of the submission changed after no answer', () => {
    const changes: TopUpSubmission[] = [
      { ...visa, amount: '50' },
      { ...visa, walletId: 'wallet-2' },
      { ...visa, choice: { kind: 'test-card', paymentMethodId: 'pm_card_mastercard' } },
      { ...visa, choice: { kind: 'saved', paymentMethodId: 'pm_card_visa' } },
      { ...visa, savePaymentMethod: true },
    ];
    for (const changed of changes) {
      const newKey = keys();
      const first = settled(nextTopUpAttempt(null, visa, newKey), 'unanswered');
      expect(nextTopUpAttempt(first, changed, newKey).idempotencyKey, JSON.stringify(changed)).toBe('key-2');
    }
  });

  it('keeps the Elements PaymentMethod of a retried attempt, and drops it for a new one', () => {
    const elements: TopUpSubmission = { ...visa, choice: { kind: 'elements' } };
    const newKey = keys();
    const first = nextTopUpAttempt(null, elements, newKey);
    expect(paymentMethodIdToSend(first)).toBeUndefined();
    const withCard = settled(withElementsPaymentMethod(first, 'pm_from_elements'), 'unanswered');
    const retry = nextTopUpAttempt(withCard, elements, newKey);
    expect(paymentMethodIdToSend(retry)).toBe('pm_from_elements');
    expect(retry.idempotencyKey).toBe('key-1');
    const fresh = nextTopUpAttempt(settled(retry, 'answered'), elements, newKey);
    expect(paymentMethodIdToSend(fresh)).toBeUndefined();
    expect(fresh.idempotencyKey).toBe('key-2');
  });
});

describe('sameSubmission', () => {
  it('ignores the save flag of a saved or default card, which is never sent', () => {
    const saved: TopUpSubmission = { ...visa, choice: { kind: 'saved', paymentMethodId: 'pm_a' } };
    expect(sameSubmission(saved, { ...saved, savePaymentMethod: true })).toBe(true);
    expect(sameSubmission(visa, { ...visa, savePaymentMethod: true })).toBe(false);
  });
});

describe('topUpInputOf', () => {
  it('sends the card, the key and the save flag of a new card', () => {
    const attempt = nextTopUpAttempt(null, { ...visa, savePaymentMethod: true }, keys());
    expect(topUpInputOf(attempt)).toEqual({
      walletId: 'wallet-1',
      amount: '25',
      paymentMethodId: 'pm_card_visa',
      savePaymentMethod: true,
      idempotencyKey: 'key-1',
    });
  });

  it('never asks to save a saved card, and sends null for the default card', () => {
    const saved = nextTopUpAttempt(null, { ...visa, choice: { kind: 'saved', paymentMethodId: 'pm_a' }, savePaymentMethod: true }, keys());
    expect(topUpInputOf(saved)).toMatchObject({ paymentMethodId: 'pm_a', savePaymentMethod: false });
    const byDefault = nextTopUpAttempt(null, { ...visa, choice: { kind: 'default' } }, keys());
    expect(topUpInputOf(byDefault)).toMatchObject({ paymentMethodId: null, savePaymentMethod: false });
  });

  it('refuses an Elements attempt whose PaymentMethod was not created', () => {
    const attempt = nextTopUpAttempt(null, { ...visa, choice: { kind: 'elements' } }, keys());
    expect(() => topUpInputOf(attempt)).toThrow(/Elements PaymentMethod/);
    expect(topUpInputOf(withElementsPaymentMethod(attempt, 'pm_x')).paymentMethodId).toBe('pm_x');
  });
});

describe('attemptOutcomeOf', () => {
  it('counts a lost request, a 5xx and an unknown server outcome as unanswered', () => {
    expect(attemptOutcomeOf({ kind: 'network' })).toBe('unanswered');
    expect(attemptOutcomeOf({ kind: 'http', statusCode: 502 })).toBe('unanswered');
    expect(attemptOutcomeOf({ kind: 'http', statusCode: 500 })).toBe('unanswered');
    expect(attemptOutcomeOf({ kind: 'http', statusCode: 429 })).toBe('unanswered');
    expect(attemptOutcomeOf({ kind: 'graphql', code: 'INTERNAL_SERVER_ERROR' })).toBe('unanswered');
    expect(attemptOutcomeOf({ kind: 'graphql', code: 'PAYMENT_PROVIDER_ERROR' })).toBe('unanswered');
  });

  it('counts refusals as answered', () => {
    expect(attemptOutcomeOf({ kind: 'http', statusCode: 400 })).toBe('answered');
    expect(attemptOutcomeOf({ kind: 'http', statusCode: 401 })).toBe('answered');
    for (const code of ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'INVALID_STATE', 'UNAUTHENTICATED', null]) {
      expect(attemptOutcomeOf({ kind: 'graphql', code }), String(code)).toBe('answered');
    }
  });
});

describe('newIdempotencyKey', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('uses crypto.randomUUID where it exists', () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4);
    expect(newIdempotencyKey({ randomUUID: () => 'from-random-uuid', getRandomValues: () => undefined })).toBe('from-random-uuid');
  });

  it('builds a UUID v4 from random bytes without randomUUID (plain HTTP)', () => {
    const allOnes = (array: Uint8Array) => {
      array.fill(0xff);
      return array;
    };
    expect(newIdempotencyKey({ getRandomValues: allOnes })).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    const zeros = newIdempotencyKey({ getRandomValues: (array) => array });
    expect(zeros).toBe('00000000-0000-4000-8000-000000000000');
    const random = { getRandomValues: (array: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(array) };
    const generated = new Set(Array.from({ length: 100 }, () => newIdempotencyKey(random)));
    expect(generated.size).toBe(100);
    for (const key of generated) expect(key).toMatch(UUID_V4);
  });
});
