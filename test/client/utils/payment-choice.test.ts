// Goal: the checkout is offered to the roles that may pay, picks the default saved card first, and turns the picked option into the card to send; method: examples per role, mode and list of saved cards.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../client/src/gql/graphql.js';
import {
  canSeeSavedCards,
  canTopUp,
  effectiveCardOption,
  isNewCard,
  paymentChoiceOf,
  samePaymentChoice,
} from '../../../client/src/utils/payment-choice.js';

const ROLES: Role[] = ['OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR', 'SUPPORT', 'PLATFORM_ADMIN'];
const testCards = [{ id: 'pm_card_visa' }, { id: 'pm_card_chargeDeclined' }];

describe('canTopUp and canSeeSavedCards', () => {
  it('lets OWNER, CAMPAIGN_MANAGER and INTEGRATOR top up, and no one else', () => {
    expect(ROLES.filter(canTopUp)).toEqual(['OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR']);
  });

  it('lists saved cards for OWNER and CAMPAIGN_MANAGER only (INTEGRATOR may pay, not list)', () => {
    expect(ROLES.filter((role) => canTopUp(role) && canSeeSavedCards(role))).toEqual(['OWNER', 'CAMPAIGN_MANAGER']);
  });
});

describe('effectiveCardOption', () => {
  const cards = [
    { id: 'pm_a', isDefault: false },
    { id: 'pm_b', isDefault: true },
  ];

  it('picks the default saved card first, else the first saved card, else a new card', () => {
    expect(effectiveCardOption(null, cards)).toEqual({ kind: 'saved', paymentMethodId: 'pm_b' });
    expect(effectiveCardOption(null, [{ id: 'pm_a', isDefault: false }])).toEqual({ kind: 'saved', paymentMethodId: 'pm_a' });
    expect(effectiveCardOption(null, [])).toEqual({ kind: 'new' });
  });

  it('keeps the payer’s pick while it exists', () => {
    expect(effectiveCardOption({ kind: 'new' }, cards)).toEqual({ kind: 'new' });
    expect(effectiveCardOption({ kind: 'saved', paymentMethodId: 'pm_a' }, cards)).toEqual({ kind: 'saved', paymentMethodId: 'pm_a' });
    expect(effectiveCardOption({ kind: 'default' }, [])).toEqual({ kind: 'default' });
  });

  it('falls back when the picked saved card is gone', () => {
    expect(effectiveCardOption({ kind: 'saved', paymentMethodId: 'pm_removed' }, cards)).toEqual({
      kind: 'saved',
      paymentMethodId: 'pm_b',
    });
    expect(effectiveCardOption({ kind: 'saved', paymentMethodId: 'pm_removed' }, [])).toEqual({ kind: 'new' });
  });
});

describe('paymentChoiceOf', () => {
  it('pays a saved card by its id and the default card with none', () => {
    expect(paymentChoiceOf({ kind: 'saved', paymentMethodId: 'pm_b' }, 'SANDBOX', testCards, null)).toEqual({
      kind: 'saved',
      paymentMethodId: 'pm_b',
    });
    expect(paymentChoiceOf({ kind: 'default' }, 'STRIPE', [], null)).toEqual({ kind: 'default' });
  });

  it('pays a new card with the picked test card in SANDBOX mode (the first by default)', () => {
    expect(paymentChoiceOf({ kind: 'new' }, 'SANDBOX', testCards, null)).toEqual({ kind: 'test-card', paymentMethodId: 'pm_card_visa' });
    expect(paymentChoiceOf({ kind: 'new' }, 'SANDBOX', testCards, 'pm_card_chargeDeclined')).toEqual({
      kind: 'test-card',
      paymentMethodId: 'pm_card_chargeDeclined',
    });
    expect(paymentChoiceOf({ kind: 'new' }, 'SANDBOX', testCards, 'pm_unknown')).toEqual({
      kind: 'test-card',
      paymentMethodId: 'pm_card_visa',
    });
    expect(paymentChoiceOf({ kind: 'new' }, 'SANDBOX', [], null)).toBeNull();
  });

  it('pays a new card through Stripe Elements in STRIPE mode', () => {
    expect(paymentChoiceOf({ kind: 'new' }, 'STRIPE', [], null)).toEqual({ kind: 'elements' });
  });
});

describe('samePaymentChoice and isNewCard', () => {
  it('compares cards by kind and id', () => {
    expect(samePaymentChoice({ kind: 'saved', paymentMethodId: 'pm_a' }, { kind: 'saved', paymentMethodId: 'pm_a' })).toBe(true);
    expect(samePaymentChoice({ kind: 'saved', paymentMethodId: 'pm_a' }, { kind: 'saved', paymentMethodId: 'pm_b' })).toBe(false);
    expect(samePaymentChoice({ kind: 'saved', paymentMethodId: 'pm_a' }, { kind: 'test-card', paymentMethodId: 'pm_a' })).toBe(false);
    expect(samePaymentChoice({ kind: 'elements' }, { kind: 'elements' })).toBe(true);
    expect(samePaymentChoice({ kind: 'default' }, { kind: 'elements' })).toBe(false);
  });

  it('treats test cards and Elements cards as new, saved and default cards as not', () => {
    expect(isNewCard({ kind: 'test-card', paymentMethodId: 'pm_card_visa' })).toBe(true);
    expect(isNewCard({ kind: 'elements' })).toBe(true);
    expect(isNewCard({ kind: 'saved', paymentMethodId: 'pm_a' })).toBe(false);
    expect(isNewCard({ kind: 'default' })).toBe(false);
  });
});
