import { createHash } from 'node:crypto';
import { GraphQLError, type OperationTypeNode } from 'graphql';
import { HeaderMap } from '@apollo/server';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../config.js';
import type { Principal } from '../../domain/accounts/principal.js';
import { RateLimited, SharedBudget } from './shared-budget.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { SocketQuota } from './socket-quota.js';
import { log } from '../../logging/logger.js';

/** A document without this word holds no mutation operation. */
const MUTATION_WORD = /\bmutation\b/;

/** The table of rate-limiter-flexible's store (Migration20261206030000_rate_limits). */
const TABLE = 'rate_limit';

/** Every rate limit of a server process; see README "Rate limits". */
export interface RateLimits {
  /** False when `rateLimitsEnabled` is off: every check then admits. */
  enabled: boolean;
  /**
   * Spends one point of the principal's query or mutation budget (subscriptions spend a query; a
   * mutation spends `mutations` points, `mutationPoints`, default 1) and, for a query, its cost
   * (`queryCost`) from the cost budget. undefined when admitted
   * (synchronously on the common path); the operator's token is not limited.
   */
  chargeOperation(
    principal: Principal,
    operation: OperationTypeNode | 'query' | 'mutation' | 'subscription',
    cost?: number,
    mutations?: number,
  ): RateLimited | undefined | Promise<RateLimited | undefined>;
  /**
   * The refusal a request's document is sure to meet, known before it is parsed: its key has spent
   * its query count or its query cost for the window and the document holds no mutation (no
   * `mutation` word anywhere), so it can only be refused. A key that ignores Retry-After then costs
   * the server next to nothing per request. undefined otherwise (the request goes on to be checked).
   */
  refusalBeforeParsing(principal: Principal, queryText: unknown): RateLimited | undefined;
  /** Password guessing on /auth/sign-in and /auth/accept-invitation. */
  signIn: SignInThrottle | undefined;
  /**
   * Counts one sign-up attempt of a client IP address (`signUpsPerIpMax` per `signUpWindowSeconds`,
   * shared by every process): undefined when admitted, the refusal past the limit. Absent when limits are off.
   */
  signUp: ((ip: string) => Promise<RateLimited | undefined>) | undefined;
  /** Sockets and subscriptions per key, in this process. */
  sockets: SocketQuota | undefined;
  /** Reports what is pending, stops the timers and closes the pool. */
  close(): Promise<void>;
}

/** The key a principal's limits are counted under: its API key or its dashboard session; null for the operator's token. */
export function rateLimitKey(principal: Principal): string | null {
  return principal.apiKeyId ?? principal.sessionId ?? null;
}

/**
 * Builds the limits on their own small pg pool (`rateLimitPoolSize`): the reports never wait
 * behind the ORM's pool, and the ORM's pool never serves them.
 */
export function createRateLimits(options: { databaseUrl: string; config: Config; onError?(error: unknown): void }): RateLimits {
  const { config } = options;
  if (!config.rateLimitsEnabled) {
    return {
      enabled: false,
      chargeOperation: () => undefined,
      refusalBeforeParsing: () => undefined,
      signIn: undefined,
      signUp: undefined,
      sockets: undefined,
      close: async () => {},
    };
  }
  // The same bounds as the server's own pool (config.ts): a stalled or restarting database never
  // holds a report for long; it is retried, and requests are admitted locally meanwhile.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: config.rateLimitPoolSize,
    connectionTimeoutMillis: config.databaseConnectTimeoutMs,
    statement_timeout: config.databaseStatementTimeoutMs || undefined,
    lock_timeout: config.databaseLockTimeoutMs || undefined,
    idle_in_transaction_session_timeout: config.databaseIdleInTransactionTimeoutMs || undefined,
    query_timeout: config.databaseQueryTimeoutMs || undefined,
  });
  const onError =
    options.onError ??
    ((error: unknown) => log.error({ err: error }, 'A rate-limit report to PostgreSQL failed (admitted locally meanwhile)'));
  pool.on('error', onError);
  const store = (keyPrefix: string, points: number, durationSeconds: number) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      keyPrefix,
      points,
      duration: durationSeconds,
    });
  const budget = (keyPrefix: string, points: number, limit: string) =>
    new SharedBudget({
      store: store(keyPrefix, points, config.graphqlRateWindowSeconds),
      limit,
      syncPointsMax: config.rateLimitSyncPointsMax,
      syncIntervalMs: config.rateLimitSyncIntervalMs,
      onError,
    });
  const queries = budget('gql_query', config.graphqlQueriesPerWindowMax, 'graphqlQueriesPerWindowMax');
  const mutations = budget('gql_mutation', config.graphqlMutationsPerWindowMax, 'graphqlMutationsPerWindowMax');
  // A process may admit one largest allowed query's cost before it reports: across P processes a
  // window admits at most the budget + P × queryCostMax.
  const costs = new SharedBudget({
    store: store('gql_cost', config.graphqlQueryCostPerWindowMax, config.graphqlRateWindowSeconds),
    limit: 'graphqlQueryCostPerWindowMax',
    syncPointsMax: config.queryCostMax,
    syncIntervalMs: config.rateLimitSyncIntervalMs,
    onError,
  });
  const signIn = new SignInThrottle({
    failures: store('auth_fail', 1_000_000_000, config.signInFailureMemorySeconds),
    lockouts: store('auth_lock', 1, 0),
    lockoutInitialMs: config.signInLockoutInitialMs,
    lockoutMaxMs: config.signInLockoutMaxMs,
  });
  const signUps = store('sign_up', config.signUpsPerIpMax, config.signUpWindowSeconds);
  const signUp = async (ip: string): Promise<RateLimited | undefined> => {
    try {
      await signUps.consume(createHash('sha256').update(ip).digest('base64url'));
      return undefined;
    } catch (error) {
      if (error instanceof RateLimiterRes) return new RateLimited(error.msBeforeNext, 'signUpsPerIpMax');
      // The store is unreachable: admitted (as the other limits do), and said.
      onError(error);
      return undefined;
    }
  };
  return {
    enabled: true,
    chargeOperation: (principal, operation, cost, mutationCount = 1) => {
      const key = rateLimitKey(principal);
      if (key === null) return undefined;
      const counted = operation === 'mutation' ? mutations.charge(key, Math.max(1, Math.ceil(mutationCount))) : queries.charge(key);
      if (operation !== 'query' || cost === undefined || cost < 1) return counted;
      const costed = (refusal: RateLimited | undefined) => refusal ?? costs.charge(key, Math.ceil(cost));
      return counted instanceof Promise ? counted.then(costed) : costed(counted);
    },
    refusalBeforeParsing: (principal, queryText) => {
      const key = rateLimitKey(principal);
      if (key === null || typeof queryText !== 'string' || MUTATION_WORD.test(queryText)) return undefined;
      return queries.blockedFor(key) ?? costs.blockedFor(key);
    },
    signIn,
    signUp,
    sockets: new SocketQuota(config),
    close: async () => {
      queries.close();
      mutations.close();
      costs.close();
      await Promise.all([queries.flush(), mutations.flush(), costs.flush()]).catch(onError);
      await pool.end();
    },
  };
}

/**
 * The GraphQL error of a refusal: `extensions.code` RATE_LIMITED with `retryAfterSeconds` and the
 * setting; over HTTP Apollo answers it 429 with `Retry-After`.
 */
export function rateLimitedError(refusal: RateLimited): GraphQLError {
  const retryAfterSeconds = refusal.retryAfterSeconds;
  return new GraphQLError(`Rate limit ${refusal.limit} reached: retry in ${retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      limit: refusal.limit,
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

export { RateLimited };
