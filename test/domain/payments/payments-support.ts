// Helpers shared by the payment test files: GraphQL documents, settling what Stripe's sandbox sent, direct SQL.
import { expect } from 'vitest';
import { runSql } from '../../support/sql.js';
import type { GraphQLResponse, TestApp } from '../../support/test-app.js';

export const TOP_UP_FIELDS = `id walletId accountId origin status currency amount tax taxRate taxLabel total clientSecret paymentIntentId
  cardBrand cardLast4 receiptNumber failureCode failureReason transactionId refunded createdAt updatedAt
  receipt { receiptNumber transactionId topUpId amount tax taxRate taxLabel total currency paidAt cardBrand cardLast4 paymentIntentId }`;
export const TOP_UP = `mutation($input: TopUpInput!) { topUp(input: $input) { topUp { ${TOP_UP_FIELDS} } } }`;
export const TOP_UP_QUERY = `query($id: ID!) { topUp(id: $id) { ${TOP_UP_FIELDS} } }`;
export const REFRESH_TOP_UP = `mutation($id: ID!) { refreshTopUp(id: $id) { topUp { ${TOP_UP_FIELDS} } } }`;
export const QUOTE = `query($walletId: ID!, $amount: Money!) { quoteTopUp(walletId: $walletId, amount: $amount) {
  walletId currency amount tax taxRate taxTreatment taxLabel total minimum } }`;
export const BILLING = `mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { billingProfile { accountId country state vatNumber email } } }`;
export const WALLET = `query($id: ID!) { wallet(id: $id) { balance reserved available refundable
  transactions(first: 100) { edges { node { id type kind amount balanceBefore balanceAfter description paymentIntentId status } } } } }`;
export const CARDS = `query($accountId: ID) { paymentMethods(accountId: $accountId) { id brand last4 expMonth expYear isDefault } }`;
export const ADD_CARD = `mutation($input: AddPaymentMethodInput!) { addPaymentMethod(input: $input) {
  status setupIntentId clientSecret failureReason paymentMethod { id brand last4 isDefault } } }`;
export const AUTO_RECHARGE_FIELDS = `walletId enabled threshold target inFlightTopUpId lastAttemptAt consecutiveFailures pausedAt pausedReason
  monthlyEnabled monthlyDay monthlyAmount`;
export const SET_AUTO_RECHARGE = `mutation($input: SetAutoRechargeInput!) { setAutoRecharge(input: $input) { autoRecharge { ${AUTO_RECHARGE_FIELDS} } } }`;
export const SET_MONTHLY_RECHARGE = `mutation($input: SetMonthlyRechargeInput!) { setMonthlyRecharge(input: $input) { autoRecharge { ${AUTO_RECHARGE_FIELDS} } } }`;
export const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`;

/** Waits until the sandbox has delivered every webhook, then applies what the server recorded (payment jobs are off in tests). */
export async function settle(t: TestApp): Promise<void> {
  await t.app.stripeSandbox!.idle();
  await t.app.paymentJobs.runOnce();
}

export async function topUp(t: TestApp, token: string, input: Record<string, unknown>): Promise<any> {
  return (await t.ok(token, TOP_UP, { input })).topUp.topUp;
}

export async function topUpById(t: TestApp, token: string, id: string): Promise<any> {
  return (await t.ok(token, TOP_UP_QUERY, { id })).topUp;
}

export async function walletView(t: TestApp, token: string, walletId: string): Promise<any> {
  const wallet = (await t.ok(token, WALLET, { id: walletId })).wallet;
  return { ...wallet, transactions: wallet.transactions.edges.map((edge: any) => edge.node) };
}

/** Asserts one GraphQL error with `code` (and `field` when given), and no data written by it. */
export function expectError(response: GraphQLResponse, code: string, field?: string): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe(code);
  if (field !== undefined) expect(response.errors![0]!.extensions?.field).toBe(field);
}

export async function sql<Row extends Record<string, any> = any>(t: TestApp, text: string, values: unknown[] = []): Promise<Row[]> {
  return runSql<Row>(t.app.orm.em.fork(), text, values);
}

/** A fresh account billed in `country` (and `state`/`vatNumber`), with its OWNER key. */
export async function billedAccount(
  t: TestApp,
  profile: { country?: string | null; state?: string | null; vatNumber?: string | null } = {},
  currency = 'USD',
): Promise<{ accountId: string; walletId: string; ownerKey: string }> {
  const account = await t.createAccount('Payments tenant', currency);
  if (profile.country)
    await t.ok(account.ownerKey, BILLING, {
      input: { country: profile.country, state: profile.state ?? null, vatNumber: profile.vatNumber ?? null },
    });
  return account;
}

/** Payment events in the outbox for a wallet, oldest first. */
export async function paymentEvents(t: TestApp, walletId: string): Promise<string[]> {
  const rows = await sql<{ payment_event: string }>(
    t,
    `select payment_event from outbox_event where type = 'PAYMENT_EVENT' and wallet_id = $1 order by id`,
    [walletId],
  );
  return rows.map((row) => row.payment_event);
}
