/**
 * Fixtures shared by the billing-clock benches (billing-clock.ts, billing-clock-batch.ts): accounts
 * with a funded wallet and a running campaign through the API, and active calls placed straight into
 * the tables, at 0.60 a minute in 1-second increments.
 */
import http from 'node:http';
import type pg from 'pg';
import type { RunningApp } from '../server/app.js';
import { createFundedWallet, graphqlOk, inBatches } from './bench-support.js';

/** The price of a bench call, per minute. */
export const CLOCK_PER_MINUTE = '0.6';

/** The micros one second of a bench call costs (0.60/min): its increment. */
export const CLOCK_SECOND_MICROS = 10_000;

/** An account of a clock bench: its wallet, its running campaign and its OWNER key. */
export interface ClockAccount {
  accountId: string;
  walletId: string;
  campaignId: string;
  ownerKey: string;
}

/**
 * `count` accounts, each with a wallet funded through the API and one running campaign, on one rate
 * plan (prefix "", 0.60/min, `incrementSeconds` first and next increments); `name` labels them.
 */
export async function createClockAccounts(
  app: RunningApp,
  adminToken: string,
  options: { count: number; name: string; incrementSeconds: number },
): Promise<ClockAccount[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  try {
    const plan = await graphqlOk<{ createRatePlan: { ratePlan: { id: string } } }>(
      agent,
      app.port,
      adminToken,
      'mutation Plan($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }',
      {
        input: {
          name: options.name,
          currency: 'USD',
          rates: [
            {
              prefix: '',
              perMinute: CLOCK_PER_MINUTE,
              firstIncrementSeconds: options.incrementSeconds,
              nextIncrementSeconds: options.incrementSeconds,
            },
          ],
        },
      },
    );
    const ratePlanId = plan.createRatePlan.ratePlan.id;
    return await inBatches(options.count, 4, async (index) => {
      const wallet = await createFundedWallet(agent, app.port, adminToken, `${options.name} ${index}`);
      const created = await graphqlOk<{ createCampaign: { campaign: { id: string } } }>(
        agent,
        app.port,
        wallet.ownerKey,
        'mutation Create($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }',
        { input: { walletId: wallet.walletId, ratePlanId, name: `${options.name} ${index}` } },
      );
      const campaignId = created.createCampaign.campaign.id;
      await graphqlOk(agent, app.port, wallet.ownerKey, 'mutation Start($id: ID!) { startCampaign(id: $id) { campaign { id } } }', {
        id: campaignId,
      });
      return { accountId: wallet.accountId, walletId: wallet.walletId, campaignId, ownerKey: wallet.ownerKey };
    });
  } finally {
    agent.destroy();
  }
}

/** Options of {@link placeCallsWithSql}. */
export interface SqlPlacement {
  /** Calls in all, split evenly over the accounts (the last may get fewer). */
  calls: number;
  /** Start of the second over which the calls' start times are spread, in epoch milliseconds. */
  fromMs: number;
  /** Seconds each call is granted (and holds) when placed; it is due one increment before they end. */
  fundedSeconds: number;
  /** The start of each call's destination number; 6 digits follow. */
  numberPrefix: string;
}

/**
 * Places active calls and their meters with the reservations and counters startCall would write
 * for them (wallet reserved, campaign committed and active calls, account active calls), in one
 * transaction, with start times spread over one second so their due times spread over every second.
 */
export async function placeCallsWithSql(database: pg.Client, accounts: readonly ClockAccount[], placement: SqlPlacement): Promise<void> {
  const perAccount = Math.ceil(placement.calls / accounts.length);
  await database.query('begin');
  try {
    for (const [index, account] of accounts.entries()) {
      const count = Math.min(perAccount, placement.calls - index * perAccount);
      if (count <= 0) break;
      await database.query(
        `with c as (
           insert into call (id, account_id, direction, campaign_id, wallet_id, to_number, status, rate_prefix, per_minute_micros,
                             first_increment_seconds, next_increment_seconds, connect_fee_micros, started_at, funded_seconds, reserved_micros, next_check_at)
           select gen_random_uuid(), $1, 'OUTBOUND', $2, $3, $5::text || lpad((i * $7::int + $8::int)::text, 6, '0'),
                  'ACTIVE', '', 600000, 1, 1, 0, s.at, $10::int, $6::bigint * $10::int, s.at + ($10::int - 1) * interval '1 second'
             from generate_series(0, $4::int - 1) i
             cross join lateral (select to_timestamp($9::float8 / 1000) + (i * $7::int + $8::int) * interval '1 second' / ($4::int * $7::int)) s(at)
           returning id, funded_seconds, reserved_micros, next_check_at)
         insert into call_meter (call_id, reserved_micros, next_check_at, funded_seconds, allowance_seconds)
         select id, reserved_micros, next_check_at, funded_seconds, 0 from c`,
        [
          account.accountId,
          account.campaignId,
          account.walletId,
          count,
          placement.numberPrefix,
          CLOCK_SECOND_MICROS,
          accounts.length,
          index,
          placement.fromMs,
          placement.fundedSeconds,
        ],
      );
      const held = (BigInt(count) * BigInt(CLOCK_SECOND_MICROS) * BigInt(placement.fundedSeconds)).toString();
      await database.query('update wallet set reserved_micros = reserved_micros + $2 where id = $1', [account.walletId, held]);
      await database.query('update campaign set committed_micros = committed_micros + $2, active_calls = active_calls + $3 where id = $1', [
        account.campaignId,
        held,
        count,
      ]);
      await database.query('update account set active_calls = active_calls + $2 where id = $1', [account.accountId, count]);
    }
    await database.query('commit');
  } catch (error) {
    await database.query('rollback');
    throw error;
  }
}
