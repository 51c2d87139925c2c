// Goal: the known-document path answers every request it takes exactly as Apollo's pipeline does (status, headers, body bytes, budget charges, metrics calls), and leaves every other request to Apollo. Method: Apollo with the real schema, the server's formatError and the request plugin; each request sent once through Apollo (which validates its document), then answered both ways with the same context and compared.
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../server/config.js';
import type { Context } from '../../server/context.js';
import { formatError } from '../../server/graphql/format-error.js';
import { queryParseOptions, queryValidationRules } from '../../server/graphql/query-limits.js';
import { createSchema } from '../../server/graphql/schema.js';
import { ValidatedDocuments } from '../../server/graphql/validated-documents.js';
import { runWithLogFields } from '../../server/logging/logger.js';
import type { GraphqlHttpMeter } from '../../server/metrics/graphql-metrics.js';
import { graphqlRequestPlugin } from '../../server/transport/graphql-request-plugin.js';
import { disabledApolloDefaults } from '../../server/transport/http.js';
import { knownDocumentPath, type KnownDocumentPath } from '../../server/transport/known-document-path.js';
import type { RateLimits } from '../../server/transport/rate-limits/rate-limits.js';
import { RateLimited } from '../../server/transport/rate-limits/shared-budget.js';

const principal = Object.freeze({ role: 'OWNER', accountId: '00000000-0000-4000-8000-000000000001', apiKeyId: null, actor: 'test' });
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** What one side did: the budgets' charges and the meter's calls, in order. */
type Record_ = string[];

/** Apollo as the server configures it (http.ts: its options, the defaults it disables), the request plugin recording into `calls`, and the known-document path over it. */
async function setUp(config: Config, refuse: 'no' | 'now' | 'later' = 'no') {
  let calls: Record_ = [];
  const rateLimits = {
    enabled: true,
    refusalBeforeParsing: () => undefined,
    chargeOperation: (_principal: unknown, type: string, cost?: number, points?: number) => {
      calls.push(`charge ${type} ${cost} ${points}`);
      const refusal = refuse === 'no' ? undefined : new RateLimited(1_000, 'graphqlQueriesPerWindowMax');
      return refuse === 'later' ? Promise.resolve(refusal) : refusal;
    },
  } as unknown as RateLimits;
  const meter: GraphqlHttpMeter<Context> = {
    started: () => void calls.push('started'),
    resolved: (_context, _document, operation) => void calls.push(`resolved ${operation?.operation}`),
    answered: (_context, response) =>
      void calls.push(
        `answered ${response.http.status} ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors?.map((error) => error.extensions?.code) : undefined)}`,
      ),
    contextFailed: () => void calls.push('context failed'),
  };
  const documents = new ValidatedDocuments(100);
  const plugin = graphqlRequestPlugin({ config, rateLimits, meter, retryAfterSeconds: 7, documents });
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    parseOptions: queryParseOptions(config),
    validationRules: queryValidationRules(config),
    stopOnTerminationSignals: false,
    plugins: [...disabledApolloDefaults(), plugin],
  });
  await apollo.start();
  let serving = true;
  const path = knownDocumentPath({ schema, documents, plugin, formatError, serving: () => serving });
  return {
    apollo,
    path,
    documents,
    stopServing: () => {
      serving = false;
    },
    /** The calls recorded since the last take. */
    take: () => {
      const taken = calls;
      calls = [];
      return taken;
    },
  };
}

/** A request as graphql-post.ts hands it on: the parsed body and the headers. */
interface Request {
  body: Record<string, unknown>;
  accept?: string;
}

const contextOf = (value: object = { principal }) => value as unknown as Context;

function viaApollo(apollo: ApolloServer<Context>, request: Request, context: Context): Promise<HTTPGraphQLResponse> {
  const headers = new HeaderMap([['content-type', 'application/json']]);
  if (request.accept !== undefined) headers.set('accept', request.accept);
  return runWithLogFields({ requestId: 'request-1' }, () =>
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: request.body },
      context: async () => context,
    }),
  );
}

async function viaKnownPath(path: KnownDocumentPath, request: Request, context: Context): Promise<HTTPGraphQLResponse | undefined> {
  const known = path.match(request.body, request.accept);
  if (!known) return undefined;
  return runWithLogFields({ requestId: 'request-1' }, () => path.run(context, known));
}

/** What a client sees of an answer. */
function seen(response: HTTPGraphQLResponse) {
  return {
    status: response.status,
    headers: [...response.headers].sort(),
    body: response.body.kind === 'complete' ? response.body.string : 'chunked',
  };
}

/** Sends `request` through Apollo once (its document is then known), then both ways; expects the same answer and the same calls. */
async function expectSameAnswer(side: Awaited<ReturnType<typeof setUp>>, request: Request, context = contextOf()) {
  await viaApollo(side.apollo, request, context);
  side.take();
  const reference = seen(await viaApollo(side.apollo, request, context));
  const referenceCalls = side.take();
  const known = await viaKnownPath(side.path, request, context);
  expect(known, 'the known-document path takes it').toBeDefined();
  expect(seen(known!)).toEqual(reference);
  expect(side.take()).toEqual(referenceCalls);
  return reference;
}

describe('knownDocumentPath', () => {
  it('answers a query, a mutation refused in its resolver, and every common Accept header as Apollo does', async () => {
    const side = await setUp(loadConfig({}));
    const me = await expectSameAnswer(side, { body: { query: 'query Me { me { role } }' } });
    expect(me).toMatchObject({ status: undefined, body: '{"data":{"me":{"role":"OWNER"}}}\n' });
    for (const accept of [
      '',
      '*/*',
      'application/json',
      'application/graphql-response+json',
      'application/graphql-response+json,application/json;q=0.9',
    ]) {
      const answer = await expectSameAnswer(side, { body: { query: '{ me { role } }' }, accept });
      expect(answer.headers).toContainEqual([
        'content-type',
        accept.startsWith('application/graphql-response')
          ? 'application/graphql-response+json; charset=utf-8'
          : 'application/json; charset=utf-8',
      ]);
    }
    // Two operations, the one named runs; null variables and operationName as absent.
    await expectSameAnswer(side, {
      body: { query: 'query A { me { role } } query B { me { accountId } }', operationName: 'B', variables: null },
    });
    // The resolver fails (no database in this context): masked as Apollo masks it, with the data it had.
    const charge = await expectSameAnswer(side, {
      body: {
        query: 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }',
        variables: { input: { walletId: '00000000-0000-4000-8000-000000000002', amount: '0.01' } },
      },
    });
    expect(JSON.parse(charge.body).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    await side.apollo.stop();
  });

  it('answers variables that do not coerce with BAD_USER_INPUT and HTTP 400, as Apollo does', async () => {
    const side = await setUp(loadConfig({}));
    const query = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';
    for (const variables of [
      {},
      { input: { walletId: 5 } },
      { input: { walletId: '00000000-0000-4000-8000-000000000002', amount: 'x' } },
    ]) {
      const answer = await expectSameAnswer(side, { body: { query, variables } });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    await side.apollo.stop();
  });

  it("answers the checks' refusals as Apollo does: cost (400), NUL input, the budgets' (429 with Retry-After, at once or later)", async () => {
    const costly = await setUp({ ...loadConfig({}), queryCostMax: 1 });
    const cost = await expectSameAnswer(costly, { body: { query: '{ me { role } }' } });
    expect(cost.status).toBe(400);
    await costly.apollo.stop();

    const side = await setUp(loadConfig({}));
    const nul = await expectSameAnswer(side, {
      body: { query: 'query($id: ID!) { wallet(id: $id) { id } }', variables: { id: 'a\u0000b' } },
    });
    expect(JSON.parse(nul.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await side.apollo.stop();

    for (const refuse of ['now', 'later'] as const) {
      const limited = await setUp(loadConfig({}), refuse);
      const answer = await expectSameAnswer(limited, { body: { query: '{ me { role } }' } });
      expect(answer.status).toBe(429);
      expect(answer.headers).toContainEqual(['retry-after', '1']);
      await limited.apollo.stop();
    }
  });

  it('answers a retryable error with HTTP 503 and Retry-After, as Apollo does', async () => {
    const side = await setUp(loadConfig({}));
    const context = contextOf({
      principal: new Proxy(principal, {
        get: (target, name) => {
          if (name === 'role') throw Object.assign(new Error('gone'), { extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
          return Reflect.get(target, name);
        },
      }),
    });
    const answer = await expectSameAnswer(side, { body: { query: '{ me { role } }' } }, context);
    expect(answer.status).toBe(503);
    expect(answer.headers).toContainEqual(['retry-after', '7']);
    await side.apollo.stop();
  });

  it('leaves to Apollo what it does not take: unseen or invalid documents, other fields, other Accept headers, subscriptions, a missing operation, and everything once draining', async () => {
    const side = await setUp(loadConfig({}));
    const known = { query: '{ me { role } }' };
    expect(side.path.match(known, undefined), 'not validated yet').toBeUndefined();
    await viaApollo(side.apollo, { body: known }, contextOf());
    expect(side.path.match(known, undefined)).toBeDefined();
    // An invalid document never becomes known.
    await viaApollo(side.apollo, { body: { query: '{ me { nope } }' } }, contextOf());
    expect(side.path.match({ query: '{ me { nope } }' }, undefined)).toBeUndefined();
    expect(side.documents.size).toBe(1);
    for (const body of [
      { ...known, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } },
      { ...known, operationName: 'Missing' },
      { ...known, operationName: 5 },
      { ...known, variables: 'a string' },
      { ...known, variables: [] },
      [known],
    ])
      expect(side.path.match(body, undefined), JSON.stringify(body)).toBeUndefined();
    expect(side.path.match(known, 'text/html')).toBeUndefined();
    expect(side.path.match(known, 'application/json;q=0.5, */*')).toBeUndefined();
    const subscription = { query: 'subscription($id: ID!) { walletEvents(walletId: $id) { sequence } }', variables: { id: 'x' } };
    await viaApollo(side.apollo, { body: subscription }, contextOf());
    expect(side.path.match(subscription, undefined)).toBeUndefined();
    side.stopServing();
    expect(side.path.match(known, undefined)).toBeUndefined();
    await side.apollo.stop();
  });

  it('takes at most graphqlHttpKnownDocumentsMax documents (GRAPHQL_HTTP_KNOWN_DOCUMENTS_MAX, default 1000): N known, the N+1th evicts the least recently used; 0 keeps none', async () => {
    expect(loadConfig({}).graphqlHttpKnownDocumentsMax).toBe(1_000);
    expect(loadConfig({ GRAPHQL_HTTP_KNOWN_DOCUMENTS_MAX: '0' }).graphqlHttpKnownDocumentsMax).toBe(0);
    expect(() => loadConfig({ GRAPHQL_HTTP_KNOWN_DOCUMENTS_MAX: '-1' })).toThrow(/GRAPHQL_HTTP_KNOWN_DOCUMENTS_MAX/);
    for (const entriesMax of [0, 2]) {
      const side = await setUp(loadConfig({}));
      const documents = new ValidatedDocuments(entriesMax);
      const plugin = graphqlRequestPlugin({
        config: loadConfig({}),
        rateLimits: { enabled: false } as unknown as RateLimits,
        retryAfterSeconds: 1,
        documents,
      });
      const apollo = new ApolloServer<Context>({ schema, plugins: [...disabledApolloDefaults(), plugin] });
      await apollo.start();
      const path = knownDocumentPath({ schema, documents, plugin, formatError, serving: () => true });
      const texts = ['{ me { role } }', '{ me { accountId } }', '{ me { role accountId } }'];
      for (const query of texts.slice(0, 2)) await viaApollo(apollo, { body: { query } }, contextOf());
      // The second, then the first, used: the second is now the least recently used.
      expect([texts[1], texts[0]].map((query) => path.match({ query }, undefined) !== undefined)).toEqual([entriesMax > 0, entriesMax > 0]);
      await viaApollo(apollo, { body: { query: texts[2] } }, contextOf());
      expect(texts.map((query) => path.match({ query }, undefined) !== undefined)).toEqual(
        entriesMax > 0 ? [true, false, true] : [false, false, false],
      );
      await Promise.all([apollo.stop(), side.apollo.stop()]);
    }
  });

  it("calls every hook of the request plugin's listener (a hook added there must be called here too)", async () => {
    const plugin = graphqlRequestPlugin({
      config: loadConfig({}),
      rateLimits: { enabled: false } as unknown as RateLimits,
      retryAfterSeconds: 1,
    });
    expect(Object.keys(plugin.listener).sort()).toEqual(['didResolveOperation', 'executionDidStart', 'willSendResponse']);
    expect(Object.keys(plugin).sort()).toEqual(['listener', 'requestDidStart', 'started']);
  });
});
