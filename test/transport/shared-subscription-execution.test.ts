// Goal: sharing one execution of an event among subscribers never gives a subscriber another's fields,
// and selections that depend on variables are still executed per subscriber. Method: real server,
// several real graphql-ws subscribers of one wallet with different selections, the same charges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { subscribe } from '../support/subscriber.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('subscriptions sharing an execution', () => {
  it('give each subscriber exactly the fields it selected', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '10');
    const variables = { walletId, afterSequence: '1' };
    const pick = (d: any) => d.transactionAdded;
    const subscribers = [
      subscribe(
        t.url,
        ownerKey,
        `subscription($walletId: ID!, $afterSequence: String) { transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { sequence amount } }`,
        variables,
        pick,
      ),
      subscribe(
        t.url,
        ownerKey,
        `subscription($walletId: ID!, $afterSequence: String) { transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { sequence amount } }`,
        variables,
        pick,
      ),
      subscribe(
        t.url,
        ownerKey,
        `subscription($walletId: ID!, $afterSequence: String) { transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { sequence description } }`,
        variables,
        pick,
      ),
      subscribe(
        t.url,
        ownerKey,
        `subscription($walletId: ID!, $afterSequence: String) { added: transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { sequence } }`,
        variables,
        (d: any) => d,
      ),
      subscribe(
        t.url,
        ownerKey,
        `subscription($walletId: ID!, $afterSequence: String, $full: Boolean!) { transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { sequence amount @include(if: $full) } }`,
        { ...variables, full: false },
        pick,
      ),
      subscribe(
        t.url,
        ownerKey,
        `subscription($walletId: ID!, $afterSequence: String, $full: Boolean!) { transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { sequence amount @include(if: $full) } }`,
        { ...variables, full: true },
        pick,
      ),
    ];
    try {
      for (const [amount, description] of [
        ['1.5', 'first'],
        ['0.25', 'second'],
      ]) {
        await t.ok(ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
          input: { walletId, amount, description },
        });
      }
      const received = await Promise.all(subscribers.map((subscriber) => subscriber.waitFor(2)));
      expect(received).toEqual([
        [
          { sequence: '2', amount: '1.5' },
          { sequence: '3', amount: '0.25' },
        ],
        [
          { sequence: '2', amount: '1.5' },
          { sequence: '3', amount: '0.25' },
        ],
        [
          { sequence: '2', description: 'first' },
          { sequence: '3', description: 'second' },
        ],
        [{ added: { sequence: '2' } }, { added: { sequence: '3' } }],
        [{ sequence: '2' }, { sequence: '3' }],
        [
          { sequence: '2', amount: '1.5' },
          { sequence: '3', amount: '0.25' },
        ],
      ]);
    } finally {
      await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    }
  });
});
