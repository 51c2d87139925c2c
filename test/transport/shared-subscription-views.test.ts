// Goal: subscribers share an execution of an event only when they may see the same thing of it, so a
// field resolved for one caller (staff see who acted; a tenant sees only "staff") never reaches
// another. Method: graphql-js's own schema and execution, two subscriptions with the same selection
// over the very same event object, the staff's executed first; the owner must get its own view.
import { buildSchema, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subscribeSharingExecution } from '../../server/transport/shared-subscription-execution.js';

const schema = buildSchema(`
  type Actor { name: String }
  type Event { id: ID!, actor: Actor }
  type Query { ok: Boolean }
  type Subscription { events: Event }
`);

interface ViewerContext {
  viewer: { role: string; accountId: string | null };
}

/** One shared event object, as the wallet hub hands the same object to every subscriber. */
const event = { id: 'e1', actedBy: { name: 'Support key', staff: true } };
const payload = { events: event };

const rootValue = {
  events: () =>
    (async function* () {
      yield payload;
    })(),
};

// The actor's name as the caller may see it: staff see it, a tenant sees a staff actor nameless.
const fieldResolver = (source: Record<string, unknown>, _args: unknown, context: ViewerContext, info: { fieldName: string }) => {
  if (info.fieldName === 'actor') {
    const actedBy = source.actedBy as typeof event.actedBy;
    return { name: context.viewer.accountId === null || !actedBy.staff ? actedBy.name : null };
  }
  return source[info.fieldName];
};

const document = parse('subscription { events { id actor { name } } }');
const viewOf = (context: unknown) => {
  const { viewer } = context as ViewerContext;
  return `${viewer.role}:${viewer.accountId ?? '*'}`;
};

async function firstResult(context: ViewerContext): Promise<ExecutionResult> {
  const stream = (await subscribeSharingExecution(
    { schema, document, rootValue, contextValue: context, fieldResolver: fieldResolver as never },
    viewOf,
  )) as AsyncIterableIterator<ExecutionResult>;
  const step = await stream.next();
  await stream.return?.();
  return step.value as ExecutionResult;
}

describe('shared subscription executions and who is asking', () => {
  it('a tenant never receives what was resolved for staff on the same event and selection', async () => {
    const staff = await firstResult({ viewer: { role: 'SUPPORT', accountId: null } });
    const owner = await firstResult({ viewer: { role: 'OWNER', accountId: 'account-1' } });
    expect(staff.data).toEqual({ events: { id: 'e1', actor: { name: 'Support key' } } });
    expect(owner.data).toEqual({ events: { id: 'e1', actor: { name: null } } });
  });

  it('subscribers with the same view still share one execution', async () => {
    const first = await firstResult({ viewer: { role: 'OWNER', accountId: 'account-2' } });
    const second = await firstResult({ viewer: { role: 'OWNER', accountId: 'account-2' } });
    expect(second).toBe(first);
  });
});
