// Goal: the message-hold batching settings read from the environment as documented (defaults, the smallest valid value, malformed ones refused at start). Method: loadConfig on hand-made environments, no server.
import { expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

it('MESSAGE_HOLD_BATCH_SIZE_MAX and MESSAGE_HOLD_BATCHES_IN_FLIGHT_MAX default to 32 and 2 and must be at least 1', () => {
  expect(loadConfig({})).toMatchObject({ messageHoldBatchSizeMax: 32, messageHoldBatchesInFlightMax: 2 });
  expect(loadConfig({ MESSAGE_HOLD_BATCH_SIZE_MAX: '1', MESSAGE_HOLD_BATCHES_IN_FLIGHT_MAX: '1' })).toMatchObject({
    messageHoldBatchSizeMax: 1,
    messageHoldBatchesInFlightMax: 1,
  });
  for (const bad of ['0', '-1', '2.5', 'many']) {
    expect(() => loadConfig({ MESSAGE_HOLD_BATCH_SIZE_MAX: bad })).toThrow(/MESSAGE_HOLD_BATCH_SIZE_MAX/);
    expect(() => loadConfig({ MESSAGE_HOLD_BATCHES_IN_FLIGHT_MAX: bad })).toThrow(/MESSAGE_HOLD_BATCHES_IN_FLIGHT_MAX/);
  }
});
