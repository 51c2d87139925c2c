// Goal: invoice and credit-note numbers are gap-free and unique per issuer even when 50 top-ups settle at once and 50 refunds are confirmed at once, and their figures add up to the ledger. Method: the real server and Stripe sandbox on a fresh database; 50 refreshTopUp calls in parallel settle 50 card top-ups, then 50 refunds of unused credit in parallel; numbers, references and sums read back over GraphQL and compared with the journal; the ledger invariants last, and verifyLedger shown to catch a gap and a wrong figure (tampering rolled back).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as statement, transaction } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { verifyLedger } from '../../../server/domain/wallets/verify-ledger.js';
import { parseMoney } from '../../../server/domain/wallets/money.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { billedAccount, sql, topUp } from '../payments/payments-support.js';

const COUNT = 50;
const clock = new ManualClock(Date.UTC(2026, 11, 7, 10, 0));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const REFRESH = `mutation($id: ID!) { refreshTopUp(id: $id) { topUp { id status } } }`;
const REFUND = `mutation($input: RefundUnusedCreditInput!) { refundUnusedCredit(input: $input) { refunds { id status } } }`;
const INVOICES = `query($first: Int, $after: String) { invoices(first: $first, after: $after) {
  edges { cursor node { id number kind net tax total currency topUpId creditedInvoiceNumber } } pageInfo { hasNextPage endCursor } } }`;

/** The running part of a document number: `SW-2026-000042` → 42. */
const running = (number: string) => Number(number.slice(number.lastIndexOf('-') + 1));
const sumOf = (amounts: string[]) => amounts.reduce((sum, amount) => sum + parseMoney(amount), 0n);

describe('gap-free numbering under concurrency', () => {
  it(`numbers ${COUNT} invoices settled at once 1..${COUNT}, then ${COUNT} credit notes confirmed at once 1..${COUNT}; sums equal the journal`, async () => {
    const { walletId, ownerKey } = await billedAccount(t, { country: 'GB' }, 'GBP');
    const started: string[] = [];
    for (let index = 0; index < COUNT; index++) {
      started.push(
        (await topUp(t, ownerKey, { walletId, amount: '10', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() })).id,
      );
    }
    await t.app.stripeSandbox!.idle();
    // Payment jobs are off in tests: these refreshes are the only settlements, all at once.
    const refreshed = await Promise.all(started.map((id) => t.ok(ownerKey, REFRESH, { id })));
    expect(refreshed.map((data) => data.refreshTopUp.topUp.status)).toEqual(started.map(() => 'SUCCEEDED'));

    const invoices = (await t.ok(ownerKey, INVOICES, { first: 100 })).invoices.edges.map((edge: any) => edge.node);
    expect(invoices).toHaveLength(COUNT);
    expect(invoices.every((invoice: any) => invoice.kind === 'INVOICE' && /^SW-2026-[0-9]{6}$/.test(invoice.number))).toBe(true);
    expect(invoices.map((invoice: any) => running(invoice.number)).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: COUNT }, (_, index) => index + 1),
    );
    expect(new Set(invoices.map((invoice: any) => invoice.topUpId))).toEqual(new Set(started));
    const credits = await sql(t, `select amount_micros::text from wallet_transaction where wallet_id = $1 and kind = 'TOP_UP'`, [walletId]);
    expect(sumOf(invoices.map((invoice: any) => invoice.net))).toBe(credits.reduce((sum, row) => sum + BigInt(row.amount_micros), 0n));
    const charged = await sql(t, `select coalesce(sum(total_micros), 0)::text as total from top_up where wallet_id = $1`, [walletId]);
    expect(sumOf(invoices.map((invoice: any) => invoice.total))).toBe(BigInt(charged[0].total));
    expect(invoices.every((invoice: any) => invoice.net === '10' && invoice.tax === '2' && invoice.total === '12')).toBe(true);

    const support = (await t.createKey(null, 'SUPPORT')).secret;
    const refunds = await Promise.all(
      started.map(() => t.ok(support, REFUND, { input: { walletId, amount: '10', reason: 'Closing', idempotencyKey: randomUUID() } })),
    );
    expect(refunds.flatMap((data) => data.refundUnusedCredit.refunds.map((refund: any) => refund.status))).toEqual(
      started.map(() => 'SUCCEEDED'),
    );

    const documents: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.ok(ownerKey, INVOICES, { first: 30, after })).invoices;
      documents.push(...page.edges.map((edge: any) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(documents).toHaveLength(2 * COUNT);
    const notes = documents.filter((document) => document.kind === 'CREDIT_NOTE');
    expect(notes.every((note) => /^SW-CN-2026-[0-9]{6}$/.test(note.number))).toBe(true);
    expect(notes.map((note) => running(note.number)).sort((a, b) => a - b)).toEqual(Array.from({ length: COUNT }, (_, index) => index + 1));
    // Each refund of 10 took back one top-up of 10: every invoice is credited exactly once.
    expect(new Set(notes.map((note) => note.creditedInvoiceNumber))).toEqual(new Set(invoices.map((invoice: any) => invoice.number)));
    const debits = await sql(t, `select amount_micros::text from wallet_transaction where wallet_id = $1 and kind = 'REFUND'`, [walletId]);
    expect(sumOf(notes.map((note) => note.net))).toBe(debits.reduce((sum, row) => sum + BigInt(row.amount_micros), 0n));
    const returned = await sql(t, `select coalesce(sum(card_amount_micros), 0)::text as total from top_up_refund where wallet_id = $1`, [
      walletId,
    ]);
    expect(sumOf(notes.map((note) => note.total))).toBe(BigInt(returned[0].total));
    expect(await sql(t, 'select issuer_code, kind, last_number::int from invoice_series order by kind')).toEqual([
      { issuer_code: 'SW', kind: 'CREDIT_NOTE', last_number: COUNT },
      { issuer_code: 'SW', kind: 'INVOICE', last_number: COUNT },
    ]);
    await t.assertLedger();
  }, 120_000);

  it('verifyLedger catches a gap in a series and a document whose figures are not the money that moved', async () => {
    expect(await violationsAfter(`update invoice_series set last_number = last_number + 1 where kind = 'INVOICE'`)).toEqual([
      "each issuer's series of each kind is numbered exactly 1..n, n being the series' last number",
    ]);
    expect(
      await violationsAfter(
        `update invoice set net_micros = net_micros + 10000, total_micros = total_micros + 10000
          where id = (select min(id) from invoice where kind = 'INVOICE')`,
      ),
    ).toEqual(["each top-up's invoice states its credit, tax and total as charged, and its TOP_UP transaction"]);
    expect(
      await violationsAfter(
        `update invoice set tax_micros = tax_micros - 10000, total_micros = total_micros - 10000
          where id = (select min(id) from invoice where kind = 'CREDIT_NOTE')`,
      ),
    ).toEqual([
      "each credit note states a SUCCEEDED refund's credit taken back and the amount returned to the card, and credits that top-up's invoice",
    ]);
  });
});

/** verifyLedger's verdict on the database as `tamper` leaves it, in a transaction always rolled back. */
async function violationsAfter(tamper: string): Promise<string[]> {
  let invariants: string[] = [];
  await transaction(t.app.orm.em.fork(), async (tx) => {
    // Issued documents are append-only; the superuser test connection may switch the trigger off for its own session.
    await statement('set local session_replication_role = replica').run(tx);
    await statement(tamper).run(tx);
    invariants = (await verifyLedger(tx)).map((violation) => violation.invariant);
    throw new Error('rollback');
  }).catch((error: Error) => {
    if (error.message !== 'rollback') throw error;
  });
  return invariants;
}
