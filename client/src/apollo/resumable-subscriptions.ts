import type { Client, FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import { isSequence, maxSequence } from '../utils/sequence.js';

/**
 * The variable by which a subscription says where to resume: `transactionAdded(walletId,
 * afterSequence)` replays every transaction after it, then goes live.
 */
export const RESUME_VARIABLE = 'afterSequence';

/**
 * Every resume variable and the field of a result that says how far it got: `afterSequence` and a
 * transaction's `sequence` (per wallet), `afterPosition` and an alert's `position` (the alert
 * feed, across accounts), `afterAcknowledgementPosition` and an alert's `acknowledgementPosition`
 * (the acknowledgement feed). All are non-negative decimal strings compared as bigint.
 */
export const RESUME_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  [RESUME_VARIABLE]: 'sequence',
  afterPosition: 'position',
  afterAcknowledgementPosition: 'acknowledgementPosition',
});

/**
 * The sequence a subscription result carries: the `sequence` of its root field's object
 * (`{ transactionAdded: { sequence: "42", … } }` → "42"), or null when there is none.
 */
export function resultSequence(data: unknown, field = 'sequence'): string | null {
  if (typeof data !== 'object' || data === null) return null;
  let highest: string | null = null;
  for (const value of Object.values(data)) {
    const sequence: unknown = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
    if (typeof sequence === 'string' && isSequence(sequence)) highest = highest === null ? sequence : maxSequence(highest, sequence);
  }
  return highest;
}

/**
 * Wraps a graphql-ws client so that a subscription declaring `$afterSequence` (or `$afterPosition`:
 * {@link RESUME_FIELDS}) resumes where it stopped when the socket comes back.
 *
 * graphql-ws re-sends every active subscription after a reconnect (a lost network, a 4413 from a
 * subscriber that fell behind, a server restart), but with the payload it was first given: the
 * `afterSequence` of the moment the page subscribed, which would replay everything since then
 * again (and, for a busy wallet, overflow again). Here each such subscription remembers the
 * highest sequence it delivered, and its payload's `variables` is a getter that graphql-ws reads
 * each time it serialises the subscribe message: on the first connection the page's value, after a
 * reconnect the last sequence delivered. Nothing delivered is asked for twice, nothing committed
 * meanwhile is skipped (the server replays everything after it, in order).
 *
 * Subscriptions without the variable pass through untouched. `iterate` is the wrapped client's
 * own and does not resume; Apollo's GraphQLWsLink uses only `subscribe`.
 */
export function withResumableSubscriptions(client: Client): Client {
  return {
    on: client.on,
    iterate: client.iterate,
    dispose: client.dispose,
    terminate: client.terminate,
    subscribe<Data, Extensions>(payload: SubscribePayload, sink: Sink<FormattedExecutionResult<Data, Extensions>>): () => void {
      const variables = payload.variables;
      const resumeVariable = variables ? Object.keys(RESUME_FIELDS).find((name) => name in variables) : undefined;
      if (!variables || resumeVariable === undefined) return client.subscribe(payload, sink);
      const resultField = RESUME_FIELDS[resumeVariable]!;
      const initial = variables[resumeVariable];
      let resumeAfter: string | null = typeof initial === 'string' && isSequence(initial) ? initial : null;
      const resumable: SubscribePayload = {
        operationName: payload.operationName,
        query: payload.query,
        extensions: payload.extensions,
        get variables() {
          return resumeAfter === null ? variables : { ...variables, [resumeVariable]: resumeAfter };
        },
      };
      return client.subscribe<Data, Extensions>(resumable, {
        next(result) {
          const sequence = resultSequence(result.data, resultField);
          if (sequence !== null) resumeAfter = resumeAfter === null ? sequence : maxSequence(resumeAfter, sequence);
          sink.next(result);
        },
        error: (error) => sink.error(error),
        complete: () => sink.complete(),
      });
    },
  };
}
