// Helpers shared by the messaging tests: GraphQL documents, rate plans with SMS prices, numbers, and the ledger check including messages.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import type { GraphQLResponse, TestApp } from '../../support/test-app.js';

export const MESSAGE_FIELDS = `id walletId campaignId direction from to body encoding segments price hold status createdAt finalizedAt expiresAt transactionId version`;
export const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messages { ${MESSAGE_FIELDS} } held replayed } }`;
export const REPORT = `mutation($input: ReportMessageDeliveryInput!) { reportMessageDelivery(input: $input) { message { ${MESSAGE_FIELDS} } } }`;
export const RECEIVE = `mutation($input: ReceiveMessageInput!) { receiveMessage(input: $input) { message { ${MESSAGE_FIELDS} } replayed } }`;
export const MESSAGE = `query($id: ID!) { message(id: $id) { ${MESSAGE_FIELDS} } }`;
export const MESSAGES = `query($walletId: ID!, $campaignId: ID, $status: MessageStatus, $direction: MessageDirection, $first: Int, $after: String) {
  messages(walletId: $walletId, campaignId: $campaignId, status: $status, direction: $direction, first: $first, after: $after) {
    edges { cursor node { id status direction to } } pageInfo { hasNextPage endCursor } } }`;
export const ESTIMATE = `query($input: EstimateMessageInput!) { estimateMessage(input: $input) {
  currency encoding characters units segments recipients { to prefix perSegment price } total } }`;
export const WALLET = `query($id: ID!) { wallet(id: $id) { balance reserved available } }`;
export const SMS_TRANSACTIONS = `query($id: ID!) { wallet(id: $id) { transactions(first: 100, kind: SMS) {
  edges { node { id type kind amount balanceBefore balanceAfter campaignId description } } } } }`;
export const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { id status budget spent committed } }`;
const CREATE_RATE_PLAN = `mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }`;

/** One destination prefix with its SMS prices (decimal strings); null smsPerSegment: SMS not offered. */
export interface SmsRate {
  prefix: string;
  smsPerSegment: string | null;
  smsInboundPerSegment?: string;
}

/** Creates a rate plan as the operator with these SMS prices (calls at 1 per minute, 60/60); returns its id. */
export async function createSmsRatePlan(t: TestApp, rates: SmsRate[], currency = 'USD'): Promise<string> {
  const data = await t.ok(t.adminToken, CREATE_RATE_PLAN, {
    input: {
      name: 'SMS plan',
      currency,
      rates: rates.map((rate) => ({
        prefix: rate.prefix,
        perMinute: '1',
        firstIncrementSeconds: 60,
        nextIncrementSeconds: 60,
        smsPerSegment: rate.smsPerSegment,
        smsInboundPerSegment: rate.smsInboundPerSegment ?? null,
      })),
    },
  });
  return data.createRatePlan.ratePlan.id;
}

/** Fails unless the response is exactly one error with this code and these extensions. */
export function expectError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code, ...extensions });
  expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
}

export async function wallet(t: TestApp, walletId: string): Promise<{ balance: string; reserved: string; available: string }> {
  return (await t.ok(t.adminToken, WALLET, { id: walletId })).wallet;
}

export async function smsTransactions(t: TestApp, walletId: string): Promise<any[]> {
  return (await t.ok(t.adminToken, SMS_TRANSACTIONS, { id: walletId })).wallet.transactions.edges.map((edge: any) => edge.node);
}

export async function campaign(
  t: TestApp,
  campaignId: string,
): Promise<{ status: string; budget: string | null; spent: string; committed: string }> {
  return (await t.ok(t.adminToken, CAMPAIGN, { id: campaignId })).campaign;
}

export async function message(t: TestApp, messageId: string): Promise<any> {
  return (await t.ok(t.adminToken, MESSAGE, { id: messageId })).message;
}

/** sendMessage that must succeed; returns its payload. */
export async function send(
  t: TestApp,
  token: string,
  input: Record<string, unknown>,
): Promise<{ messages: any[]; held: string; replayed: boolean }> {
  return (await t.ok(token, SEND, { input })).sendMessage;
}

/** reportMessageDelivery that must succeed; returns the message. */
export async function report(t: TestApp, token: string, messageId: string, status: 'DELIVERED' | 'FAILED' | 'EXPIRED'): Promise<any> {
  return (await t.ok(token, REPORT, { input: { messageId, status } })).reportMessageDelivery.message;
}

/** Rows of messages of a wallet, straight from the table. */
export async function messageCount(t: TestApp, walletId: string): Promise<number> {
  const row = await sql<{ count: string }, { walletId: string }>(
    'select count(*)::text as count from message where wallet_id = :walletId',
  ).one(t.app.orm.em.fork(), { walletId });
  return Number(row.count);
}

/** Puts the wallet in SUSPENDED, as the lifecycle job does when it runs out. */
export async function suspend(t: TestApp, walletId: string): Promise<void> {
  await sql<never, { walletId: string }>(`update wallet set status = 'SUSPENDED', suspended_at = now() where id = :walletId`).run(
    t.app.orm.em.fork(),
    { walletId },
  );
}

const insertNumber = sql<never, { id: string; accountId: string; walletId: string; ratePlanId: string; number: string; status: string }>(
  `insert into phone_number (id, account_id, wallet_id, rate_plan_id, number, status, purchase_micros, monthly_micros, purchased_at,
     anchor_day, renews_at, grace_until, released_at, release_reason)
   values (:id, :accountId, :walletId, :ratePlanId, :number, :status, 0, 0, now(), 1, now() + interval '30 days',
     case when :status = 'GRACE' then now() + interval '7 days' end,
     case when :status = 'RELEASED' then now() end,
     case when :status = 'RELEASED' then 'RELEASED_BY_CUSTOMER' end)`,
);

/** Gives an account a number (as the numbers feature would on purchase); returns its id. */
export async function holdNumber(
  t: TestApp,
  options: { accountId: string; walletId: string; ratePlanId: string; number: string; status?: 'ACTIVE' | 'GRACE' | 'RELEASED' },
): Promise<string> {
  const id = randomUUID();
  const status = options.status ?? 'ACTIVE';
  const { accountId, walletId, ratePlanId, number } = options;
  await insertNumber.run(t.app.orm.em.fork(), { id, accountId, walletId, ratePlanId, number, status });
  return id;
}
