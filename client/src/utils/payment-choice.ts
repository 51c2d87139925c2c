/**
 * Which card a top-up is paid with, who may pay and see saved cards, and what the checkout
 * selects first.
 */
import type {
  PaymentsMode,
  Role,
  SandboxTestCardFieldsFragment as SandboxTestCard,
  SavedCardFieldsFragment as SavedCard,
} from '../gql/graphql.js';

/** Roles that may top up a wallet by card (the server's TOP_UP_ROLES). */
export const TOP_UP_ROLES: readonly Role[] = ['OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR'];

/** Roles of an account that may list its saved cards (the server's card read roles, less the platform's). */
export const SAVED_CARD_ROLES: readonly Role[] = ['OWNER', 'CAMPAIGN_MANAGER'];

/** Whether a key of this role may top up: the panel is shown to these roles only. */
export function canTopUp(role: Role): boolean {
  return TOP_UP_ROLES.includes(role);
}

/** Whether a key of this role may list the account's saved cards (INTEGRATOR may pay, not list them). */
export function canSeeSavedCards(role: Role): boolean {
  return SAVED_CARD_ROLES.includes(role);
}

/** The card a top-up is paid with. */
export type PaymentChoice =
  /** A saved card of the account, by its PaymentMethod id. */
  | { kind: 'saved'; paymentMethodId: string }
  /** A sandbox test card (SANDBOX mode), by its PaymentMethod id, e.g. pm_card_visa. */
  | { kind: 'test-card'; paymentMethodId: string }
  /** A card typed into Stripe Elements (STRIPE mode): its PaymentMethod is created on submit. */
  | { kind: 'elements' }
  /** The account's default card, whichever it is (paymentMethodId null), for keys that cannot list cards. */
  | { kind: 'default' };

/** Whether two choices pay with the same card. */
export function samePaymentChoice(left: PaymentChoice, right: PaymentChoice): boolean {
  if (left.kind !== right.kind) return false;
  if ((left.kind === 'saved' || left.kind === 'test-card') && (right.kind === 'saved' || right.kind === 'test-card')) {
    return left.paymentMethodId === right.paymentMethodId;
  }
  return true;
}

/** Whether a choice is a card the account has not saved yet: only those may be saved for later. */
export function isNewCard(choice: PaymentChoice): boolean {
  return choice.kind === 'test-card' || choice.kind === 'elements';
}

/** The option picked in the checkout's card list: a saved card, a new card, or the account's default card. */
export type CardOption = { kind: 'saved'; paymentMethodId: string } | { kind: 'new' } | { kind: 'default' };

/**
 * The option the checkout shows as picked: the payer's own pick (`chosen`) while it still exists,
 * else the default saved card (or, if none is marked default, the first saved one), else a new card.
 */
export function effectiveCardOption(chosen: CardOption | null, savedCards: readonly Pick<SavedCard, 'id' | 'isDefault'>[]): CardOption {
  if (chosen !== null && (chosen.kind !== 'saved' || savedCards.some((card) => card.id === chosen.paymentMethodId))) return chosen;
  const saved = savedCards.find((card) => card.isDefault) ?? savedCards[0];
  return saved ? { kind: 'saved', paymentMethodId: saved.id } : { kind: 'new' };
}

/**
 * The card to pay with for a picked option: a new card is typed into Stripe Elements in STRIPE
 * mode, or is the picked test card (default: the first) in SANDBOX mode. Null when there is no
 * card to pay with (SANDBOX without test cards).
 */
export function paymentChoiceOf(
  option: CardOption,
  mode: PaymentsMode,
  testCards: readonly Pick<SandboxTestCard, 'id'>[],
  testCardId: string | null,
): PaymentChoice | null {
  if (option.kind === 'saved') return { kind: 'saved', paymentMethodId: option.paymentMethodId };
  if (option.kind === 'default') return { kind: 'default' };
  if (mode === 'STRIPE') return { kind: 'elements' };
  const testCard = testCards.find((card) => card.id === testCardId) ?? testCards[0];
  return testCard ? { kind: 'test-card', paymentMethodId: testCard.id } : null;
}
