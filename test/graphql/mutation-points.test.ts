// Goal: a list mutation (recordUsage, startCalls, endCalls) counts one mutation per item against the
// rate limit, however the items are passed (variable, literal list, list variable, aliases), and every
// other operation counts 1.
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

  it('counts the calls of startCalls and endCalls, summed with any other list mutation of the operation', () => {
    const calls = (count: number) => Array.from({ length: count }, (_, i) => ({ campaignId: 'c', to: `+1555000${i}` }));
    const starts = parse('mutation($input: StartCallsInput!) { startCalls(input: $input) { activeCount } }');
    expect(mutationPoints(starts, undefined, { input: { calls: calls(250) } })).toBe(250);
    const ends = parse('mutation($input: EndCallsInput!) { endCalls(input: $input) { endedCount } }');
    expect(mutationPoints(ends, undefined, { input: { calls: [{ callId: 'a' }, { callId: 'b' }] } })).toBe(2);
    const mixed = parse(
      'mutation($starts: [StartCallInput!]!) { startCalls(input: { calls: $starts }) { activeCount } ' +
        'endCalls(input: { calls: [{ callId: "a" }, { callId: "b" }, { callId: "c" }] }) { endedCount } ' +
        'recordUsage(input: { events: { walletId: "w", amount: "1" } }) { postedCount } }',
    );
    expect(mutationPoints(mixed, undefined, { starts: calls(4) })).toBe(8);
    // `calls` is not recordUsage's list, nor `events` startCalls': the wrong name counts nothing (validation refuses it).
    expect(mutationPoints(starts, undefined, { input: { events: calls(9) } })).toBe(1);
  });

  it('counts 1 for any other mutation, and for queries', () => {
    expect(mutationPoints(parse('mutation { charge(input: { walletId: "w", amount: "1" }) { replayed } }'), undefined, {})).toBe(1);
    expect(mutationPoints(parse('{ me { role } }'), undefined, {})).toBe(1);
  });
});
