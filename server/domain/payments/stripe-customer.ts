import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery } from '../../database/pg-transaction.js';
import { assert } from '../../errors.js';
import type { PaymentsDeps } from './payments-deps.js';
import { callStripe } from './call-stripe.js';

/**
 * The account's Stripe Customer (one per account), created on first need. Stripe's idempotency key
 * is derived from the account, so two racing first top-ups make one Customer; the column keeps the
 * first one recorded.
 */
export async function ensureStripeCustomer(em: EntityManager, deps: PaymentsDeps, accountId: string): Promise<string> {
  const [account] = await pgQuery<{ stripe_customer_id: string | null; name: string; billing_email: string | null }>(
    em,
    'select stripe_customer_id, name, billing_email from account where id = $1',
    [accountId],
  );
  assert(account, `account ${accountId} exists`);
  if (account.stripe_customer_id) return account.stripe_customer_id;
  const customer = await callStripe(() =>
    deps.stripe.customers.create(
      { name: account.name, email: account.billing_email ?? undefined, metadata: { spendwire_account_id: accountId } },
      { idempotencyKey: `spendwire-customer-${accountId}` },
    ),
  );
  const [stored] = await pgQuery<{ stripe_customer_id: string }>(
    em,
    `update account set stripe_customer_id = coalesce(stripe_customer_id, $2) where id = $1 returning stripe_customer_id`,
    [accountId, customer.id],
  );
  return stored!.stripe_customer_id;
}
