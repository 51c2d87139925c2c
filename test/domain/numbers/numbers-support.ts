// Helpers shared by the phone-number test files: GraphQL documents, rate plans with number prices, direct SQL.
import { expect } from 'vitest';
import { runSql } from '../../support/sql.js';
import type { GraphQLResponse, TestApp } from '../../support/test-app.js';

export const NUMBER_FIELDS = `id accountId walletId ratePlanId number status purchasePrice monthlyPrice purchasedAt renewsAt graceUntil
  releasedAt releaseReason periodsPaid transactionId refundTransactionId`;
export const PURCHASE = `mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { ${NUMBER_FIELDS} } } }`;
export const RELEASE = `mutation($id: ID!) { releaseNumber(id: $id) { phoneNumber { ${NUMBER_FIELDS} } } }`;
export const REFUND = `mutation($id: ID!) { refundNumber(id: $id) { phoneNumber { ${NUMBER_FIELDS} } } }`;
export const PHONE_NUMBER = `query($id: ID!) { phoneNumber(id: $id) { ${NUMBER_FIELDS} } }`;
export const PHONE_NUMBERS = `query($walletId: ID, $status: PhoneNumberStatus, $first: Int, $after: String) {
  phoneNumbers(walletId: $walletId, status: $status, first: $first, after: $after) {
    edges { cursor node { id number status } } pageInfo { hasNextPage endCursor } } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance reserved available
  transactions(first: 100) { edges { node { id type kind amount balanceBefore balanceAfter description } } } } }`;

/** A number price under a prefix (the call price is irrelevant here). */
export interface NumberRateSpec {
  prefix: string;
  numberPurchase?: string;
  numberMonthly?: string;
}

/** Creates a rate plan as the operator; rates without number prices sell no numbers. */
export async function createNumberPlan(t: TestApp, rates: NumberRateSpec[], currency = 'USD'): Promise<string> {
  const data = await t.ok(t.adminToken, `mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }`, {
    input: {
      name: 'Numbers plan',
      currency,
      rates: rates.map((rate) => ({ perMinute: '0.01', firstIncrementSeconds: 60, nextIncrementSeconds: 60, ...rate })),
    },
  });
  return data.createRatePlan.ratePlan.id;
}

/** A fresh account whose wallet holds `balance` (nothing when "0"). */
export async function tenant(
  t: TestApp,
  balance: string,
  currency = 'USD',
): Promise<{ accountId: string; walletId: string; ownerKey: string }> {
  const account = await t.createAccount('Numbers tenant', currency);
  if (balance !== '0') await t.fund(account.walletId, balance);
  return account;
}

export async function purchase(t: TestApp, token: string, input: Record<string, unknown>): Promise<any> {
  return (await t.ok(token, PURCHASE, { input })).purchaseNumber.phoneNumber;
}

export async function phoneNumber(t: TestApp, token: string, id: string): Promise<any> {
  return (await t.ok(token, PHONE_NUMBER, { id })).phoneNumber;
}

export interface WalletView {
  balance: string;
  reserved: string;
  available: string;
  transactions: {
    id: string;
    type: string;
    kind: string;
    amount: string;
    balanceBefore: string;
    balanceAfter: string;
    description: string;
  }[];
}

/** The wallet and its transactions, newest first. */
export async function wallet(t: TestApp, token: string, walletId: string): Promise<WalletView> {
  const data = (await t.ok(token, WALLET, { id: walletId })).wallet;
  return { ...data, transactions: data.transactions.edges.map((edge: any) => edge.node) };
}

/** Runs SQL on the test's database in autocommit. */
export function sql<Row extends Record<string, any> = any>(t: TestApp, text: string, values: unknown[] = []): Promise<Row[]> {
  return runSql<Row>(t.app.orm.em.fork(), text, values);
}

/** Fails unless the response is exactly one error with this code and these extensions. */
export function expectError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code, ...extensions });
  expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
}

/** One day, in milliseconds. */
export const DAY_MS = 86_400_000;
