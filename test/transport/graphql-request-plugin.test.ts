// Goal: the one request listener answers as the five plugins it replaced did: the cost limit's refusal first, then a NUL in the input, then the budgets' refusal; the budgets charged even when an earlier check refuses; a retryable error answered 503 with Retry-After; every operation counted. Method: Apollo with the real schema and graphqlRequestPlugin, budgets that record their charges, the real Metrics registry read back.
import { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../server/config.js';
import type { Context } from '../../server/context.js';
import { createSchema } from '../../server/graphql/schema.js';
import { graphqlHttpMeter } from '../../server/metrics/graphql-metrics.js';
import { Metrics } from '../../server/metrics/metrics.js';
import { graphqlRequestPlugin } from '../../server/transport/graphql-request-plugin.js';
import type { RateLimits } from '../../server/transport/rate-limits/rate-limits.js';
import { RateLimited } from '../../server/transport/rate-limits/shared-budget.js';

const principal = Object.freeze({ role: 'OWNER', accountId: '00000000-0000-4000-8000-000000000001', apiKeyId: null, actor: 'test' });
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** Budgets that record each charge and refuse when told to (synchronously, or as a promise). */
function recordingBudgets(refuse: 'no' | 'now' | 'later') {
  const charges: { type: string; cost: number | undefined; points: number | undefined }[] = [];
  const rateLimits = {
    enabled: true,
    refusalBeforeParsing: () => undefined,
    chargeOperation: (_principal: unknown, type: string, cost?: number, points?: number) => {
      charges.push({ type, cost, points });
      const refusal = refuse === 'no' ? undefined : new RateLimited(1_000, 'graphqlQueriesPerWindowMax');
      return refuse === 'later' ? Promise.resolve(refusal) : refusal;
    },
  } as unknown as RateLimits;
  return { rateLimits, charges };
}

async function serverWith(config: Config, rateLimits: RateLimits, metrics?: Metrics) {
  const server = new ApolloServer<Context>({
    schema,
    plugins: [
      graphqlRequestPlugin({
        config,
        rateLimits,
        meter: metrics ? graphqlHttpMeter<Context>(metrics, schema) : undefined,
        retryAfterSeconds: 7,
      }),
    ],
  });
  await server.start();
  return server;
}

async function run(server: ApolloServer<Context>, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables }, { contextValue: { principal } as unknown as Context });
  const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
  return { status: response.http.status, retryAfter: response.http.headers.get('retry-after'), errors: body?.errors, data: body?.data };
}

describe('graphqlRequestPlugin', () => {
  it('refuses over the cost limit first, and the budgets still count the operation (refusing or not, at once or later)', async () => {
    for (const refuse of ['no', 'now', 'later'] as const) {
      const { rateLimits, charges } = recordingBudgets(refuse);
      const server = await serverWith({ ...loadConfig({}), queryCostMax: 1 }, rateLimits);
      const answer = await run(server, '{ me { role } }');
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
      // The cost, counted once, is what the budget is charged.
      expect(charges).toEqual([{ type: 'query', cost: 2, points: undefined }]);
      await server.stop();
    }
  });

  it('costs the only operation when the request names one the document lacks (as the cost plugin did); the budget is charged a query without a cost', async () => {
    const { rateLimits, charges } = recordingBudgets('no');
    const server = await serverWith({ ...loadConfig({}), queryCostMax: 1 }, rateLimits);
    const response = await server.executeOperation(
      { query: 'query A { me { role } }', operationName: 'B' },
      { contextValue: { principal } as unknown as Context },
    );
    const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(charges).toEqual([{ type: 'query', cost: undefined, points: undefined }]);
    await server.stop();
  });

  it('refuses a NUL in the input before the budgets, which still count it', async () => {
    const { rateLimits, charges } = recordingBudgets('now');
    const server = await serverWith(loadConfig({}), rateLimits);
    const answer = await run(server, 'query($id: ID!) { wallet(id: $id) { id } }', { id: 'a\u0000b' });
    expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([['BAD_USER_INPUT', 'id']]);
    expect(charges).toHaveLength(1);
    await server.stop();
  });

  it("answers the budgets' refusal (given at once or later) with RATE_LIMITED, and admits otherwise", async () => {
    for (const refuse of ['now', 'later'] as const) {
      const server = await serverWith(loadConfig({}), recordingBudgets(refuse).rateLimits);
      const answer = await run(server, '{ me { role } }');
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['RATE_LIMITED']);
      await server.stop();
    }
    const { rateLimits, charges } = recordingBudgets('no');
    const server = await serverWith(loadConfig({}), rateLimits);
    expect(await run(server, '{ me { role } }')).toMatchObject({ data: { me: { role: 'OWNER' } }, errors: undefined });
    // A mutation is charged its points (its execution fails here: no database in this context).
    await run(server, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: '00000000-0000-4000-8000-000000000002', amount: '0.01' },
    });
    expect(charges).toEqual([
      { type: 'query', cost: 2, points: undefined },
      { type: 'mutation', cost: undefined, points: 1 },
    ]);
    await server.stop();
  });

  it('answers a retryable error with HTTP 503 and Retry-After, and counts every operation by outcome', async () => {
    const metrics = new Metrics({ databaseTimeoutMs: 1_000 });
    const server = await serverWith(loadConfig({}), recordingBudgets('no').rateLimits, metrics);
    // The resolver meets a retryable failure (as a database going away is answered).
    const retryable = await server.executeOperation(
      { query: '{ me { role } }' },
      {
        contextValue: {
          principal: new Proxy(principal, {
            get: (target, name) => {
              if (name === 'role') throw Object.assign(new Error('gone'), { extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
              return Reflect.get(target, name);
            },
          }),
        } as unknown as Context,
      },
    );
    expect(retryable.http.status).toBe(503);
    expect(retryable.http.headers.get('retry-after')).toBe('7');
    const fine = await run(server, '{ me { role } }');
    expect(fine.status).toBeUndefined();
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'spendwire_graphql_operations_total{transport="http",type="query",operation="me",outcome="SERVICE_UNAVAILABLE"} 1',
    );
    expect(text).toContain('spendwire_graphql_operations_total{transport="http",type="query",operation="me",outcome="ok"} 1');
    await server.stop();
  });
});
