import type { EntityManager } from '@mikro-orm/postgresql';
import { assert } from '../../errors.js';
import type { PaymentsDeps } from './payments-deps.js';
import { selectStripeCustomer, storeStripeCustomer } from './billing.queries.js';
import { callStripe } from './call-stripe.js';

/**
 * The account's Stripe Customer (one per account), created on first need. Stripe's idempotency key
 * is derived from the account, so two racing first top-ups make one Customer; the column keeps the
 * first one recorded.
 */
export async function ensureStripeCustomer(em: EntityManager, deps: PaymentsDeps, accountId: string): Promise<string> {
  const account = await selectStripeCustomer.maybeOne(em, { accountId });
  assert(account, `account ${accountId} exists`);
  if (account.stripe_customer_id) return account.stripe_customer_id;
  const customer = await callStripe(() =>
    deps.stripe.customers.create(
      { name: account.name, email: account.billing_email ?? undefined, metadata: { spendwire_account_id: accountId } },
      { idempotencyKey: `spendwire-customer-${accountId}` },
    ),
  );
  return (await storeStripeCustomer.one(em, { accountId, customerId: customer.id })).stripe_customer_id;
}
