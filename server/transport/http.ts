import http from 'node:http';
import type { AddressInfo } from 'node:net';
import cors, { type CorsOptions } from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { CredentialCache } from '../domain/accounts/credential-cache.js';
import type { Events } from '../events/events.js';
import type { SpendControl } from '../domain/calls/spend-control.js';
import type { PaymentsRuntime } from '../domain/payments/payments-runtime.js';
import { stripeWebhookRoute } from './stripe-webhook.js';
import { authRoutes } from './auth-routes.js';
import { exportRoutes } from './export-routes.js';
import { documentRoutes } from './document-routes.js';
import { devMailRoutes, type CapturedMailSource } from './dev-mail-routes.js';
import { principalFor } from './principal-for.js';
import { fromClientIp } from '../domain/accounts/principal.js';
import { formatError } from '../graphql/format-error.js';
import { databaseUnavailableReason, ServiceUnavailableError } from '../errors.js';
import type { StartClientOperation } from './client-operation.js';
import { queryParseOptions, queryValidationRules, withoutFieldSuggestions } from '../graphql/query-limits.js';
import { attachWebSocketServer } from './ws.js';
import { serveClient } from './static-client.js';
import { createLoaders } from '../graphql/loaders.js';
import { fixedCorsHeaders, forwardGraphqlPostError, graphqlPostListener } from './graphql-post.js';
import { rateLimitedError, type RateLimits } from './rate-limits/rate-limits.js';
import { cookieValue, sameOrigin, SESSION_COOKIE } from './session-cookie.js';
import { jsonErrorHandler, jsonNotFound, onClientError, sendTransportError } from './json-errors.js';
import type { Readiness } from '../lifecycle/readiness.js';
import { REQUEST_ID_HEADER, withRequestLogging } from './request-logging.js';
import { log } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { graphqlHttpMeter } from '../metrics/graphql-metrics.js';
import { graphqlRequestPlugin } from './graphql-request-plugin.js';
import { knownDocumentPath } from './known-document-path.js';
import { ValidatedDocuments } from '../graphql/validated-documents.js';
import { metricsRoute } from './metrics-route.js';

/**
 * How often node:http looks for requests past `headersTimeout` or `requestTimeout`, in
 * milliseconds: a slow client is cut at most this much after its timeout (Node's default, 30 s,
 * would let it hold the connection half a minute longer).
 */
const HTTP_TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** The Retry-After of a retryable answer (HTTP 503), in seconds: a database restart takes about this long. */
export const RETRY_AFTER_SECONDS = 1;

/** Options of {@link startHttpServer}. */
export interface StartHttpServerOptions {
  orm: MikroORM;
  schema: GraphQLSchema;
  config: Config;
  /** The operator's bearer token (PLATFORM_ADMIN). */
  platformAdminToken: string;
  events: Events;
  spend: SpendControl;
  payments: PaymentsRuntime;
  /** Stripe's webhook endpoint (POST /webhooks/stripe). */
  stripeWebhook: { webhookSecret: string; onEventRecorded(): void };
  /** The local SMTP sink's mails, served at /dev/mail; absent when mail goes to a real SMTP_URL. */
  devMail?: CapturedMailSource;
  /** Rate limits per key, sign-in lockouts, sockets and subscriptions per key. */
  rateLimits: RateLimits;
  /** What `/readyz` reports (database, migrations, outbox tail). */
  readiness(): Promise<Readiness>;
  /** Scopes each client operation (deadline, connection cap): made by app.ts over database/operation-budget.ts. */
  startOperation: StartClientOperation;
  /** The app's metrics: GraphQL operations counted, `/metrics` served. Absent: neither. */
  metrics?: Metrics;
}

/** A listening server: GraphQL over HTTP and WebSocket at /graphql, the dashboard at /. */
export interface RunningHttpServer {
  /** e.g. `http://localhost:4000` (the real port when 0 was asked for). */
  url: string;
  port: number;
  /** Stops accepting, drains requests and sockets, then resolves. */
  close(): Promise<void>;
}

/** Starts Apollo (HTTP) and graphql-ws (WebSocket) on one port, the documented pattern. */
export async function startHttpServer(options: StartHttpServerOptions): Promise<RunningHttpServer> {
  const { orm, schema, config } = options;
  const app = express();
  app.disable('x-powered-by');
  // The request listener is attached once Apollo has started: POST /graphql skips express (graphql-post.ts).
  const httpServer = http.createServer({ connectionsCheckingInterval: HTTP_TIMEOUT_CHECK_INTERVAL_MS });
  // Bounds on how slowly a client may send (a slow or stalled one gets 408 and is closed) and on an
  // idle keep-alive connection: config.ts says each one's meaning.
  httpServer.headersTimeout = config.httpHeadersTimeoutMs;
  httpServer.requestTimeout = config.httpRequestTimeoutMs;
  httpServer.keepAliveTimeout = config.httpKeepAliveTimeoutMs;
  const credentialCache = new CredentialCache({ ttlMs: config.apiKeyCacheTtlMs, entriesMax: config.apiKeyCacheEntriesMax });
  const auth = { orm, platformAdminToken: options.platformAdminToken, credentialCache };
  const webSocket = attachWebSocketServer({
    httpServer,
    schema,
    config,
    auth,
    events: options.events,
    spend: options.spend,
    payments: options.payments,
    rateLimits: options.rateLimits,
    startOperation: options.startOperation,
    metrics: options.metrics,
  });
  const answerError = config.fieldSuggestionsEnabled
    ? formatError
    : (formatted: GraphQLFormattedError, error: unknown) => withoutFieldSuggestions(formatError(formatted, error));
  // The documents Apollo validated, by text, for the known-document path (known-document-path.ts).
  const knownDocuments = new ValidatedDocuments(config.graphqlHttpKnownDocumentsMax);
  const requestPlugin = graphqlRequestPlugin({
    config,
    rateLimits: options.rateLimits,
    meter: options.metrics ? graphqlHttpMeter<Context>(options.metrics, schema) : undefined,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    documents: config.graphqlHttpKnownDocumentsMax > 0 ? knownDocuments : undefined,
  });
  /** False once Apollo starts draining: the known-document path then leaves every request to Apollo. */
  let serving = true;
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: answerError,
    includeStacktraceInErrorResponses: false,
    // Apollo's own warnings (e.g. a plugin's failure) as structured lines, not console output.
    logger: log,
    // The query limits (query-limits.ts), as on the socket. Introspection is governed by the rules'
    // introspectionEnabled alone: Apollo's own default would turn it off whenever NODE_ENV=production.
    introspection: true,
    parseOptions: queryParseOptions(config),
    validationRules: queryValidationRules(config),
    // main.ts stops everything in order on SIGINT/SIGTERM. Apollo's own signal handler would start a
    // second, concurrent stop(): a stop() that finds one under way awaits a barrier Apollo 5 only
    // releases on failure, so Ctrl-C would hang.
    stopOnTerminationSignals: false,
    plugins: [
      // Stopping: no new connections, idle ones closed, requests in flight given the drain time.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownDrainTimeoutMs }),
      ...disabledApolloDefaults(),
      // The query cost, NUL characters in arguments, the per-key budgets, heavy queries' turns,
      // retryable answers as HTTP 503, and the metrics: one listener (graphql-request-plugin.ts).
      requestPlugin,
      {
        serverWillStart: async () => ({
          drainServer: () => {
            serving = false;
            return webSocket.dispose();
          },
        }),
      },
    ],
  });
  await apollo.start();

  // Liveness: the process answers. Readiness: it can serve (database, migrations, outbox tail).
  app.get('/healthz', (_request, response) => {
    response.json({ ok: true });
  });
  app.get('/readyz', (_request, response, next) => {
    options.readiness().then((readiness) => {
      response
        .status(readiness.ready ? 200 : 503)
        .setHeader('Cache-Control', 'no-store')
        .json(readiness);
    }, next);
  });
  if (options.metrics) app.use(metricsRoute(options.metrics, (authorization) => principalFor(auth, authorization)));
  // Switched off, /metrics is a 404 of its own (not the dashboard's page, which the client routes answer unknown paths with).
  else
    app.get('/metrics', (_request, response) =>
      sendTransportError(response, { status: 404, code: 'NOT_FOUND', message: 'Metrics are off (METRICS=0)' }),
    );
  app.use(exportRoutes({ auth, config }));
  app.use(documentRoutes({ auth, config, clock: options.spend.clock }));
  app.use(
    authRoutes({
      orm,
      config,
      clock: options.spend.clock,
      closeSessionSockets: (sessionId) => webSocket.closeSessionSockets(sessionId),
      rateLimits: options.rateLimits,
      committed: () => options.spend.deps.committed(),
    }),
  );
  app.use(
    stripeWebhookRoute({
      orm,
      stripe: options.payments.deps.stripe,
      webhookSecret: options.stripeWebhook.webhookSecret,
      toleranceSeconds: config.stripeWebhookToleranceSeconds,
      bodyBytesMax: config.stripeWebhookBodyBytesMax,
      onEventRecorded: options.stripeWebhook.onEventRecorded,
    }),
  );
  const context = async (request: http.IncomingMessage): Promise<Context> => {
    const { authorization, cookie, origin, host } = request.headers;
    // The session cookie rides along on any request the browser sends to this host: one signed in by
    // it must come from this site's own pages (Apollo's CSRF prevention already stops forms and
    // text/plain; this stops a JSON post another origin's script sends with credentials).
    if (authorization === undefined && cookieValue(cookie, SESSION_COOKIE) !== undefined && !sameOrigin(origin, host)) {
      throw new GraphQLError('Requests signed in with the session cookie must come from this site', {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    }
    // The request's EntityManager is forked when first asked for: a fork costs ~60 µs of a loaded
    // server's CPU, and call control (raw SQL on spend.sqlEm) and cached keys never need one.
    let em: EntityManager | undefined;
    const requestEm = () => (em ??= orm.em.fork());
    const principal = fromClientIp(
      await principalFor(auth, request.headers.authorization, request.headers.cookie, requestEm).catch((error: unknown) => {
        // The credential lookup met a database going away: retryable, like the operation's own statements.
        const unavailable = databaseUnavailableReason(error);
        if (unavailable === undefined) throw error;
        const answer = new ServiceUnavailableError(unavailable);
        throw new GraphQLError(answer.message, {
          extensions: {
            code: answer.code,
            ...answer.extensions,
            http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
          },
        });
      }),
      request.socket.remoteAddress,
    );
    // A key already over its query budgets sending a query: refused before parsing or validating it.
    const early = options.rateLimits.refusalBeforeParsing(principal, (request as { body?: { query?: unknown } }).body?.query);
    if (early) throw rateLimitedError(early);
    return new HttpRequestContext(requestEm, {
      principal,
      config,
      credentialCache,
      events: options.events,
      spend: options.spend,
      payments: options.payments,
      loaders: createLoaders(requestEm, { clock: options.spend.clock, config }),
    });
  };
  // One list for both paths to /graphql, so their CORS and body rules cannot drift apart.
  // A browser's script may read X-Request-Id only when CORS exposes it.
  const graphqlCors: CorsOptions = { exposedHeaders: [REQUEST_ID_HEADER] };
  const graphqlMiddlewares = [cors(graphqlCors), express.json({ limit: config.requestBodyBytesMax })] as const;
  // app.use matches sub-paths too: /graphql/anything is not the endpoint (JSON 404, not Apollo's 400).
  app.use('/graphql', (request, response, next) => (request.path === '/' ? next() : jsonNotFound(request, response)));
  const apolloMiddleware = expressMiddleware(apollo, { context: ({ req }) => context(req) });
  app.use('/graphql', graphqlMiddlewares[0], forwardGraphqlPostError, graphqlMiddlewares[1], (request, response, next) => {
    // GET /graphql (POST goes through graphqlPostListener): the same caps; past the deadline its database work is refused.
    options
      .startOperation()
      .run(async () => apolloMiddleware(request, response, next))
      .catch(next);
  });
  // The captured mails hold every tenant's notifications: a local development aid, never in production.
  if (options.devMail && !config.production) app.use(devMailRoutes(options.devMail, (authorization) => principalFor(auth, authorization)));
  serveClient(app, config.clientDir);
  app.use(jsonNotFound);
  app.use(jsonErrorHandler);
  httpServer.on('clientError', onClientError);
  httpServer.on(
    'request',
    // Every request, POST /graphql included, gets its id and its log line first (request-logging.ts).
    withRequestLogging(
      config,
      graphqlPostListener({
        apollo,
        context,
        middlewares: [...graphqlMiddlewares],
        bodyBytesMax: config.requestBodyBytesMax,
        corsHeaders: fixedCorsHeaders(graphqlCors),
        app,
        startOperation: options.startOperation,
        retryAfterSeconds: RETRY_AFTER_SECONDS,
        knownDocuments:
          config.graphqlHttpKnownDocumentsMax > 0
            ? knownDocumentPath({
                schema,
                documents: knownDocuments,
                plugin: requestPlugin,
                formatError: answerError,
                serving: () => serving,
              })
            : undefined,
      }),
    ),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () => apollo.stop(),
  };
}

/**
 * The plugins Apollo would install by default, switched off. Money answers are never HTTP-cacheable,
 * and the default cache-control plugin wraps every field resolver of every request to compute a
 * policy nobody reads. Inline traces are for federated subgraphs (this is none: Apollo's default
 * plugin only costs a hook per request); usage and schema reporting would send operations to
 * Apollo's cloud if APOLLO_KEY were set. None has a request hook (the known-document path relies on it).
 */
export function disabledApolloDefaults(): ApolloServerPlugin<Context>[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
  ];
}

/**
 * A GraphQL request's context over HTTP, whose EntityManager is forked when first asked for. The
 * getter lives on the prototype: Apollo copies a context's own properties for each operation
 * (Object.assign onto an object of the same prototype), which would call an own getter at once.
 */
class HttpRequestContext implements Context {
  declare readonly principal: Context['principal'];
  declare readonly config: Context['config'];
  declare readonly credentialCache: Context['credentialCache'];
  declare readonly events: Context['events'];
  declare readonly spend: Context['spend'];
  declare readonly payments: Context['payments'];
  declare readonly loaders: Context['loaders'];

  constructor(
    /** The request's EntityManager, forked on its first call. */
    readonly requestEm: () => EntityManager,
    fields: Omit<Context, 'em'>,
  ) {
    Object.assign(this, fields);
  }

  get em(): EntityManager {
    return this.requestEm();
  }
}
