/**
 * `npm run build:server && node dist/bench/request-layers.js`: the CPU a GraphQL POST pays in each
 * layer that issue 18's request-CPU work changed, before and after, in one process with the two
 * sides alternating round by round (B, A, A, B, …), so a loaded machine's drift weighs on both alike
 * (the HTTP bench, request-cpu.ts, could not separate tens of µs at load averages of 8–23 on 2 cores).
 * Each figure is this process's CPU time per request, µs of one core, median of the rounds:
 *
 *  - apollo: `executeHTTPGraphQLRequest` of `{ me { role } }` on the real schema with the server's
 *    options, inside the request's AsyncLocalStorage scope as in the server. B: the five request
 *    plugins of 05d0eb9 (retryable answers, query cost, NUL check, rate limits, metrics; copied
 *    here, since they no longer exist) and Apollo's default inline-trace plugin. A: graphql-request-plugin.ts.
 *  - request line: the request's log line to /dev/null. B: the redacting logger. A: requestLineWriter.
 *  - content type: the answer's Content-Type with charset=utf-8. B: computed. A: remembered.
 *  - known document: `{ me { role } }` once its document is known (validated before). B: Apollo's
 *    `executeHTTPGraphQLRequest` with the server's plugins (graphql-request-plugin.ts and the disabled
 *    defaults), the context made by a function as in the server. A: known-document-path.ts (match,
 *    context, run), what POST /graphql does now.
 *
 * Environment: `BENCH_LAYERS_REQUESTS` per round (default 5000), `BENCH_LAYERS_ROUNDS` per side (default 6).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { loadConfig, type Config } from '../server/config.js';
import type { Context } from '../server/context.js';
import { formatError } from '../server/graphql/format-error.js';
import { inputErrorsOf } from '../server/graphql/input-check.js';
import { mutationPoints, queryCost, queryCostError, queryParseOptions, queryValidationRules } from '../server/graphql/query-limits.js';
import { createSchema } from '../server/graphql/schema.js';
import { configureLogging, log, requestLineWriter, runWithLogFields } from '../server/logging/logger.js';
import { graphqlHttpMeter } from '../server/metrics/graphql-metrics.js';
import { Metrics } from '../server/metrics/metrics.js';
import { OperationLabels, UNKNOWN_OPERATION, type OperationLabel } from '../server/metrics/operation-labels.js';
import { graphqlRequestPlugin, type GraphqlRequestPlugin } from '../server/transport/graphql-request-plugin.js';
import { knownDocumentPath } from '../server/transport/known-document-path.js';
import { ValidatedDocuments } from '../server/graphql/validated-documents.js';
import { utf8CharsetOf, withUtf8Charset } from '../server/transport/graphql-post.js';
import { HeavyQueryTurns } from '../server/transport/rate-limits/heavy-queries.js';
import { rateLimitedError, rateLimitKey, type RateLimits } from '../server/transport/rate-limits/rate-limits.js';
import { fixed, numberFromEnv } from './bench-support.js';

const REQUESTS = numberFromEnv('BENCH_LAYERS_REQUESTS', 5000, 100, 1_000_000);
const ROUNDS = numberFromEnv('BENCH_LAYERS_ROUNDS', 6, 2, 100);

/** Admits every operation at once, as the in-memory budgets do on their common path. */
const ADMIT_ALL = { enabled: true, chargeOperation: () => undefined, refusalBeforeParsing: () => undefined } as unknown as RateLimits;

/** The request plugins of 05d0eb9 (server/transport/http.ts and the files it imported), as they were. */
function pluginsBefore(config: Config, schema: GraphQLSchema, metrics: Metrics): ApolloServerPlugin<Context>[] {
  const retryable: GraphQLRequestListener<Context> = {
    willSendResponse: async ({ response }) => {
      if (response.body.kind !== 'single') return;
      if (!response.body.singleResult.errors?.some((error) => error.extensions?.retryable === true)) return;
      response.http.status = 503;
      response.http.headers.set('retry-after', '1');
    },
  };
  const heavyQueryTurns = new HeavyQueryTurns(config.heavyQueriesInFlightPerKeyMax);
  const heavyKeys = new WeakMap<Context, string>();
  const endTurns = new WeakMap<Context, () => void>();
  const rateLimitListener: GraphQLRequestListener<Context> = {
    didResolveOperation: async ({ contextValue, operation, document, operationName, request, schema: requestSchema }) => {
      const type = operation?.operation ?? 'query';
      const cost = type === 'query' && operation ? queryCost(requestSchema, document, operationName, request.variables, config) : undefined;
      const points = type === 'mutation' ? mutationPoints(document, operationName, request.variables) : undefined;
      const refusal = await ADMIT_ALL.chargeOperation(contextValue.principal, type, cost, points);
      if (refusal) throw rateLimitedError(refusal);
      const key = rateLimitKey(contextValue.principal);
      if (cost !== undefined && cost >= config.heavyQueryCostMin && key !== null) heavyKeys.set(contextValue, key);
    },
    executionDidStart: async ({ contextValue }) => {
      const key = heavyKeys.get(contextValue);
      if (key !== undefined) endTurns.set(contextValue, await heavyQueryTurns.take(key));
    },
    willSendResponse: async ({ contextValue }) => {
      endTurns.get(contextValue)?.();
      endTurns.delete(contextValue);
    },
  };
  const labels = new OperationLabels(schema);
  const startedAt = new WeakMap<Context, bigint>();
  const labelOf = new WeakMap<Context, OperationLabel>();
  const metricsListener: GraphQLRequestListener<Context> = {
    didResolveOperation: async ({ contextValue, document, operation }) => {
      labelOf.set(contextValue, labels.of(document, operation));
    },
    willSendResponse: async ({ contextValue, response }) => {
      const body = response.body;
      const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
      const label = labelOf.get(contextValue) ?? UNKNOWN_OPERATION;
      const started = startedAt.get(contextValue);
      metrics.observeOperation(
        'http',
        label.type,
        label.operation,
        errors?.[0]?.extensions?.code,
        started === undefined ? undefined : Number(process.hrtime.bigint() - started) / 1e9,
      );
    },
  };
  return [
    { requestDidStart: async () => retryable },
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema: requestSchema, document, operationName, request }) {
            const error = queryCostError(requestSchema, document, operationName, request.variables, config);
            if (error) throw error;
          },
        };
      },
    },
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema: requestSchema, document, operationName, request }) {
            const [error] = inputErrorsOf(requestSchema, document, operationName, request.variables);
            if (error) throw error;
          },
        };
      },
    },
    { requestDidStart: async () => rateLimitListener },
    {
      requestDidStart: async ({ contextValue }) => {
        startedAt.set(contextValue, process.hrtime.bigint());
        return metricsListener;
      },
    },
  ];
}

function pluginsAfter(
  config: Config,
  schema: GraphQLSchema,
  metrics: Metrics,
  documents?: ValidatedDocuments,
): [...ApolloServerPlugin<Context>[], GraphqlRequestPlugin] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    graphqlRequestPlugin({
      config,
      rateLimits: ADMIT_ALL,
      meter: graphqlHttpMeter<Context>(metrics, schema),
      retryAfterSeconds: 1,
      documents,
    }),
  ];
}

/** The CPU time of `work` run `REQUESTS` times, µs per run. */
async function cpuPerRun(work: () => Promise<void> | void): Promise<number> {
  const before = process.cpuUsage();
  for (let index = 0; index < REQUESTS; index++) await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / REQUESTS;
}

async function main(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'production' });
  const schema = await createSchema();
  const metrics = new Metrics({ databaseTimeoutMs: 1000 });
  const principal = Object.freeze({ role: 'OWNER', accountId: '00000000-0000-4000-8000-000000000001', apiKeyId: null, actor: 'bench' });
  const apollo = async (plugins: ApolloServerPlugin<Context>[]) => {
    const server = new ApolloServer<Context>({
      schema,
      formatError,
      includeStacktraceInErrorResponses: false,
      logger: log,
      introspection: true,
      parseOptions: queryParseOptions(config),
      validationRules: queryValidationRules(config),
      stopOnTerminationSignals: false,
      plugins,
    });
    await server.start();
    return server;
  };
  const servers = { B: await apollo(pluginsBefore(config, schema, metrics)), A: await apollo(pluginsAfter(config, schema, metrics)) };
  // The server's Apollo with the documents it validated remembered, and the known-document path over it.
  const documents = new ValidatedDocuments(1_000);
  const serverPlugins = pluginsAfter(config, schema, metrics, documents);
  // Taken before Apollo starts: it adds its implicit plugins to the very array it was given.
  const requestPlugin = serverPlugins.at(-1) as GraphqlRequestPlugin;
  const known = {
    apollo: await apollo(serverPlugins),
    path: knownDocumentPath({ schema, documents, plugin: requestPlugin, formatError, serving: () => true }),
  };
  const headers = new HeaderMap([
    ['content-type', 'application/json'],
    ['accept', '*/*'],
    ['authorization', 'Bearer sw_live_bench'],
  ]);
  const execute = (server: ApolloServer<Context>) => () =>
    runWithLogFields({ requestId: 'bench' }, async () => {
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query: 'query Me { me { role } }' } },
        context: async () => ({ principal }) as unknown as Context,
      });
      if (result.body.kind !== 'complete' || !result.body.string.includes('"role"')) throw new Error('unexpected answer');
    });

  const meBody = { query: 'query Me { me { role } }' };
  const knownDocument = (side: 'A' | 'B') => () =>
    runWithLogFields({ requestId: 'bench' }, async () => {
      const context = async () => ({ principal }) as unknown as Context;
      const match = side === 'A' ? known.path.match(meBody, '*/*') : undefined;
      if (side === 'A' && !match) throw new Error('the document is not known');
      const result = match
        ? await known.path.run(await context(), match)
        : await known.apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: 'POST', headers, search: '', body: meBody },
            context,
          });
      if (result.body.kind !== 'complete' || !result.body.string.includes('"role"')) throw new Error('unexpected answer');
    });
  // Apollo validates the document once: from then on it is known.
  await knownDocument('B')();

  const devNull = fs.openSync('/dev/null', 'w');
  const previous = configureLogging({ level: 'info', destination: { write: (text: string) => void fs.writeSync(devNull, text) } });
  const line = (side: 'A' | 'B') => () =>
    runWithLogFields({ requestId: 'b3c1e0a4-5a1f-4a51-9a2e-0c3a8f4a2b11', accountId: principal.accountId, apiKeyId: null }, () => {
      const fields = {
        req: { method: 'POST', url: '/graphql', remoteAddress: '127.0.0.1' },
        res: { statusCode: 200 },
        responseTime: 2,
        requestId: 'b3c1e0a4-5a1f-4a51-9a2e-0c3a8f4a2b11',
        accountId: principal.accountId,
        apiKeyId: null,
      };
      if (side === 'B') log.info(fields, 'request completed');
      else requestLineWriter.info(fields, 'request completed');
    });

  const layers: [string, (side: 'A' | 'B') => () => Promise<void> | void][] = [
    ['apollo (me)', (side) => execute(servers[side])],
    ['request line', line],
    ['content type', (side) => () => void (side === 'A' ? withUtf8Charset : utf8CharsetOf)('application/json; charset=utf-8')],
    ['known document', knownDocument],
  ];
  console.log(`CPU per request by layer, µs of one core (${REQUESTS} requests a round, ${ROUNDS} rounds a side, B and A alternating)`);
  console.log('layer            B (before)   A (after)   A − B   A/B of the rounds (median)');
  for (const [name, make] of layers) {
    const b: number[] = [];
    const a: number[] = [];
    // One warm-up round each.
    await cpuPerRun(make('B'));
    await cpuPerRun(make('A'));
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
        (side === 'A' ? a : b).push(await cpuPerRun(make(side)));
      }
    }
    const ratios = a.map((value, index) => value / b[index]!);
    console.log(
      `${name.padEnd(16)} ${fixed(median(b), 2).padStart(10)} ${fixed(median(a), 2).padStart(11)} ${fixed(median(a) - median(b), 2).padStart(7)}   ${fixed(median(ratios), 3)}`,
    );
  }
  configureLogging(previous);
  await Promise.all([servers.A.stop(), servers.B.stop(), known.apollo.stop()]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
