// Goal: the rate-plan cache call set-up uses finds the same rate as a scan of the plan (longest
// matching prefix), keeps at most its configured number of plans (N kept, the N+1th evicts the least
// recently used), caches nothing at 0, and never caches an unknown plan. Method: plans created
// through the real server's API, read from its PostgreSQL through the cache and without it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/errors.js';
import { RatePlanCache } from '../../../server/domain/rating/rate-plan-cache.js';
import { findRatePlan } from '../../../server/domain/rating/rate-plan.service.js';
import { findRate } from '../../../server/domain/rating/rating.js';
import { JOBS_BY_HAND, startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(JOBS_BY_HAND);
});
afterAll(async () => {
  await t?.close();
});

const rate = (prefix: string, perMinute: string) => ({ prefix, perMinute, firstIncrementSeconds: 1, nextIncrementSeconds: 1 });

it('finds the longest matching prefix, as a scan of the plan does', async () => {
  const planId = await t.createRatePlan([rate('', '1'), rate('4', '2'), rate('447', '3'), rate('4477009', '4'), rate('1', '5')]);
  const em = t.app.orm.em.fork();
  const cache = new RatePlanCache(4);
  const plan = await findRatePlan(em, planId);
  for (const number of ['+447700900123', '+447812345678', '+441234567', '+15551234567', '+33123456789', '+4', '+4477009']) {
    const found = await cache.rateFor(em, planId, number);
    expect(found.rate?.prefix, number).toBe(findRate(plan.rates, number)?.prefix);
  }
  const withoutFallback = await t.createRatePlan([rate('44', '1')]);
  expect((await cache.rateFor(em, withoutFallback, '+15551234567')).rate).toBeUndefined();
});

it('keeps at most entriesMax plans (the least recently used leaves), none at 0, and never an unknown plan', async () => {
  const em = t.app.orm.em.fork();
  const plans = [await t.createRatePlan([rate('', '1')]), await t.createRatePlan([rate('', '2')]), await t.createRatePlan([rate('', '3')])];
  const cache = new RatePlanCache(2);
  await cache.rateFor(em, plans[0]!, '+15551234567');
  await cache.rateFor(em, plans[1]!, '+15551234567');
  expect(cache.size).toBe(2);
  // Plan 0 used again: plan 1 is now the least recently used and leaves for plan 2.
  await cache.rateFor(em, plans[0]!, '+15551234567');
  await cache.rateFor(em, plans[2]!, '+15551234567');
  expect(cache.size).toBe(2);
  expect(cache.cached(plans[0]!)).toBe(true);
  expect(cache.cached(plans[1]!)).toBe(false);
  expect(cache.cached(plans[2]!)).toBe(true);

  const off = new RatePlanCache(0);
  expect((await off.rateFor(em, plans[0]!, '+15551234567')).rate?.perMinuteMicros).toBe(1_000_000n);
  expect(off.size).toBe(0);

  await expect(cache.rateFor(em, '00000000-0000-4000-8000-000000000000', '+15551234567')).rejects.toBeInstanceOf(NotFoundError);
  expect(cache.size).toBe(2);
});
