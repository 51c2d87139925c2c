// Goal: a recordUsage call counts one mutation per event against the rate limit, however the events
// are passed (variable, literal list, list variable, aliases), and every other operation counts 1.
// Method: mutationPoints on parsed documents, pure (no server).
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mutationPoints } from '../../server/graphql/query-limits.js';

const events = (count: number) => Array.from({ length: count }, () => ({ walletId: 'w', amount: '1' }));

describe('mutationPoints', () => {
  it('counts the events of a recordUsage input variable', () => {
    const document = parse('mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }');
    expect(mutationPoints(document, undefined, { input: { events: events(500) } })).toBe(500);
    expect(mutationPoints(document, undefined, { input: { events: [] } })).toBe(1);
  });

  it('counts literal lists, list variables and every aliased recordUsage field', () => {
    const literal = parse(
      'mutation { a: recordUsage(input: { events: [{ walletId: "w", amount: "1" }, { walletId: "w", amount: "2" }] }) { postedCount } ' +
        'b: recordUsage(input: { events: { walletId: "w", amount: "3" } }) { postedCount } }',
    );
    expect(mutationPoints(literal, undefined, {})).toBe(3);
    const listVariable = parse('mutation($events: [UsageEventInput!]!) { recordUsage(input: { events: $events }) { postedCount } }');
    expect(mutationPoints(listVariable, undefined, { events: events(7) })).toBe(7);
  });

  it('counts 1 for any other mutation, and for queries', () => {
    expect(mutationPoints(parse('mutation { charge(input: { walletId: "w", amount: "1" }) { replayed } }'), undefined, {})).toBe(1);
    expect(mutationPoints(parse('{ me { role } }'), undefined, {})).toBe(1);
  });
});
