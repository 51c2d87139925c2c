import type { EntityManager } from '@mikro-orm/postgresql';
import Stripe from 'stripe';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, LimitExceededError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { callStripe, setupIntentOfCardError } from './call-stripe.js';
import { selectAccountId } from './billing.queries.js';
import { countAccountCards, removeCard as removeCardRow, selectAccountCards, selectCard, selectCardInScope } from './cards.queries.js';
import { paymentFailureOf } from './failure-reasons.js';
import type { PaymentsDeps } from './payments-deps.js';
import { cardDetailsOf, storeCard, toSavedCard, type SavedCard } from './saved-card.js';
import { ensureStripeCustomer } from './stripe-customer.js';

/** Roles that manage an account's saved cards (only the account's people see its saved payment methods). */
export const CARD_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER] as const;
/** Roles that may see an account's saved cards. */
export const CARD_READ_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** The account the caller acts for: its own, or the one named (platform roles only). @throws NotFoundError */
export async function accountFor(em: EntityManager, principal: Principal, accountId: string | null | undefined): Promise<string> {
  const scope = tenantScope(principal);
  const id = accountId ?? scope;
  if (id === null || !isUuid(id) || (scope !== null && scope !== id.toLowerCase())) throw new NotFoundError('Account', id ?? '');
  const row = await selectAccountId.maybeOne(em, { id });
  if (!row) throw new NotFoundError('Account', id);
  return row.id;
}

/** The account's saved cards, default first, then newest. */
export async function listSavedCards(em: EntityManager, principal: Principal, accountId: string | null): Promise<SavedCard[]> {
  requireRole(principal, CARD_READ_ROLES, 'see saved cards');
  const account = await accountFor(em, principal, accountId);
  return (await selectAccountCards.all(em, { accountId: account })).map(toSavedCard);
}

/** Result of {@link addCard}: a card saved at once, or a SetupIntent waiting for 3-D Secure in the browser. */
export interface AddCardResult {
  status: 'SUCCEEDED' | 'REQUIRES_ACTION' | 'REQUIRES_PAYMENT_METHOD' | 'FAILED';
  setupIntentId: string;
  clientSecret: string | null;
  card: SavedCard | null;
  failureReason: string | null;
}

/** Options of {@link addCard}. */
export interface AddCardOptions {
  principal: Principal;
  accountId: string | null;
  /** A PaymentMethod to set up now (Elements' or a test card); null creates a SetupIntent for the browser to confirm. */
  paymentMethodId: string | null;
  makeDefault: boolean;
}

/**
 * Saves a card for later top-ups through a SetupIntent (offered at checkout and on the payment methods page). With a PaymentMethod it
 * is confirmed at once; a card whose bank wants 3-D Secure comes back REQUIRES_ACTION with the
 * client secret, and is saved when Stripe reports `setup_intent.succeeded`.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`paymentMethodId`), LimitExceededError (cards per account).
 */
export async function addCard(em: EntityManager, deps: PaymentsDeps, options: AddCardOptions): Promise<AddCardResult> {
  requireRole(options.principal, CARD_ROLES, 'add a card');
  const accountId = await accountFor(em, options.principal, options.accountId);
  const paymentMethodId = options.paymentMethodId?.trim() || null;
  if (paymentMethodId !== null && !/^pm_[A-Za-z0-9_]{1,100}$/.test(paymentMethodId)) {
    throw new BadUserInputError('paymentMethodId', 'paymentMethodId must be a Stripe PaymentMethod id (pm_…)');
  }
  const { count } = await countAccountCards.one(em, { accountId });
  const max = deps.config.savedCardsPerAccountMax;
  if (count >= max)
    throw new LimitExceededError(`An account may save at most ${max} cards: remove one first`, 'savedCardsPerAccountMax', max);
  const customer = await ensureStripeCustomer(em, deps, accountId);
  const params: Stripe.SetupIntentCreateParams = {
    customer,
    usage: 'off_session',
    // Cards only: no redirect-based methods, so no return_url (Stripe's default since 2023-08-16 allows redirects).
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    metadata: { spendwire_account_id: accountId, spendwire_make_default: String(options.makeDefault) },
  };
  if (paymentMethodId !== null) {
    params.payment_method = paymentMethodId;
    params.confirm = true;
  }
  let setupIntent: Stripe.SetupIntent;
  try {
    setupIntent = await callStripe(() => deps.stripe.setupIntents.create(params), { passInvalidRequest: true });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const failed = setupIntentOfCardError(error);
      const failure = paymentFailureOf(error.raw as never);
      return {
        status: 'FAILED',
        setupIntentId: failed?.id ?? '',
        clientSecret: null,
        card: null,
        failureReason: failure?.reason ?? error.message,
      };
    }
    if (error instanceof Stripe.errors.StripeInvalidRequestError)
      throw new BadUserInputError('paymentMethodId', `Unknown payment method "${paymentMethodId}"`);
    throw error;
  }
  if (setupIntent.status === 'succeeded') {
    const paymentMethod = await callStripe(() => deps.stripe.paymentMethods.retrieve(setupIntent.payment_method as string));
    const card = cardDetailsOf(paymentMethod);
    if (!card) throw new BadUserInputError('paymentMethodId', 'Only cards are accepted');
    await transaction(em, (tx) => storeCard(tx, accountId, card, options.makeDefault, deps.clock.now()));
    if (options.makeDefault) await setStripeDefault(deps, customer, card.paymentMethodId);
    const saved = toSavedCard(await selectCard.one(em, { id: card.paymentMethodId }));
    return { status: 'SUCCEEDED', setupIntentId: setupIntent.id, clientSecret: null, card: saved, failureReason: null };
  }
  const failure = paymentFailureOf(setupIntent.last_setup_error);
  return {
    status: setupIntent.status === 'requires_action' ? 'REQUIRES_ACTION' : failure ? 'FAILED' : 'REQUIRES_PAYMENT_METHOD',
    setupIntentId: setupIntent.id,
    clientSecret: setupIntent.client_secret,
    card: null,
    failureReason: failure?.reason ?? null,
  };
}

async function setStripeDefault(deps: PaymentsDeps, customer: string, paymentMethodId: string): Promise<void> {
  await callStripe(() => deps.stripe.customers.update(customer, { invoice_settings: { default_payment_method: paymentMethodId } }));
}

async function findCard(em: EntityManager, principal: Principal, id: string): Promise<SavedCard> {
  const row = await selectCardInScope.maybeOne(em, { id, scope: tenantScope(principal) });
  if (!row) throw new NotFoundError('PaymentMethod', id);
  return toSavedCard(row);
}

/** Makes a saved card the one automatic funding and top-ups without a card use (pre-selected at checkout). */
export async function setDefaultCard(em: EntityManager, deps: PaymentsDeps, principal: Principal, id: string): Promise<SavedCard> {
  requireRole(principal, CARD_ROLES, 'change the default card');
  const card = await findCard(em, principal, id);
  const details = { paymentMethodId: card.id, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear };
  await transaction(em, (tx) => storeCard(tx, card.accountId, details, true, deps.clock.now()));
  const customer = await ensureStripeCustomer(em, deps, card.accountId);
  await setStripeDefault(deps, customer, card.id);
  return { ...card, isDefault: true };
}

/**
 * Removes a saved card (at any time, e.g. right after paying with it): it is
 * detached from the Stripe Customer, so it can never be charged again. A removed default leaves
 * the account without one; automatic funding then pauses until a card is chosen.
 */
export async function removeCard(em: EntityManager, deps: PaymentsDeps, principal: Principal, id: string): Promise<SavedCard> {
  requireRole(principal, CARD_ROLES, 'remove a card');
  const card = await findCard(em, principal, id);
  try {
    await callStripe(() => deps.stripe.paymentMethods.detach(card.id), { passInvalidRequest: true });
  } catch (error) {
    // Already detached at Stripe (e.g. by the customer there): removing it here is all that is left.
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
  }
  await removeCardRow.run(em, { id: card.id, nowMs: deps.clock.now() });
  return { ...card, isDefault: false };
}
