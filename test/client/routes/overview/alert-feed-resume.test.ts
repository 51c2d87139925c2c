// Goal: the Overview's alert feed resumes after the last alert it delivered when the socket comes back (its position travels as `sequence`, its start as `$afterSequence`, the names the live socket resumes by), so no alert raised during an outage is missed or shown twice; method: the real subscription document through the real resumable wrapper over a recording graphql-ws client, the payload read again as graphql-ws does after a reconnect.
import { print } from 'graphql';
import type { Client, FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { withResumableSubscriptions } from '../../../../client/src/apollo/resumable-subscriptions.js';
import { OVERVIEW_ALERT_RAISED_SUBSCRIPTION } from '../../../../client/src/routes/overview/overview-documents.js';

function recordingClient() {
  const subscriptions: { payload: SubscribePayload; sink: Sink<FormattedExecutionResult> }[] = [];
  const client: Client = {
    on: () => () => undefined,
    subscribe(payload, sink) {
      subscriptions.push({ payload, sink: sink as Sink<FormattedExecutionResult> });
      return () => undefined;
    },
    iterate: () => {
      throw new Error('not used');
    },
    dispose: () => undefined,
    terminate: () => undefined,
  };
  return { client, subscriptions };
}

describe('the Overview’s alertRaised subscription', () => {
  it('resumes after the last alert delivered, not after the position it started from', () => {
    const { client, subscriptions } = recordingClient();
    const query = print(OVERVIEW_ALERT_RAISED_SUBSCRIPTION);
    expect(query).toContain('alertRaised(afterPosition: $afterSequence)');
    expect(query).toMatch(/sequence: position/);
    withResumableSubscriptions(client).subscribe(
      { query, variables: { afterSequence: '12' } },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    const [subscription] = subscriptions;
    expect(subscription!.payload.variables).toEqual({ afterSequence: '12' });
    subscription!.sink.next({ data: { alertRaised: { id: 'a', sequence: '13', kind: 'LOW_BALANCE' } } });
    subscription!.sink.next({ data: { alertRaised: { id: 'b', sequence: '9007199254740993', kind: 'CALLS_STOPPED' } } });
    // What graphql-ws sends when it subscribes again after a reconnect.
    expect(subscription!.payload.variables).toEqual({ afterSequence: '9007199254740993' });
  });
});
