// Goal: the call set-up settings read from the environment as documented (defaults, the smallest valid value, malformed ones refused at start). Method: loadConfig on hand-made environments, no server.
import { expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

it('CALL_BATCH_SIZE_MAX and CALL_BATCHES_IN_FLIGHT_MAX default to 64 and 2 and must be at least 1', () => {
  expect(loadConfig({})).toMatchObject({ callBatchSizeMax: 64, callBatchesInFlightMax: 2 });
  expect(loadConfig({ CALL_BATCH_SIZE_MAX: '1', CALL_BATCHES_IN_FLIGHT_MAX: '1' })).toMatchObject({
    callBatchSizeMax: 1,
    callBatchesInFlightMax: 1,
  });
  for (const bad of ['0', '-1', '2.5', 'many']) {
    expect(() => loadConfig({ CALL_BATCH_SIZE_MAX: bad })).toThrow(/CALL_BATCH_SIZE_MAX/);
    expect(() => loadConfig({ CALL_BATCHES_IN_FLIGHT_MAX: bad })).toThrow(/CALL_BATCHES_IN_FLIGHT_MAX/);
  }
});

it('RATE_PLAN_CACHE_ENTRIES_MAX defaults to 32, 0 turns the cache off, and a negative number is refused', () => {
  expect(loadConfig({}).ratePlanCacheEntriesMax).toBe(32);
  expect(loadConfig({ RATE_PLAN_CACHE_ENTRIES_MAX: '0' }).ratePlanCacheEntriesMax).toBe(0);
  expect(() => loadConfig({ RATE_PLAN_CACHE_ENTRIES_MAX: '-1' })).toThrow(/RATE_PLAN_CACHE_ENTRIES_MAX/);
});

it('CAMPAIGN_ROUTE_CACHE_ENTRIES_MAX defaults to 10,000, 0 turns the cache off, and a negative or fractional number is refused', () => {
  expect(loadConfig({}).campaignRouteCacheEntriesMax).toBe(10_000);
  expect(loadConfig({ CAMPAIGN_ROUTE_CACHE_ENTRIES_MAX: '0' }).campaignRouteCacheEntriesMax).toBe(0);
  for (const bad of ['-1', '2.5', 'many']) {
    expect(() => loadConfig({ CAMPAIGN_ROUTE_CACHE_ENTRIES_MAX: bad })).toThrow(/CAMPAIGN_ROUTE_CACHE_ENTRIES_MAX/);
  }
});

it('CALL_CONTROL_ITEMS_MAX defaults to 1,000 calls per startCalls or endCalls request and must be at least 1', () => {
  expect(loadConfig({}).callControlItemsMax).toBe(1_000);
  expect(loadConfig({ CALL_CONTROL_ITEMS_MAX: '1' }).callControlItemsMax).toBe(1);
  for (const bad of ['0', '-1', '2.5', 'many']) expect(() => loadConfig({ CALL_CONTROL_ITEMS_MAX: bad })).toThrow(/CALL_CONTROL_ITEMS_MAX/);
});

it('CALL_LIST_BATCH_SIZE_MAX defaults to 1,000 calls per transaction of startCalls/endCalls lists and must be at least 1', () => {
  expect(loadConfig({}).callListBatchSizeMax).toBe(1_000);
  expect(loadConfig({ CALL_LIST_BATCH_SIZE_MAX: '1' }).callListBatchSizeMax).toBe(1);
  for (const bad of ['0', '-1', '2.5', 'many'])
    expect(() => loadConfig({ CALL_LIST_BATCH_SIZE_MAX: bad })).toThrow(/CALL_LIST_BATCH_SIZE_MAX/);
});

it('CALL_GRANT_IDS_MAX defaults to 1,000 call ids per callGrants read and must be at least 1', () => {
  expect(loadConfig({}).callGrantIdsMax).toBe(1_000);
  expect(loadConfig({ CALL_GRANT_IDS_MAX: '1' }).callGrantIdsMax).toBe(1);
  for (const bad of ['0', '-1', '2.5', 'many']) expect(() => loadConfig({ CALL_GRANT_IDS_MAX: bad })).toThrow(/CALL_GRANT_IDS_MAX/);
});

it("BILLING_CLOCK_LEAD_MS defaults to 1,000 ms (the switch's window to see an extended grant) and must be at least 1", () => {
  expect(loadConfig({}).billingClockLeadMs).toBe(1_000);
  expect(loadConfig({ BILLING_CLOCK_LEAD_MS: '1' }).billingClockLeadMs).toBe(1);
  expect(loadConfig({ BILLING_CLOCK_LEAD_MS: '3000' }).billingClockLeadMs).toBe(3_000);
  for (const bad of ['0', '-1', '2.5', 'soon']) expect(() => loadConfig({ BILLING_CLOCK_LEAD_MS: bad })).toThrow(/BILLING_CLOCK_LEAD_MS/);
});

it('OUTBOX_TAIL_READ_INTERVAL_MIN_MS defaults to 20 ms, 0 reads at every wake-up, and a negative or fractional number is refused', () => {
  expect(loadConfig({}).outboxTailReadIntervalMinMs).toBe(20);
  expect(loadConfig({ OUTBOX_TAIL_READ_INTERVAL_MIN_MS: '0' }).outboxTailReadIntervalMinMs).toBe(0);
  expect(loadConfig({ OUTBOX_TAIL_READ_INTERVAL_MIN_MS: '1' }).outboxTailReadIntervalMinMs).toBe(1);
  for (const bad of ['-1', '2.5', 'soon'])
    expect(() => loadConfig({ OUTBOX_TAIL_READ_INTERVAL_MIN_MS: bad })).toThrow(/OUTBOX_TAIL_READ_INTERVAL_MIN_MS/);
});

it('OUTBOX_CONSUMER_PASS_INTERVAL_MIN_MS defaults to 200 ms, 0 turns the spacing off, and a negative or fractional number is refused', () => {
  expect(loadConfig({}).outboxConsumerPassIntervalMinMs).toBe(200);
  expect(loadConfig({ OUTBOX_CONSUMER_PASS_INTERVAL_MIN_MS: '0' }).outboxConsumerPassIntervalMinMs).toBe(0);
  expect(loadConfig({ OUTBOX_CONSUMER_PASS_INTERVAL_MIN_MS: '1' }).outboxConsumerPassIntervalMinMs).toBe(1);
  for (const bad of ['-1', '2.5', 'soon'])
    expect(() => loadConfig({ OUTBOX_CONSUMER_PASS_INTERVAL_MIN_MS: bad })).toThrow(/OUTBOX_CONSUMER_PASS_INTERVAL_MIN_MS/);
});

it('OUTBOX_NOTIFY_INTERVAL_MIN_MS defaults to 20 ms, 0 sends a NOTIFY per commit, and a negative or fractional number is refused', () => {
  expect(loadConfig({}).outboxNotifyIntervalMinMs).toBe(20);
  expect(loadConfig({ OUTBOX_NOTIFY_INTERVAL_MIN_MS: '0' }).outboxNotifyIntervalMinMs).toBe(0);
  expect(loadConfig({ OUTBOX_NOTIFY_INTERVAL_MIN_MS: '1' }).outboxNotifyIntervalMinMs).toBe(1);
  for (const bad of ['-1', '2.5', 'soon'])
    expect(() => loadConfig({ OUTBOX_NOTIFY_INTERVAL_MIN_MS: bad })).toThrow(/OUTBOX_NOTIFY_INTERVAL_MIN_MS/);
});
