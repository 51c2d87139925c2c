import path from 'node:path';
import { parseUsStateRates } from './us-sales-tax-rates.js';

/** Every setting and limit of the server, each with its unit. Built once by {@link loadConfig}. */
/**
 * How many postings a process gathers into one statement (`batchSizeMax`, in postings), and how
 * many such statements it runs at once (`batchesInFlightMax`): the defaults of
 * {@link Config.postingBatchSizeMax} and {@link Config.postingBatchesInFlightMax}.
 */
export const POSTING_BATCH_LIMITS_DEFAULT = Object.freeze({ batchSizeMax: 32, batchesInFlightMax: 2 });

export interface Config {
  /** TCP port for HTTP and WebSocket. `0` picks a free port. Env `PORT`. @default 4000 */
  port: number;
  /**
   * Address to bind. Loopback by default, so a fresh checkout is not reachable from the network;
   * set `HOST=0.0.0.0` (or an interface's address) to serve others. Env `HOST`. @default '127.0.0.1'
   */
  host: string;
  /**
   * External PostgreSQL to use, e.g. `postgres://user@127.0.0.1:5432/spendwire`. When unset an
   * embedded PostgreSQL is started under {@link dataDir}. Env `DATABASE_URL`.
   */
  databaseUrl: string | undefined;
  /** Folder for the embedded PostgreSQL's files. Env `DATA_DIR`. @default '<cwd>/.data' */
  dataDir: string;
  /** Port of the embedded PostgreSQL (not 5432: machines may run one there). Env `EMBEDDED_PG_PORT`. @default 54329 */
  embeddedPostgresPort: number;
  /**
   * The operator's bearer token (role PLATFORM_ADMIN). When unset, `npm start` generates one,
   * stores it under {@link dataDir} and prints it. Env `PLATFORM_ADMIN_TOKEN`.
   */
  platformAdminToken: string | undefined;
  /** Folder with the built dashboard served at `/`. @default '<cwd>/dist/client' */
  clientDir: string;
  /**
   * Production mode: no demo account is seeded or printed and the `/dev/mail` page does not exist.
   * Env `NODE_ENV=production`. @default false
   */
  production: boolean;
  /**
   * Largest WebSocket message (frame payload) the server accepts, in bytes; a larger one closes the
   * socket with 1009 (Message Too Big) before it is buffered. Env `WS_MESSAGE_BYTES_MAX`. @default 65_536 (64 KiB)
   */
  webSocketMessageBytesMax: number;
  /**
   * Least severe log level written: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`.
   * `info` writes one line per HTTP request and WebSocket operation; `debug` adds health checks.
   * Env `LOG_LEVEL`. @default 'info'
   */
  logLevel: LogLevel;
  /**
   * How log lines are written to stdout: `json` (one JSON object per line, for log collectors) or
   * `pretty` (coloured, one readable line per event, for a developer's terminal).
   * Env `LOG_FORMAT`. @default 'json' when `NODE_ENV=production`, else 'pretty'
   */
  logFormat: LogFormat;
  /**
   * Longest incoming `X-Request-Id` header kept as the request's id, in characters; a longer one,
   * or one with characters other than letters, digits and `-_.:`, is replaced by a generated UUID.
   * Env `REQUEST_ID_LENGTH_MAX`. @default 128
   */
  requestIdLengthMax: number;
  /** Longest each `/readyz` check (database, migrations table) may take before it counts as failed, in milliseconds. @default 2000 */
  readinessCheckTimeoutMs: number;
  /**
   * Whether `/metrics` serves Prometheus metrics (to the PLATFORM_ADMIN credential as a bearer
   * token) and the server counts them. Env `METRICS` (0 turns both off: `/metrics` is then 404). @default true
   */
  metricsEnabled: boolean;
  /**
   * Longest a `/metrics` scrape waits for its one database statement, in milliseconds; past it the
   * database gauges keep their last values and `spendwire_metrics_database_up` is 0. @default 2000
   */
  metricsDatabaseTimeoutMs: number;
  /** Largest page a `transactions` connection returns, in rows. @default 100 */
  transactionsPageSizeMax: number;
  /** Page size when `first` is not given, in rows. @default 20 */
  transactionsPageSizeDefault: number;
  /** Largest amount of one charge or adjustment, in micros (one billion major units). @default 1e15 */
  operationAmountMicrosMax: bigint;
  /** Largest balance a wallet may hold, in micros (ten billion major units). @default 1e16 */
  walletBalanceMicrosMax: bigint;
  /**
   * Most usage events one `recordUsage` call carries, in events; more is refused whole with
   * BAD_USER_INPUT on `events` (`extensions.limit` names this setting). Each event counts as one
   * mutation against `graphqlMutationsPerWindowMax`. @default 1000
   */
  usageEventsPerCallMax: number;
  /** Longest `description` or adjustment `reason`, in characters. @default 500 */
  descriptionLengthMax: number;
  /** Longest idempotency key, in characters. @default 255 */
  idempotencyKeyLengthMax: number;
  /** Longest account or API key name, in characters. @default 200 */
  nameLengthMax: number;
  /** Connections in the server's PostgreSQL pool. Env `DATABASE_POOL_SIZE`. @default 16 */
  databasePoolSize: number;
  /**
   * Execution deadline of one client operation (a GraphQL query or mutation over HTTP or WebSocket,
   * or a subscription's setup; not a subscription's lifetime), in milliseconds. Past it the operation
   * is answered with OPERATION_TIMEOUT and its database work not yet started never starts.
   * Env `OPERATION_DEADLINE_MS`. @default 10000
   */
  operationDeadlineMs: number;
  /**
   * Most pooled database connections one client operation holds at once, in connections; one more
   * waits (within the deadline) until the operation releases one. Group-commit postings and work
   * inside a transaction the operation already holds are not counted (they must never wait for the
   * operation's own permits). Env `OPERATION_CONNECTIONS_MAX`. @default 4
   */
  operationConnectionsMax: number;
  /**
   * Pool connections client operations never take, in connections: requests together hold at most
   * `databasePoolSize − databasePoolReservedConnections`, so the billing clock, the outbox tail,
   * consumers and jobs always find one. Must be below `databasePoolSize`.
   * Env `DATABASE_POOL_RESERVED_CONNECTIONS`. @default 4
   */
  databasePoolReservedConnections: number;
  /**
   * PostgreSQL `statement_timeout` of the server's pooled connections, in milliseconds: a statement
   * running longer is cancelled by PostgreSQL (SQLSTATE 57014), answered SERVICE_UNAVAILABLE
   * (retryable), and its transaction rolled back. Above {@link operationDeadlineMs}, so it bounds
   * what a request answered by its deadline still runs; background jobs get it too. Migrations run
   * without it. 0 turns it off. Env `DATABASE_STATEMENT_TIMEOUT_MS`. @default 15000
   */
  databaseStatementTimeoutMs: number;
  /**
   * PostgreSQL `lock_timeout` of the pooled connections, in milliseconds: a statement waiting longer
   * for one row or table lock fails (SQLSTATE 55P03, answered SERVICE_UNAVAILABLE, retryable).
   * 0 turns it off. Env `DATABASE_LOCK_TIMEOUT_MS`. @default 10000
   */
  databaseLockTimeoutMs: number;
  /**
   * PostgreSQL `idle_in_transaction_session_timeout` of the pooled connections, in milliseconds: a
   * session left idle inside an open transaction this long is ended by PostgreSQL (its locks
   * released, the transaction rolled back) and the pool replaces the connection. No transaction of
   * the server waits on anything but its own statements. 0 turns it off.
   * Env `DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS`. @default 30000
   */
  databaseIdleInTransactionTimeoutMs: number;
  /**
   * Client-side bound on one statement's answer, in milliseconds: past it the statement fails
   * (SERVICE_UNAVAILABLE, retryable) and its connection is discarded. It covers what the server's
   * statement_timeout cannot: a stalled network or a frozen server, whose answer never comes.
   * Above {@link databaseStatementTimeoutMs}. 0 turns it off. Env `DATABASE_QUERY_TIMEOUT_MS`. @default 20000
   */
  databaseQueryTimeoutMs: number;
  /**
   * Longest wait to open one PostgreSQL connection (TCP, TLS and authentication), in milliseconds;
   * an unreachable or stalled server fails the attempt (SERVICE_UNAVAILABLE, retryable) instead of
   * holding its caller. Env `DATABASE_CONNECT_TIMEOUT_MS`. @default 5000
   */
  databaseConnectTimeoutMs: number;
  /**
   * Longest wait for a pooled connection, in milliseconds (the pool's acquire timeout): a caller
   * outside any client operation (jobs, the billing clock) that finds the pool busy or PostgreSQL
   * down this long fails and retries on its next pass; a client operation is also bounded by
   * {@link operationDeadlineMs}. Env `DATABASE_POOL_ACQUIRE_TIMEOUT_MS`. @default 10000
   */
  databasePoolAcquireTimeoutMs: number;
  /**
   * Longest time a client may take to send an HTTP request's headers, in milliseconds (node:http
   * `headersTimeout`); a slower one gets 408 and is closed. Env `HTTP_HEADERS_TIMEOUT_MS`. @default 20000
   */
  httpHeadersTimeoutMs: number;
  /**
   * Longest time a client may take to send a whole HTTP request (headers and body), in
   * milliseconds (node:http `requestTimeout`); a slower one gets 408 and is closed. Not the time to
   * answer it: that is {@link operationDeadlineMs}. Env `HTTP_REQUEST_TIMEOUT_MS`. @default 60000
   */
  httpRequestTimeoutMs: number;
  /**
   * How long an idle keep-alive HTTP connection stays open after an answer, in milliseconds
   * (node:http `keepAliveTimeout`). Behind a load balancer, set it above the balancer's own idle
   * timeout. Env `HTTP_KEEP_ALIVE_TIMEOUT_MS`. @default 5000
   */
  httpKeepAliveTimeoutMs: number;
  /**
   * Graceful shutdown (SIGINT, SIGTERM): the server stops accepting, then gives requests in flight
   * and open sockets this long to finish, in milliseconds, before it closes what is left (sockets
   * with 1001 Going Away) and stops its jobs, the database pool and an embedded PostgreSQL.
   * Env `SHUTDOWN_DRAIN_TIMEOUT_MS`. @default 10000
   */
  shutdownDrainTimeoutMs: number;
  /**
   * Most concurrent postings (charges, top-ups, call costs…) one statement and one commit carry,
   * in postings; 1 posts each alone. Env `POSTING_BATCH_SIZE_MAX`. @default 32
   */
  postingBatchSizeMax: number;
  /**
   * Most posting statements one process runs at once, each on its own pooled connection; a posting
   * arriving while this many run waits for one to finish and goes with the next.
   * Env `POSTING_BATCHES_IN_FLIGHT_MAX`. @default 2
   */
  postingBatchesInFlightMax: number;
  /**
   * Largest GraphQL request body over HTTP, in bytes: room for one `recordUsage` call of
   * `usageEventsPerCallMax` events with every field at its longest (about 0.95 MB). @default 1_048_576 (1 MiB)
   */
  requestBodyBytesMax: number;
  /**
   * Largest cost of one GraphQL operation, in fields: every selected field counts 1, and what a
   * paged field (`first`) selects counts once per row it may return (`first`, else its page-size
   * default). Over it: QUERY_TOO_COMPLEX before execution (HTTP and WebSocket). @default 10_000
   */
  queryCostMax: number;
  /** Most aliases in one GraphQL operation, fragments included. Over it: QUERY_TOO_COMPLEX. @default 15 */
  queryAliasesMax: number;
  /** Deepest field nesting of one GraphQL operation, in levels (`{ a { b } }` is 2). Over it: QUERY_TOO_COMPLEX. @default 10 */
  queryDepthMax: number;
  /**
   * Most lexical tokens in one GraphQL document (names, punctuation, values; not comments). The
   * parser stops at the limit, so a huge document is never parsed in full. Over it:
   * QUERY_TOO_COMPLEX. @default 1_000
   */
  queryTokensMax: number;
  /** Most directives (`@include`, `@skip`, …) in one GraphQL operation. Over it: QUERY_TOO_COMPLEX. @default 50 */
  queryDirectivesMax: number;
  /**
   * Whether GraphQL introspection (`__schema`, `__type`) is answered, for integrators' tooling.
   * Env `GRAPHQL_INTROSPECTION` (`0` turns it off). @default true
   */
  introspectionEnabled: boolean;
  /**
   * Whether error messages keep graphql-js's "Did you mean …" suggestions, which spell out the
   * schema to a caller who guesses. Off when `NODE_ENV=production`. @default true (false in production)
   */
  fieldSuggestionsEnabled: boolean;
  /**
   * How long a server process trusts an API key it has looked up, in milliseconds: a key revoked
   * through another process is refused here at most this much later (at once through this one).
   * 0 looks every request up. @default 5000
   */
  apiKeyCacheTtlMs: number;
  /** Most API keys a process remembers. @default 10_000 */
  apiKeyCacheEntriesMax: number;
  /** How long a WebSocket may take to send `connection_init` before it is closed (4408), in milliseconds. @default 3000 */
  connectionInitWaitTimeoutMs: number;
  /** Most subscriptions one socket may hold open at once. @default 50 */
  subscriptionsPerSocketMax: number;
  /**
   * Most distinct operation texts whose parsed and validated document a process keeps for
   * WebSocket operations, in entries (least recently used evicted): every subscription sending the
   * same text shares one document instead of parsing, validating and holding its own. 0 keeps none.
   * @default 1000
   */
  socketDocumentCacheEntriesMax: number;
  /**
   * Most distinct operation texts whose validated document POST /graphql remembers, in entries
   * (least recently used evicted): a request sending one of them (and nothing but query,
   * operationName and variables, with a common Accept header) runs without Apollo's request
   * pipeline, with the same checks and answer (transport/known-document-path.ts; ~45 µs of CPU less
   * per request). 0 keeps none: every request goes through Apollo. Env GRAPHQL_HTTP_KNOWN_DOCUMENTS_MAX.
   * @default 1000
   */
  graphqlHttpKnownDocumentsMax: number;
  /**
   * Most events waiting for one subscriber that does not read fast enough; past it the socket is
   * closed with 4413 and the client resumes with afterSequence. @default 1000
   */
  subscriberQueueMax: number;
  /** How often open sockets' API keys are checked for revocation, in milliseconds. @default 1000 */
  socketCredentialCheckIntervalMs: number;
  /** How often the outbox is read even without a wake-up signal, in milliseconds. @default 1000 */
  outboxPollIntervalMs: number;
  /**
   * Least time between the starts of two reads of the live tail woken by commits, in milliseconds:
   * under load a read takes every commit of the interval instead of one read per commit (each read
   * costs PostgreSQL a look at every backend's state for the outbox horizon, ~0.3 ms), at the price
   * of up to this much more delay for live events. A wake-up after a quiet spell still reads at
   * once. 0 reads at every commit. Env `OUTBOX_TAIL_READ_INTERVAL_MIN_MS`. @default 20
   */
  outboxTailReadIntervalMinMs: number;
  /**
   * Least time between the starts of two passes of a durable outbox consumer woken by commits (the
   * alert processor, the webhook producer), in milliseconds: under sustained load each runs at most
   * every this often, judging everything committed meanwhile, instead of every coalescing delay
   * ({@link alertsCoalesceMs}, {@link webhookProducerCoalesceMs}); a wake-up after a quiet spell
   * still runs after the coalescing delay. 0: no spacing. Env `OUTBOX_CONSUMER_PASS_INTERVAL_MIN_MS`.
   * @default 200
   */
  outboxConsumerPassIntervalMinMs: number;
  /**
   * Least time between two NOTIFYs with which a process wakes the other processes' outbox readers
   * after its commits (without Redis), in milliseconds: under load one NOTIFY stands for every
   * commit of the interval instead of about one per commit, and the other processes hear of them
   * up to this much later (their own commits and the 1 s poll are unaffected). 0: a NOTIFY per
   * commit but while one is in flight. Env `OUTBOX_NOTIFY_INTERVAL_MIN_MS`. @default 20
   */
  outboxNotifyIntervalMinMs: number;
  /**
   * Outbox rows per read (live tail and replays), and wallet transactions per read: a row of a
   * posting statement stands for all of a wallet's transactions in it, and a read takes a row only
   * while the rows before it stand for fewer than this many (a row is never split, so one read may
   * return up to this many plus one statement's). @default 500
   */
  outboxBatchSize: number;
  /**
   * Most wallets with live subscribers in a process for which its outbox tail reads back only
   * their transactions, in wallets: up to this many, a read brings each other wallet's outbox row
   * alone (a 500-event usage statement is a row per wallet instead of 500 transactions parsed for
   * nobody); with more, each read compares every row against the list, so it brings every
   * transaction instead. A fleet's reader always brings every transaction (it publishes them to every
   * process). @default 256
   */
  outboxTailListenedWalletsMax: number;
  /**
   * Redis for a fleet of server processes, e.g. `redis://10.0.0.5:6379`. When set, the processes
   * elect ONE outbox reader (a PostgreSQL advisory lock held on a dedicated connection) that reads
   * the outbox and publishes its rows through Redis pub/sub; every process feeds its subscribers
   * from that stream (filling any gap from PostgreSQL, dropping repeats by outbox position). When
   * Redis cannot be reached a process reads the outbox itself (every {@link outboxPollIntervalMs}
   * and after its own commits): nothing is lost. Unset: every process reads the outbox itself, woken
   * by PostgreSQL NOTIFY. Env `REDIS_URL`. @default undefined
   */
  redisUrl: string | undefined;
  /**
   * Prefix of the Redis channels of this fleet (`<prefix>outbox`, `<prefix>outbox-wake`,
   * `<prefix>alerts`) and part of the reader election's lock key: fleets sharing a Redis use
   * different prefixes. Env `REDIS_KEY_PREFIX`. @default 'spendwire:'
   */
  redisKeyPrefix: string;
  /**
   * Wait before a process whose election connection failed (PostgreSQL restarting, a network cut)
   * opens it again, in milliseconds. The election itself does not poll: every other process waits
   * on the lock (`pg_advisory_lock`), so a killed or stopped reader is replaced as soon as
   * PostgreSQL ends its session (about 0.5 s measured on a loaded 2-core machine). Env
   * `OUTBOX_READER_RECONNECT_DELAY_MS`. @default 500
   */
  outboxReaderReconnectDelayMs: number;
  /**
   * TCP keepalive idle time of the election connection, in seconds (then 3 probes 1 s apart, on
   * both ends): a reader whose machine or network vanished loses the lock after about this + 3 s,
   * and the next waiting process takes over at once. Env `OUTBOX_READER_KEEPALIVE_IDLE_SECONDS`. @default 5
   */
  outboxReaderKeepaliveIdleSeconds: number;
  /**
   * How often the fleet's reader publishes its outbox position even when nothing was committed, in
   * milliseconds: a process that missed the last rows learns of the gap by this heartbeat and fills
   * it from PostgreSQL. @default 1000
   */
  outboxStreamHeartbeatIntervalMs: number;
  /**
   * A process that heard nothing from the fleet's reader for this long (no rows, no heartbeat: no
   * reader, or Redis unreachable) reads the outbox itself until the stream resumes, in
   * milliseconds. @default 3000
   */
  outboxStreamStaleAfterMs: number;
  /**
   * Most messages of the outbox stream a process keeps waiting while it fills a gap from
   * PostgreSQL; one more drops the oldest (safe: a later message shows the gap, filled again from
   * PostgreSQL). @default 1000
   */
  outboxStreamInboxMessagesMax: number;
  /** Most rates (destination prefixes) in one rate plan. @default 10_000 */
  ratesPerPlanMax: number;
  /** Largest page of campaigns or calls, in rows. @default 100 */
  callsPageSizeMax: number;
  /** Page of campaigns or calls when `first` is not given, in rows. @default 20 */
  callsPageSizeDefault: number;
  /** Most calls one account may have active at once; past it startCall fails with LIMIT_EXCEEDED. Env `CONCURRENT_CALLS_MAX`. @default 2000 */
  concurrentCallsPerAccountMax: number;
  /**
   * Most concurrent call starts (or call ends) one transaction carries, in calls: they share its
   * statements, row locks and commit; 1 runs each call in a transaction of its own.
   * Env `CALL_BATCH_SIZE_MAX`. @default 64
   */
  callBatchSizeMax: number;
  /**
   * Most calls one call-start (or call-end) transaction carries when all of them came in
   * `startCalls`/`endCalls` lists, in calls: concurrent lists of one wallet (or one account's hang-ups)
   * merge into one transaction, sharing its locks, statements and commit; a call that came alone
   * (startCall, endCall) caps its transaction at `callBatchSizeMax`; a value below `callBatchSizeMax` counts as it.
   * Env `CALL_LIST_BATCH_SIZE_MAX`. @default 1000
   */
  callListBatchSizeMax: number;
  /**
   * Most calls one `startCalls` or `endCalls` request carries, in calls; more (or none) is refused
   * whole with BAD_USER_INPUT on `calls` (`extensions.limit` names this setting), nothing written.
   * Each call counts as one mutation against `graphqlMutationsPerWindowMax`.
   * Env `CALL_CONTROL_ITEMS_MAX`. @default 1000
   */
  callControlItemsMax: number;
  /**
   * Most call ids one `callGrants` read carries, in calls; more (or none) is refused whole with
   * BAD_USER_INPUT on `ids` (`extensions.limit` names this setting). A switch polls the grants of
   * the calls it has up (those whose grant ends within about `billingClockLeadMs`) once per poll:
   * a switch with more calls than this splits them over several reads.
   * Env `CALL_GRANT_IDS_MAX`. @default 1000
   */
  callGrantIdsMax: number;
  /**
   * Most call-start transactions (and as many call-end ones) one process runs at once, each on its
   * own pooled connection; a call arriving while this many run waits and goes with the next batch.
   * Env `CALL_BATCHES_IN_FLIGHT_MAX`. @default 2
   */
  callBatchesInFlightMax: number;
  /**
   * Most rate plans one process keeps in memory for call set-up, in plans (a plan never changes once
   * created; up to `ratesPerPlanMax` rates each, about 0.3 KB a rate); 0 reads the plan for every call.
   * Env `RATE_PLAN_CACHE_ENTRIES_MAX`. @default 32
   */
  ratePlanCacheEntriesMax: number;
  /**
   * Most campaigns' routes (account, wallet, rate plan: never changed once created) one process keeps
   * in memory for startCall, in campaigns (about 0.3 KB each); 0 reads the campaign for every call.
   * Env `CAMPAIGN_ROUTE_CACHE_ENTRIES_MAX`. @default 10000
   */
  campaignRouteCacheEntriesMax: number;
  /**
   * Longest caller id startInboundCall keeps, in characters: an E.164 number is at most 16, carriers send words such as
   * "anonymous" for a hidden caller; longer is BAD_USER_INPUT. @default 32
   */
  callerIdLengthMax: number;
  /**
   * How long before a call's funded time runs out the billing clock reserves its next increment,
   * in milliseconds (never earlier than the start of the increment in progress). It is also the
   * switch's window: a grant (`Call.fundedUntil`) is extended about this long before it ends, so a
   * switch polling `callGrants` more often than this sees the new grant before it hangs up at the old
   * one: raise it when the switch's poll takes longer (a larger lead only reserves the next increment
   * earlier). Env `BILLING_CLOCK_LEAD_MS`, at least 1. @default 1000
   */
  billingClockLeadMs: number;
  /** How often the billing clock looks for calls due, in milliseconds. @default 20 */
  billingClockIntervalMs: number;
  /** Calls the billing clock handles per statement batch. @default 1000 */
  billingClockBatchSize: number;
  /**
   * Most lapsed calls (grant run out before the clock came: a stall, a backlog) the billing clock ends
   * in one batch. It ends them once no call it can still extend is due, and while such a batch runs
   * (each call's end, event and cost posting: several times an extension) the calls falling due
   * wait: small batches keep that wait short. @default 100
   */
  billingClockLapsedBatchSize: number;
  /**
   * Longest the lapsed calls wait for their batch while calls that can still be extended keep the
   * billing clock busy, in milliseconds: once the oldest has waited this long (since the clock found
   * it lapsed) and no lapsed batch ran for as long, one batch of them
   * ({@link billingClockLapsedBatchSize}) runs before the next due calls. A lapsed call is over for
   * the switch, but until it is ended its reservation holds the wallet's credit and it counts against
   * the account's concurrent calls; without this, a clock kept at its capacity never ended it. At most
   * one such batch per this interval, so the calls it can still save keep nearly all its time.
   * 0: a lapsed batch before every due batch. Env `BILLING_CLOCK_LAPSED_WAIT_MAX_MS`. @default 1000
   */
  billingClockLapsedWaitMaxMs: number;
  /**
   * How late the billing clock may run before new calls are refused, in milliseconds: while the
   * earliest call due that it has not yet extended (in a batch or still waiting) is more than this
   * past its due time, startCall, startCalls and startInboundCall answer BILLING_CLOCK_BEHIND
   * (retryable: HTTP 503 with Retry-After) and write nothing. Calls in progress keep being metered: a
   * clock more than `billingClockLeadMs` behind lets their grants run out (the switch hangs them up),
   * so on a host at its capacity new calls wait, not the calls already up: keep it well below
   * `billingClockLeadMs` (the default is a quarter of the default lead). Only a running clock
   * refuses. 0 never refuses. Env `BILLING_CLOCK_ADMISSION_BEHIND_MS`. @default 250
   */
  billingClockAdmissionBehindMs: number;
  /**
   * How far ahead of the time of a pass the billing clock takes calls, in milliseconds: a call due
   * within this of a pass (it would fall due before the next pass, `billingClockIntervalMs` later) is
   * handled in it, so a pass is one batch of about this plus the interval's worth of calls rather
   * than many small ones, and each batch's fixed cost (a dozen statements and a commit) is shared by
   * more calls. A call is then extended up to this much earlier than `billingClockLeadMs` asks; a
   * call short of funds is still tried once more, and stopped, no earlier than the end of its funded
   * time. 0: only calls already due. Keep it well below `billingClockLeadMs`. @default 20
   */
  billingClockLookAheadMs: number;
  /**
   * How often the billing clock reads the call meters placed since its last read, in milliseconds
   * (by the snapshot that read ran with, so a call whose start commits late is still read): it
   * learns of the calls of other processes (and of a crashed one) this way, between two batches of
   * a busy pass too, so it meters a call another process started, and takes over a dead process's
   * calls, within this; its own it schedules at once. A few rows a read, whatever the calls active. @default 1000
   */
  billingClockRescanMs: number;
  /**
   * How often the billing clock re-reads every active call's due time, in milliseconds (one row per
   * active call: 25,000 rows at 25,000 calls), and at its first pass. Between two such reads a call
   * ended, or extended, by another process is found out when it falls due (its claim skips it and
   * its state is read); this read also forgets calls ended elsewhere that are not due for long (long
   * increments). At least `billingClockRescanMs`. @default 30000
   */
  billingClockFullRescanMs: number;
  /**
   * How long a billing clock's claim on calls outlives a process that stops talking to PostgreSQL,
   * in milliseconds. Every clock meters every active call (it claims due calls with SKIP LOCKED, and
   * learns of other processes' calls by its rescan), so a process killed, frozen or cut off mid-batch
   * only delays the calls its batch had locked: the batch's transaction runs with this as its
   * `idle_in_transaction_session_timeout` and `client_connection_check_interval` (PostgreSQL 14 and
   * later), so PostgreSQL ends it and frees those calls within this of the process's death (`kill
   * -9`: the backend sees the closed socket, even mid-statement) or of the end of the statement in
   * flight (a frozen or cut-off process), and another process's clock takes them on its next pass
   * ({@link billingClockIntervalMs} later). Without it a frozen process's calls stayed locked for
   * `DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS` (30 s). A live clock that pauses longer than this
   * between two statements of a batch loses the batch (rolled back, retried on the next pass). Env
   * `BILLING_CLOCK_CLAIM_TIMEOUT_MS`, {@link BILLING_CLOCK_CLAIM_TIMEOUT_MS_MIN}..{@link BILLING_CLOCK_CLAIM_TIMEOUT_MS_MAX}. @default 3000
   */
  billingClockClaimTimeoutMs: number;
  /** Whether this process runs the billing clock (tests may drive it by hand). @default true */
  billingClockEnabled: boolean;
  /** Whether the built-in dialer simulator dials campaigns created with `simulate: true`. Env `SIMULATOR` (0/1). @default true for npm start, false in tests */
  simulatorEnabled: boolean;
  /** Simulator: how often it dials and hangs up, in milliseconds. @default 250 */
  simulatorTickMs: number;
  /** Simulator: call attempts per second per simulated campaign. @default 2 */
  simulatorCallsPerSecond: number;
  /** Simulator: share of attempts answered, 0..1. @default 0.7 */
  simulatorAnswerRatio: number;
  /** Simulator: mean talk time (exponentially distributed), in seconds. @default 45 */
  simulatorMeanDurationSeconds: number;
  /** Simulator: longest talk time, in seconds. @default 600 */
  simulatorDurationSecondsMax: number;
  /** Simulator: most calls up at once per campaign. @default 40 */
  simulatorActiveCallsPerCampaignMax: number;
  /** Simulator: text messages per second per simulated campaign. @default 0.5 */
  simulatorMessagesPerSecond: number;
  /** Most recipients of one sendMessage. @default 1000 */
  messageRecipientsMax: number;
  /** How long a message's hold waits for a delivery report before it expires and is released, in milliseconds. @default 86_400_000 (24 h) */
  messageHoldTtlMs: number;
  /**
   * Most concurrent sendMessage requests one transaction holds, in requests: they share its
   * statements, its wallet and campaign row locks and its commit, each decided in arrival order
   * against the running balance; 1 runs each request in a transaction of its own. Also the most
   * delivery reports one transaction applies. Env `MESSAGE_HOLD_BATCH_SIZE_MAX`. @default 32
   */
  messageHoldBatchSizeMax: number;
  /**
   * Most message-hold transactions (and as many delivery-report ones) one process runs at once, each
   * on its own pooled connection; a request arriving while this many run (or while one holds its
   * wallet) waits and goes with the next.
   * Env `MESSAGE_HOLD_BATCHES_IN_FLIGHT_MAX`. @default 2
   */
  messageHoldBatchesInFlightMax: number;
  /** Days a number whose renewal the wallet could not pay is kept (GRACE) before it is released. @default 7 */
  numberGraceDays: number;
  /** Days after purchase within which a number may be refunded to the wallet. @default 7 */
  numberRefundDays: number;
  /** Days a wallet may stay SUSPENDED (nothing left, nothing held) before its account is CLOSED. @default 30 */
  accountCloseAfterDays: number;
  /**
   * What a monthly renewal (of a number or a sender ID) that falls while its wallet is SUSPENDED
   * does. `keep`: it is deferred and owed (RENEWAL_OWED), the subscription kept until the account
   * is funded (the owed months are paid first, oldest first) or closed. `grace`: the rule outside
   * suspension, GRACE for {@link numberGraceDays} then released. Env `NUMBERS_WHILE_SUSPENDED`.
   * @default 'keep'
   */
  numbersWhileSuspended: 'keep' | 'grace';
  /**
   * Most owed renewals (numbers and sender IDs together, the longest owed first) a funding of a
   * wallet pays itself, right after its credit commits; any more are paid by the next lifecycle
   * pass. Bounds the work a top-up, grant, adjustment or bank transfer does on its caller's time.
   * In renewals. @default 50
   */
  owedRenewalsPaidAtFundingMax: number;
  /** Most sender IDs one account may hold at once (PENDING or APPROVED, owed or in grace). Env `SENDER_IDS_PER_ACCOUNT_MAX`. @default 5 */
  senderIdsPerAccountMax: number;
  /**
   * The monthly fee of an approved sender ID, in micros per wallet currency; a currency absent
   * cannot register sender IDs. Env `SENDER_ID_MONTHLY_FEES` (`USD=5,EUR=4.5`, major units).
   * @default USD, EUR and GBP 5.00, CAD and AUD 7.00
   */
  senderIdMonthlyMicros: Readonly<Record<string, bigint>>;
  /** Longest reason support gives when approving or rejecting a sender ID, in characters. @default 500 */
  senderIdReasonLengthMax: number;
  /** How often renewals, expiries, suspensions and closures are looked for, in milliseconds. @default 1000 */
  lifecycleIntervalMs: number;
  /** Whether this process runs the lifecycle jobs (tests may drive them by hand). @default true */
  lifecycleEnabled: boolean;
  /** Whether this process runs the alert processor (tests may drive it by hand). @default true */
  alertsEnabled: boolean;
  /** How often the alert processor reads the outbox without a wake-up, in milliseconds. @default 1000 */
  alertsIntervalMs: number;
  /** Outbox rows the alert processor judges per transaction, and wallet transactions they stand for (see {@link outboxBatchSize}). @default 1000 */
  alertsBatchSize: number;
  /** How long the alert processor lets commits gather after a wake-up before a pass, in milliseconds. @default 50 */
  alertsCoalesceMs: number;
  /**
   * How far above a low-balance threshold the balance must climb before the threshold fires again,
   * in percent of the threshold (5.00 with 10: above 5.50), so a hovering balance raises one alert.
   * @default 10
   */
  lowBalanceRearmMarginPercent: number;
  /**
   * Calls stopped for money are reported in one CALLS_STOPPED alert per campaign and stop: raised
   * when the campaign has no call left up, or this long after the first stop was seen, in
   * milliseconds. @default 5000
   */
  callsStoppedSettleMs: number;
  /** Most low-balance thresholds per wallet. @default 10 */
  lowBalanceThresholdsMax: number;
  /**
   * Share of a daily or monthly spend cap, in percent, at which SPEND_CAP_WARNING is raised (once per
   * cap and period; SPEND_CAP_REACHED follows at 100). 1..99. @default 80
   */
  spendCapWarningPercent: number;
  /** Largest daily or monthly spend cap, in micros (one billion major units, as one charge). @default 1e15 */
  spendCapMicrosMax: bigint;
  /** Most wallets of one account listed with their spend caps (`spendCaps`), oldest first. @default 100 */
  spendCapWalletsListedMax: number;
  /** Days before an unfunded account's closing on which ACCOUNT_CLOSING is raised. @default [7, 1] */
  accountClosingWarningDays: readonly number[];
  /** Most alerts per page of `alerts`. @default 100 */
  alertsPageSizeMax: number;
  /** Alerts per page of `alerts` when `first` is not given. @default 20 */
  alertsPageSizeDefault: number;
  /** Most alerts one `acknowledgeAlerts` acknowledges (a page of the feed). @default 100 */
  alertsAcknowledgeMax: number;
  /** Most accounts per page of the staff's `accounts` search. @default 50 */
  accountsPageSizeMax: number;
  /** Accounts per page of `accounts` when `first` is not given. @default 20 */
  accountsPageSizeDefault: number;
  /** Longest `search` text of `accounts`, in characters (a name is at most 200, an e-mail 254). @default 254 */
  accountSearchLengthMax: number;
  /** Whether this process runs the retention jobs (tests drive them by hand). Env `RETENTION_ENABLED` (0/1). @default true */
  retentionEnabled: boolean;
  /**
   * How often the retention jobs run, in milliseconds. With {@link retentionBatchSize} it bounds how
   * fast they can delete: 60,000 rows per table per hour by default (the demo writes ≈ 45,000
   * outbox rows an hour). @default 60_000 (1 min)
   */
  retentionIntervalMs: number;
  /**
   * Most rows each retention job deletes from each table per pass, in rows (the next pass takes the
   * rest). Each batch is one short transaction (≈ 30–40 ms for 1000 outbox rows here), during which
   * the live outbox tails wait (they read below the oldest running transaction). @default 1000
   */
  retentionBatchSize: number;
  /**
   * How long a caller's idempotency key is remembered, in milliseconds: within it a retry with the
   * same key replays the first result; after it the key is deleted and a reuse is a new request
   * (Stripe keeps keys 24 h). At least 24 h: a smaller value is refused at start. The server's own
   * keys (`spendwire:…`) are never deleted. Env `IDEMPOTENCY_KEY_RETENTION_MS`. @default 604_800_000 (7 days)
   */
  idempotencyKeyRetentionMs: number;
  /** How long a DELIVERED webhook delivery and its attempts are kept after delivery, in milliseconds. @default 2_592_000_000 (30 days) */
  webhookDeliveryRetentionMs: number;
  /** How long a SENT mail is kept after sending (a FAILED one after its creation), in milliseconds. @default 2_592_000_000 (30 days) */
  mailRetentionMs: number;
  /** How long an acknowledged alert is kept after its acknowledgement, in milliseconds. @default 31_536_000_000 (365 days) */
  alertRetentionMs: number;
  /** How long an expired session or invitation is kept past its expiry, in milliseconds. @default 86_400_000 (1 day) */
  expiredCredentialRetentionMs: number;
  /**
   * How far back an outbox-only subscription (balanceChanged) may resume, in milliseconds: outbox
   * rows are deleted only once older than this AND read by every durable consumer and this
   * process's tail. Resuming from further back answers RESUME_WINDOW_EXCEEDED. Env
   * `OUTBOX_RESUME_WINDOW_MS`. @default 604_800_000 (7 days)
   */
  outboxResumeWindowMs: number;
  /**
   * Stripe secret key (test or live). When unset, the server starts a loopback Stripe-compatible
   * sandbox and talks to it through the same SDK. Env `STRIPE_SECRET_KEY`.
   */
  stripeSecretKey: string | undefined;
  /**
   * Where the Stripe SDK sends its API requests, instead of api.stripe.com: an `http://host:port`
   * or `https://host:port` URL, used only with {@link stripeSecretKey} (a Stripe-compatible server
   * such as the chaos storm's shared sandbox, or a proxy in front of one). Env `STRIPE_API_URL`.
   * @default undefined (api.stripe.com)
   */
  stripeApiUrl: URL | undefined;
  /** Publishable key handed to the dashboard for Stripe Elements; unset in sandbox mode. Env `STRIPE_PUBLISHABLE_KEY`. */
  stripePublishableKey: string | undefined;
  /** Secret that signs Stripe's webhooks (`whsec_…`). Generated per start in sandbox mode. Env `STRIPE_WEBHOOK_SECRET`. */
  stripeWebhookSecret: string | undefined;
  /** Oldest webhook signature accepted, in seconds (Stripe's default tolerance). @default 300 */
  stripeWebhookToleranceSeconds: number;
  /** Largest webhook body accepted, in bytes. @default 1_000_000 */
  stripeWebhookBodyBytesMax: number;
  /**
   * Smallest top-up per currency, in micros: 10 units in USD, GBP and EUR by default. Other currencies use
   * `topUpMinimumMicrosDefault`. @default { USD: 10_000_000n, GBP: 10_000_000n, EUR: 10_000_000n }
   */
  topUpMinimumMicros: Record<string, bigint>;
  /** Smallest top-up in a currency absent from `topUpMinimumMicros`, in micros. @default 10_000_000 */
  topUpMinimumMicrosDefault: bigint;
  /** Sanity cap on one top-up, in micros (there is no business maximum). @default 100_000_000_000 (100,000 units) */
  topUpAmountMicrosMax: bigint;
  /** US sales tax per state in ppm (20% = 200_000). Env `US_SALES_TAX_RATES`, e.g. `CA=7.25,NY=4`. */
  usSalesTaxRatesPpm: Record<string, bigint> | undefined;
  /** How often payment jobs run (Stripe inbox sweep, reconciliation, auto and monthly recharges), in milliseconds. @default 1000 */
  paymentsIntervalMs: number;
  /** Whether this process runs the payment jobs (tests may drive them by hand). @default true */
  paymentsEnabled: boolean;
  /** Stripe events applied per pass of the inbox. @default 50 */
  stripeEventBatchSize: number;
  /** Times an inbox event that fails to apply is retried before it is left for an operator. @default 20 */
  stripeEventAttemptsMax: number;
  /** Age after which a top-up still waiting for Stripe is reconciled by retrieving its PaymentIntent, in milliseconds. @default 60_000 */
  topUpReconcileAfterMs: number;
  /** Top-ups reconciled per pass. @default 50 */
  topUpReconcileBatchSize: number;
  /** Shortest time between two automatic recharges of one wallet, in milliseconds. @default 600_000 (10 min) */
  autoRechargeCooldownMs: number;
  /** Most automatic recharges of one wallet per UTC day (declined attempts not counted: the failure pause bounds those). @default 5 */
  autoRechargesPerDayMax: number;
  /** Most automatic recharges of one wallet per UTC month. @default 50 */
  autoRechargesPerMonthMax: number;
  /** Consecutive failed automatic recharges after which auto-recharge pauses. @default 3 */
  autoRechargeFailuresMax: number;
  /** Saved cards per account. @default 20 */
  savedCardsPerAccountMax: number;
  /** Business days a bank transfer is expected to take: customers are told up to 3. @default 3 */
  bankTransferBusinessDays: number;
  /** How long a dashboard session lasts after sign-in, in milliseconds. @default 604_800_000 (7 days) */
  sessionTtlMs: number;
  /** How long an invitation can be accepted, in milliseconds. @default 604_800_000 (7 days) */
  invitationTtlMs: number;
  /** Shortest password, in characters. @default 10 */
  passwordLengthMin: number;
  /** Longest password, in characters (scrypt's input stays bounded). @default 200 */
  passwordLengthMax: number;
  /** scrypt cost N (a power of two); memory is 128 × N × r bytes (16 MiB at 2^14, r = 8). @default 16_384 */
  passwordScryptCost: number;
  /**
   * Whether the rate limits below are enforced (GraphQL operations per key, sign-in lockouts,
   * sockets and subscriptions per key). Env `RATE_LIMITS` (0 turns them off). @default true
   */
  rateLimitsEnabled: boolean;
  /** Length of one GraphQL rate-limit window, in seconds (a fixed window per key, shared by every process). @default 10 */
  graphqlRateWindowSeconds: number;
  /**
   * Queries (and subscriptions started) one API key or dashboard session may run per
   * {@link graphqlRateWindowSeconds}; past it HTTP 429 RATE_LIMITED. Env `GRAPHQL_QUERIES_PER_WINDOW_MAX`. @default 20_000
   */
  graphqlQueriesPerWindowMax: number;
  /**
   * Mutations one API key or dashboard session may run per {@link graphqlRateWindowSeconds}; past it
   * HTTP 429 RATE_LIMITED. Env `GRAPHQL_MUTATIONS_PER_WINDOW_MAX`. @default 50_000
   */
  graphqlMutationsPerWindowMax: number;
  /**
   * Query cost (the `queryCostMax` measure: fields × rows they may return) one API key or dashboard
   * session may spend per {@link graphqlRateWindowSeconds}, across every process; a query that would
   * pass it is refused HTTP 429 RATE_LIMITED. It keeps one tenant's heaviest allowed queries from
   * taking the server's CPU from everyone else (the dashboard's largest page costs ~1,700). Mutations
   * and subscriptions are not costed. Env `GRAPHQL_QUERY_COST_PER_WINDOW_MAX`. @default 50_000
   */
  graphqlQueryCostPerWindowMax: number;
  /** A query costing at least this much (the `queryCostMax` measure) is heavy: see {@link heavyQueriesInFlightPerKeyMax}. @default 1_000 */
  heavyQueryCostMin: number;
  /**
   * Most heavy queries of one API key or session that run at once in one process; more wait their
   * turn in arrival order (within `operationDeadlineMs`). Spreads a tenant's burst so that other
   * tenants' requests wait behind at most this many. HTTP only. @default 2
   */
  heavyQueriesInFlightPerKeyMax: number;
  /**
   * Most operations of one key a process admits on its own before it reports them to PostgreSQL
   * and learns the other processes' count (it also reports every {@link rateLimitSyncIntervalMs}).
   * Across P processes a window admits at most the limit + P × this. @default 100
   */
  rateLimitSyncPointsMax: number;
  /** How often a process reports the operations it admitted to PostgreSQL, in milliseconds. @default 1000 */
  rateLimitSyncIntervalMs: number;
  /** Connections of the rate limiter's own PostgreSQL pool (apart from the ORM's). @default 2 */
  rateLimitPoolSize: number;
  /**
   * Consecutive failed sign-ins (or invitation acceptances) for one e-mail (one invitation) after
   * which it is locked out: 429 for {@link signInLockoutInitialMs}, doubled at each further failure. @default 5
   */
  signInFailuresBeforeLockout: number;
  /** Failed sign-ins and invitation acceptances from one client IP address after which it is locked out the same way. @default 50 */
  signInIpFailuresBeforeLockout: number;
  /** First lockout, in milliseconds. @default 1000 */
  signInLockoutInitialMs: number;
  /** Longest lockout, in milliseconds. @default 900_000 (15 min) */
  signInLockoutMaxMs: number;
  /** How long failed attempts are remembered after the first one, in seconds. @default 86_400 (1 day) */
  signInFailureMemorySeconds: number;
  /**
   * Most sockets one API key or dashboard session may hold open on one server process; one more is
   * closed with 4429. Env `SOCKETS_PER_KEY_MAX`. @default 20
   */
  socketsPerKeyMax: number;
  /**
   * Most subscriptions one API key or dashboard session may hold open on one server process,
   * over all its sockets; one more is refused RATE_LIMITED. Env `SUBSCRIPTIONS_PER_KEY_MAX`. @default 500
   */
  subscriptionsPerKeyMax: number;
  /** Sends the session cookie with `Secure` (HTTPS only). Env `COOKIE_SECURE` (0/1). @default false: http://localhost works */
  sessionCookieSecure: boolean;
  /** Transactions read per query by a CSV export. @default 1000 */
  exportBatchSize: number;
  /** Most transactions in one CSV export (narrow the dates for more). @default 1_000_000 */
  exportRowsMax: number;
  /**
   * The dashboard's address as customers reach it, for links in e-mails (`<publicUrl>/top-up`).
   * Env `PUBLIC_URL`. @default the server's own URL, e.g. `http://localhost:4000`
   */
  publicUrl: string | undefined;
  /**
   * Where notification e-mails are sent, e.g. `smtp://user:pass@smtp.example.com:587` or
   * `smtps://…:465` (nodemailer's URL form). When unset, the server starts a loopback SMTP sink that
   * keeps the last {@link mailSinkMessagesMax} mails in memory and shows them at `/dev/mail`. Env `SMTP_URL`.
   */
  smtpUrl: string | undefined;
  /** The From of notification e-mails. Env `MAIL_FROM`. @default 'Spendwire <notifications@spendwire.localhost>' */
  mailFrom: string;
  /** Whether this process runs the mail jobs (producer and sender; tests may drive them by hand). @default true */
  mailEnabled: boolean;
  /** How often the mail jobs look for new alerts, receipts and mails due, in milliseconds. @default 1000 */
  mailIntervalMs: number;
  /** Alerts or outbox rows (and wallet transactions they stand for, see {@link outboxBatchSize}) turned into mails per transaction of the mail producer. @default 100 */
  mailProduceBatchSize: number;
  /** Mails claimed and sent per pass of the sender (sent concurrently). @default 10 */
  mailSendBatchSize: number;
  /** Most recipients of one notification (the account's first users by creation). @default 50 */
  mailRecipientsPerNotificationMax: number;
  /** Whether this process runs the usage-report job (daily and monthly report e-mails; tests may drive it by hand). @default true */
  usageReportsEnabled: boolean;
  /** How often the usage-report job looks for reports due, in milliseconds. @default 60_000 (1 min) */
  usageReportIntervalMs: number;
  /** Report e-mails (recipient and period) the usage-report job queues per pass at most; the rest wait for the next pass. @default 200 */
  usageReportRecipientsPerPassMax: number;
  /**
   * Lines of a usage report's breakdown by campaign or by country (e-mail and API) at most; past it, the smallest are
   * gathered into one last line ("4 other campaigns"). @default 10
   */
  usageReportLinesMax: number;
  /** Attempts to send one mail before it is FAILED with its last error. @default 10 */
  mailAttemptsMax: number;
  /** Wait before the first retry of a mail, in milliseconds; doubled after each further failure. @default 30_000 */
  mailRetryDelayMs: number;
  /** Longest wait between two attempts of a mail, in milliseconds. @default 3_600_000 (1 h) */
  mailRetryDelayMsMax: number;
  /**
   * How long a claimed mail is left to its sender before another process may try it again, in
   * milliseconds: longer than any send can take (three SMTP timeouts), so at least
   * {@link MAIL_SEND_LEASE_MS_MIN}; after a crash, the crashed process's mails in flight go out again
   * once it ends. Env `MAIL_SEND_LEASE_MS`. @default 300_000 (5 min)
   */
  mailSendLeaseMs: number;
  /** SMTP connection, greeting and socket-idle timeouts, each in milliseconds. @default 10_000 */
  smtpTimeoutMs: number;
  /** Mails the local SMTP sink keeps (the oldest are dropped). @default 200 */
  mailSinkMessagesMax: number;
  /** Largest mail the local SMTP sink accepts, in bytes. @default 1_000_000 */
  mailSinkMessageBytesMax: number;
  /** Whether this process runs the webhook producer and sender (tests may drive them by hand). @default true */
  webhooksEnabled: boolean;
  /** Most webhook endpoints one account may register (Stripe's figure). @default 16 */
  webhookEndpointsPerAccountMax: number;
  /** Longest webhook endpoint URL, in characters. @default 2048 */
  webhookUrlLengthMax: number;
  /** How long the webhook producer lets commits gather after a wake-up before a pass, in milliseconds. @default 50 */
  webhookProducerCoalesceMs: number;
  /** How often the webhook producer reads the outbox and the alerts even without a wake-up, in milliseconds. @default 1000 */
  webhookProducerIntervalMs: number;
  /** Outbox rows (and wallet transactions they stand for, see {@link outboxBatchSize}) or alerts the webhook producer turns into events per transaction. @default 500 */
  webhookProducerBatchSize: number;
  /** How often the webhook sender looks for deliveries due, in milliseconds. @default 1000 */
  webhookSenderIntervalMs: number;
  /**
   * Most webhook POSTs one process has in flight at once (its slots). A slot that frees up is
   * refilled at once, fairly ({@link webhookInFlightPerAccountMax}). @default 8
   */
  webhookSendConcurrencyMax: number;
  /** How long one webhook POST may take (connect, send and answer) before it counts as failed, in milliseconds. @default 10_000 */
  webhookAttemptTimeoutMs: number;
  /**
   * Whether webhook endpoints may point at non-public addresses (loopback, private, link-local,
   * CGNAT, unique-local, metadata…). Off, such a URL is refused at registration (BAD_USER_INPUT,
   * field `url`) and every attempt re-resolves and re-checks the host (FORBIDDEN_TARGET), so DNS
   * rebinding fails. On for the test harness and local development with loopback receivers only.
   * Env `WEBHOOK_ALLOW_PRIVATE_TARGETS=1`. @default false
   */
  webhookAllowPrivateTargets: boolean;
  /** Most attempts in flight at once to one endpoint, across all processes. @default 2 */
  webhookInFlightPerEndpointMax: number;
  /**
   * Most attempts in flight at once to one account's endpoints, across all processes: with fewer
   * than `webhookSendConcurrencyMax`, one tenant's slow endpoints never hold every slot. @default 4
   */
  webhookInFlightPerAccountMax: number;
  /** Wait after the first failed attempt, in milliseconds; each further failure doubles it. @default 60_000 (1 min) */
  webhookRetryDelayInitialMs: number;
  /** Longest wait between two attempts, in milliseconds. @default 21_600_000 (6 h) */
  webhookRetryDelayMaxMs: number;
  /** How long after an event is produced (or replayed) its delivery is retried before it is FAILED, in milliseconds. @default 259_200_000 (3 days) */
  webhookRetryWindowMs: number;
  /** Largest page of webhook deliveries, in rows. @default 100 */
  webhookDeliveriesPageSizeMax: number;
  /** Page of webhook deliveries when `first` is not given, in rows. @default 20 */
  webhookDeliveriesPageSizeDefault: number;
  /** Most attempts shown with one delivery (the newest). @default 50 */
  webhookAttemptsShownMax: number;
  /** Most events one `replayWebhookEvents` re-queues; past it the call fails with LIMIT_EXCEEDED (narrow from/to). @default 1000 */
  webhookReplayEventsMax: number;
  /**
   * Most invitation e-mails (invitations and resends) one account may send in
   * {@link invitationMailWindowMs}; one more is refused RATE_LIMITED and nothing is written. @default 20
   */
  invitationMailsPerAccountMax: number;
  /** The sliding window of {@link invitationMailsPerAccountMax}, in milliseconds. @default 3_600_000 (1 h) */
  invitationMailWindowMs: number;
  /** Most members and most open invitations the Team page lists (oldest first). @default 200 */
  teamListMax: number;
  /** Most numbers one search for numbers to buy (`availablePhoneNumbers.first`) proposes, in numbers; more is BAD_USER_INPUT. @default 20 */
  availableNumbersMax: number;
  /** Numbers a search for numbers to buy proposes when `first` is not given, in numbers. @default 5 */
  availableNumbersDefault: number;
  /** Longest legal name, address line, city or postal code of a billing profile, in characters. @default 200 */
  billingProfileTextLengthMax: number;
  /**
   * The window the burn rate looks back over, in seconds (server/domain/wallets/burn-rate.ts): the
   * calls' and messages' cost accrued in it, as a per-minute rate. @default 300 (5 min)
   */
  burnRateWindowSeconds: number;
  /**
   * Shortest time the windowed usage is divided by when the activity began inside the window, in
   * seconds (at most the window): one increment's lump at the start of a campaign is not a rate. @default 60
   */
  burnRateWindowMinSeconds: number;
  /**
   * The legal entities that issue invoices and credit notes, keyed by their code (which also
   * prefixes the document numbers and names their gap-free series). Each invoice copies its
   * issuer's details when issued. Env for the default issuer: `INVOICE_SELLER_NAME`,
   * `INVOICE_SELLER_ADDRESS` (lines separated by `|`), `INVOICE_SELLER_VAT_ID`.
   * @default one issuer, `SW`: Spendwire Ltd, London, VAT GB123456789 (placeholders: set your own)
   */
  invoiceIssuers: Readonly<Record<string, InvoiceIssuer>>;
  /** Code of the issuer (a key of {@link invoiceIssuers}) that invoices every account. Env `INVOICE_ISSUER`. @default 'SW' */
  invoiceIssuerDefault: string;
  /** Largest page the `invoices` connection returns, in documents; more is BAD_USER_INPUT. @default 100 */
  invoicesPageSizeMax: number;
  /** Page size of `invoices` when `first` is not given, in documents. @default 20 */
  invoicesPageSizeDefault: number;
  /** Furthest back a monthly statement may be asked for, in months before the current one; older is BAD_USER_INPUT. @default 120 (10 years) */
  statementMonthsBackMax: number;
  /**
   * Whether people may open an account themselves (`POST /auth/sign-up`, the dashboard's "Create an
   * account" link). Off, sign-up answers 403 SIGN_UP_DISABLED and the link is hidden. Env `SIGN_UP` (`0` turns it off). @default true
   */
  signUpEnabled: boolean;
  /**
   * Trial credit per currency, in micros, granted once per verified e-mail address to the wallet a
   * sign-up opened, when its owner verifies the address (a GRANT from promotional credit, never
   * refundable). A currency absent (or 0) grants nothing. Env `TRIAL_CREDIT`: `0` (none), one amount for
   * every currency (`2.00`), or per currency (`USD=2,EUR=1.50`). @default 2.00 in USD, EUR, GBP, CAD and AUD
   */
  trialCreditMicros: Record<string, bigint>;
  /**
   * The low-balance threshold a trial wallet starts with, in percent of its trial credit (rounded down
   * to a cent): it replaces the default thresholds (5 and 0, which sit above a 2.00 trial) with this
   * one and 0, so a new account is not "low" at once and is warned before its trial runs out. 0 keeps
   * the defaults. Keep it below 100 − `lowBalanceRearmMarginPercent` (a threshold within the re-arm
   * margin of the trial never arms). Env `TRIAL_LOW_BALANCE_THRESHOLD_PERCENT`, 0..90. @default 50
   */
  trialLowBalanceThresholdPercent: number;
  /** How long an e-mail verification link works, in milliseconds. @default 86_400_000 (24 h) */
  emailVerificationTtlMs: number;
  /**
   * Sign-ups one client IP address may make in {@link signUpWindowSeconds} (every attempt that reaches
   * the checks counts, refused or not); one more is refused RATE_LIMITED (429) before anything is checked. @default 5
   */
  signUpsPerIpMax: number;
  /** The window of {@link signUpsPerIpMax}, in seconds. @default 3_600 (1 h) */
  signUpWindowSeconds: number;
  /**
   * Verification e-mails (the first and each resend) one user may be sent in
   * {@link verificationMailWindowMs}; one more is refused RATE_LIMITED and nothing is sent. @default 5
   */
  verificationMailsPerUserMax: number;
  /** The sliding window of {@link verificationMailsPerUserMax}, in milliseconds. @default 3_600_000 (1 h) */
  verificationMailWindowMs: number;
  /** Most wallets one account may have (`createWallet` past it: LIMIT_EXCEEDED). Env `WALLETS_PER_ACCOUNT_MAX`. @default 10 */
  walletsPerAccountMax: number;
  /** Longest wallet name, in characters. @default 100 */
  walletNameLengthMax: number;
  /** Longest company name given at sign-up (it names the account), in characters. @default 200 */
  companyNameLengthMax: number;
  /** Largest page of the audit log (`auditLog.first`), in entries; more is BAD_USER_INPUT. @default 100 */
  auditLogPageSizeMax: number;
  /** Page of the audit log when `first` is not given, in entries. @default 25 */
  auditLogPageSizeDefault: number;
  /** Longest reason of a refund request or of its decline, in characters. @default 1000 */
  refundRequestReasonLengthMax: number;
  /** Largest page of refund requests (the support queue, an account's list), in requests; more is BAD_USER_INPUT. @default 100 */
  refundRequestsPageSizeMax: number;
}

/** The log levels of {@link Config.logLevel}, most severe first (pino's names). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A level of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The formats of {@link Config.logFormat}. */
export type LogFormat = 'json' | 'pretty';

/**
 * The log settings from the environment (`LOG_LEVEL`, `LOG_FORMAT`, `NODE_ENV`): read by
 * {@link loadConfig} and by the logger itself, which exists before any config is loaded.
 * @throws Error when `LOG_LEVEL` or `LOG_FORMAT` is not one of its values.
 */
export function logSettingsFromEnv(env: NodeJS.ProcessEnv): { logLevel: LogLevel; logFormat: LogFormat } {
  const level = env.LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  const format = env.LOG_FORMAT || (env.NODE_ENV === 'production' ? 'json' : 'pretty');
  if (format !== 'json' && format !== 'pretty') throw new Error(`LOG_FORMAT must be "json" or "pretty", got "${format}"`);
  return { logLevel: level as LogLevel, logFormat: format };
}

/**
 * The V8 flags the server process is meant to run with: `node --max-semi-space-size=64
 * dist/server/main.js`, or the same in `NODE_OPTIONS`. `--max-semi-space-size` is in MiB per
 * semi-space of the young generation (V8's default on 64-bit: 16; the young generation is twice it).
 * Why: under load every request's objects die young, but with 16 MiB a scavenge ran every few
 * milliseconds and copied the ~64 requests then in flight each time; at one wallet and 64 clients
 * the server spent ~10 % of its time in garbage collection. With 64 MiB (measured, issue 18, hot 64)
 * its CPU per charge fell by ~15–20 % for ~100 MiB more resident memory at most. V8 reads it only as
 * the process starts (not from `v8.setFlagsFromString`), so it is a flag of the command:
 * main.ts warns when it is missing ({@link missingServerNodeFlags}); the benchmarks start their
 * servers with it (their `BENCH_SERVER_NODE_ARGS` come after, and a later flag wins).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * The flags of {@link SERVER_NODE_FLAGS} (by name) that neither `execArgv` (the process's node flags)
 * nor `nodeOptions` (`NODE_OPTIONS`) sets, with any value; [] when all are set.
 */
export function missingServerNodeFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].map((flag) => flag.split('=')[0]!.replaceAll('_', '-'));
  return SERVER_NODE_FLAGS.filter((flag) => !given.includes(flag.split('=')[0]!));
}

/** Trial credit when `TRIAL_CREDIT` is unset: 2.00 in each supported currency (domain/wallets/money.ts SUPPORTED_CURRENCIES). */
export const TRIAL_CREDIT_MICROS_DEFAULT: Readonly<Record<string, bigint>> = Object.freeze({
  USD: 2_000_000n,
  EUR: 2_000_000n,
  GBP: 2_000_000n,
  CAD: 2_000_000n,
  AUD: 2_000_000n,
});

/** A non-negative decimal amount with at most 6 decimals as micros; null when malformed. */
function microsOf(text: string): bigint | null {
  const match = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1]!) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
}

/**
 * Reads `TRIAL_CREDIT`: `0` (no trial credit), one amount for every default currency (`2.00`), or
 * `USD=2,EUR=1.50` (only the currencies named).
 * @throws Error when malformed.
 */
export function parseTrialCredit(text: string): Record<string, bigint> {
  const single = microsOf(text);
  if (single !== null) return Object.fromEntries(Object.keys(TRIAL_CREDIT_MICROS_DEFAULT).map((currency) => [currency, single]));
  const credit: Record<string, bigint> = {};
  for (const part of text.split(',')) {
    const [currency, amount] = part.split('=');
    const micros = amount === undefined ? null : microsOf(amount);
    if (!currency || !/^[A-Z]{3}$/.test(currency.trim()) || micros === null)
      throw new Error(`TRIAL_CREDIT must be an amount such as "2.00" or a list such as "USD=2,EUR=1.50", got "${text}"`);
    credit[currency.trim()] = micros;
  }
  return credit;
}

/** A legal entity that issues invoices: what its documents print as the seller. */
export interface InvoiceIssuer {
  /** Registered name, e.g. 'Spendwire Ltd'. */
  name: string;
  /** Postal address, one entry per printed line. */
  addressLines: readonly string[];
  /** VAT registration number, or null when the issuer has none. */
  vatId: string | null;
}

/** The default issuer's code: invoices are numbered `SW-<year>-<number>`, credit notes `SW-CN-<year>-<number>`. */
export const INVOICE_ISSUER_CODE_DEFAULT = 'SW';

function integerFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  return value;
}

function positiveIntegerFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = integerFromEnv(env, name, fallback);
  if (value < 1) throw new Error(`${name} must be at least 1, got "${env[name]}"`);
  return value;
}

/** Shortest `BILLING_CLOCK_CLAIM_TIMEOUT_MS`, in milliseconds: a loaded machine's pause between two statements of a clock batch must fit. */
export const BILLING_CLOCK_CLAIM_TIMEOUT_MS_MIN = 500;
/**
 * Longest `BILLING_CLOCK_CLAIM_TIMEOUT_MS`, in milliseconds: 7 s, one 6-second increment plus the
 * clock's 1 s lead, the longest a takeover may take for a call to stay within one increment of its funding.
 */
export const BILLING_CLOCK_CLAIM_TIMEOUT_MS_MAX = 7_000;

/** `BILLING_CLOCK_CLAIM_TIMEOUT_MS`, default 3 s. @throws Error outside {@link BILLING_CLOCK_CLAIM_TIMEOUT_MS_MIN}..{@link BILLING_CLOCK_CLAIM_TIMEOUT_MS_MAX}. */
function billingClockClaimTimeoutMsFromEnv(env: NodeJS.ProcessEnv): number {
  const value = integerFromEnv(env, 'BILLING_CLOCK_CLAIM_TIMEOUT_MS', 3_000);
  if (value < BILLING_CLOCK_CLAIM_TIMEOUT_MS_MIN || value > BILLING_CLOCK_CLAIM_TIMEOUT_MS_MAX)
    throw new Error(
      `BILLING_CLOCK_CLAIM_TIMEOUT_MS must be ${BILLING_CLOCK_CLAIM_TIMEOUT_MS_MIN}..${BILLING_CLOCK_CLAIM_TIMEOUT_MS_MAX}, got "${env.BILLING_CLOCK_CLAIM_TIMEOUT_MS}"`,
    );
  return value;
}

/** Shortest `MAIL_SEND_LEASE_MS`, in milliseconds: three SMTP timeouts (connection, greeting, idle) of 10 s. */
export const MAIL_SEND_LEASE_MS_MIN = 30_000;

/** `MAIL_SEND_LEASE_MS`, default 5 minutes. @throws Error below {@link MAIL_SEND_LEASE_MS_MIN} or when not an integer. */
function mailSendLeaseMsFromEnv(env: NodeJS.ProcessEnv): number {
  const value = integerFromEnv(env, 'MAIL_SEND_LEASE_MS', 300_000);
  if (value < MAIL_SEND_LEASE_MS_MIN)
    throw new Error(`MAIL_SEND_LEASE_MS must be at least ${MAIL_SEND_LEASE_MS_MIN}, got "${env.MAIL_SEND_LEASE_MS}"`);
  return value;
}

/** Highest `TRIAL_LOW_BALANCE_THRESHOLD_PERCENT`, in percent of the trial credit. */
export const TRIAL_LOW_BALANCE_THRESHOLD_PERCENT_MAX = 90;

/** `TRIAL_LOW_BALANCE_THRESHOLD_PERCENT`: an integer 0..{@link TRIAL_LOW_BALANCE_THRESHOLD_PERCENT_MAX}, 50 when unset. */
function trialLowBalanceThresholdPercentFromEnv(env: NodeJS.ProcessEnv): number {
  const value = integerFromEnv(env, 'TRIAL_LOW_BALANCE_THRESHOLD_PERCENT', 50);
  if (value > TRIAL_LOW_BALANCE_THRESHOLD_PERCENT_MAX)
    throw new Error(
      `TRIAL_LOW_BALANCE_THRESHOLD_PERCENT must be 0 to ${TRIAL_LOW_BALANCE_THRESHOLD_PERCENT_MAX}, got "${env.TRIAL_LOW_BALANCE_THRESHOLD_PERCENT}"`,
    );
  return value;
}

/** The default issuer's code from `INVOICE_ISSUER`: 1–10 upper-case letters or digits (it starts every document number). */
function invoiceIssuerCodeFromEnv(env: NodeJS.ProcessEnv): string {
  const code = env.INVOICE_ISSUER || INVOICE_ISSUER_CODE_DEFAULT;
  if (!/^[A-Z0-9]{1,10}$/.test(code)) throw new Error(`INVOICE_ISSUER must be 1 to 10 upper-case letters or digits, got "${code}"`);
  return code;
}

/** `NUMBERS_WHILE_SUSPENDED`: `keep` (default) or `grace`. */
function suspensionPolicyFromEnv(env: NodeJS.ProcessEnv): 'keep' | 'grace' {
  const text = env.NUMBERS_WHILE_SUSPENDED;
  if (text === undefined || text === '') return 'keep';
  if (text === 'keep' || text === 'grace') return text;
  throw new Error(`NUMBERS_WHILE_SUSPENDED must be "keep" or "grace", got "${text}"`);
}

/** `USD=5,EUR=4.5` (major units, at most 6 decimals) → micros per currency. */
function parseCurrencyFees(text: string): Record<string, bigint> {
  const fees: Record<string, bigint> = {};
  for (const part of text.split(',')) {
    const match = /^\s*([A-Z]{3})\s*=\s*(\d{1,9})(?:\.(\d{1,6}))?\s*$/.exec(part);
    if (!match) throw new Error(`SENDER_ID_MONTHLY_FEES must look like "USD=5,EUR=4.5", got "${text}"`);
    fees[match[1]!] = BigInt(match[2]!) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'));
  }
  return fees;
}

/** `STRIPE_API_URL` parsed; undefined when unset. @throws Error when it is not an http(s) URL with a host. */
function stripeApiUrlFromEnv(env: NodeJS.ProcessEnv): URL | undefined {
  const text = env.STRIPE_API_URL;
  if (!text) return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new Error(`STRIPE_API_URL must be an http:// or https:// URL, got "${text}"`);
  }
  return url;
}

/**
 * Reads the configuration from the environment, applying defaults; `overrides` win over both.
 * @throws Error when an environment variable is malformed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const cwd = process.cwd();
  const config: Config = {
    port: integerFromEnv(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(cwd, env.DATA_DIR || '.data'),
    embeddedPostgresPort: integerFromEnv(env, 'EMBEDDED_PG_PORT', 54329),
    platformAdminToken: env.PLATFORM_ADMIN_TOKEN || undefined,
    clientDir: path.resolve(cwd, 'dist/client'),
    production: env.NODE_ENV === 'production',
    webSocketMessageBytesMax: positiveIntegerFromEnv(env, 'WS_MESSAGE_BYTES_MAX', 65_536),
    ...logSettingsFromEnv(env),
    requestIdLengthMax: positiveIntegerFromEnv(env, 'REQUEST_ID_LENGTH_MAX', 128),
    readinessCheckTimeoutMs: 2_000,
    metricsEnabled: env.METRICS !== '0',
    metricsDatabaseTimeoutMs: 2_000,
    transactionsPageSizeMax: 100,
    transactionsPageSizeDefault: 20,
    operationAmountMicrosMax: 1_000_000_000_000_000n,
    walletBalanceMicrosMax: 10_000_000_000_000_000n,
    usageEventsPerCallMax: 1_000,
    descriptionLengthMax: 500,
    idempotencyKeyLengthMax: 255,
    nameLengthMax: 200,
    databasePoolSize: integerFromEnv(env, 'DATABASE_POOL_SIZE', 16),
    operationDeadlineMs: positiveIntegerFromEnv(env, 'OPERATION_DEADLINE_MS', 10_000),
    operationConnectionsMax: positiveIntegerFromEnv(env, 'OPERATION_CONNECTIONS_MAX', 4),
    databasePoolReservedConnections: integerFromEnv(env, 'DATABASE_POOL_RESERVED_CONNECTIONS', 4),
    databaseStatementTimeoutMs: integerFromEnv(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000),
    databaseLockTimeoutMs: integerFromEnv(env, 'DATABASE_LOCK_TIMEOUT_MS', 10_000),
    databaseIdleInTransactionTimeoutMs: integerFromEnv(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000),
    databaseQueryTimeoutMs: integerFromEnv(env, 'DATABASE_QUERY_TIMEOUT_MS', 20_000),
    databaseConnectTimeoutMs: positiveIntegerFromEnv(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000),
    databasePoolAcquireTimeoutMs: positiveIntegerFromEnv(env, 'DATABASE_POOL_ACQUIRE_TIMEOUT_MS', 10_000),
    httpHeadersTimeoutMs: positiveIntegerFromEnv(env, 'HTTP_HEADERS_TIMEOUT_MS', 20_000),
    httpRequestTimeoutMs: positiveIntegerFromEnv(env, 'HTTP_REQUEST_TIMEOUT_MS', 60_000),
    httpKeepAliveTimeoutMs: positiveIntegerFromEnv(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000),
    shutdownDrainTimeoutMs: positiveIntegerFromEnv(env, 'SHUTDOWN_DRAIN_TIMEOUT_MS', 10_000),
    postingBatchSizeMax: positiveIntegerFromEnv(env, 'POSTING_BATCH_SIZE_MAX', POSTING_BATCH_LIMITS_DEFAULT.batchSizeMax),
    postingBatchesInFlightMax: positiveIntegerFromEnv(
      env,
      'POSTING_BATCHES_IN_FLIGHT_MAX',
      POSTING_BATCH_LIMITS_DEFAULT.batchesInFlightMax,
    ),
    requestBodyBytesMax: 1_048_576,
    queryCostMax: 10_000,
    queryAliasesMax: 15,
    queryDepthMax: 10,
    queryTokensMax: 1_000,
    queryDirectivesMax: 50,
    introspectionEnabled: env.GRAPHQL_INTROSPECTION !== '0',
    fieldSuggestionsEnabled: env.NODE_ENV !== 'production',
    apiKeyCacheTtlMs: integerFromEnv(env, 'API_KEY_CACHE_TTL_MS', 5_000),
    apiKeyCacheEntriesMax: 10_000,
    connectionInitWaitTimeoutMs: 3_000,
    subscriptionsPerSocketMax: 50,
    socketDocumentCacheEntriesMax: 1_000,
    graphqlHttpKnownDocumentsMax: integerFromEnv(env, 'GRAPHQL_HTTP_KNOWN_DOCUMENTS_MAX', 1_000),
    subscriberQueueMax: 1_000,
    socketCredentialCheckIntervalMs: 1_000,
    outboxPollIntervalMs: 1_000,
    outboxTailReadIntervalMinMs: integerFromEnv(env, 'OUTBOX_TAIL_READ_INTERVAL_MIN_MS', 20),
    outboxConsumerPassIntervalMinMs: integerFromEnv(env, 'OUTBOX_CONSUMER_PASS_INTERVAL_MIN_MS', 200),
    outboxNotifyIntervalMinMs: integerFromEnv(env, 'OUTBOX_NOTIFY_INTERVAL_MIN_MS', 20),
    outboxBatchSize: 500,
    outboxTailListenedWalletsMax: 256,
    redisUrl: env.REDIS_URL || undefined,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'spendwire:',
    outboxReaderReconnectDelayMs: positiveIntegerFromEnv(env, 'OUTBOX_READER_RECONNECT_DELAY_MS', 500),
    outboxReaderKeepaliveIdleSeconds: positiveIntegerFromEnv(env, 'OUTBOX_READER_KEEPALIVE_IDLE_SECONDS', 5),
    outboxStreamHeartbeatIntervalMs: 1_000,
    outboxStreamStaleAfterMs: 3_000,
    outboxStreamInboxMessagesMax: 1_000,
    ratesPerPlanMax: 10_000,
    callsPageSizeMax: 100,
    callsPageSizeDefault: 20,
    concurrentCallsPerAccountMax: integerFromEnv(env, 'CONCURRENT_CALLS_MAX', 2_000),
    callBatchSizeMax: positiveIntegerFromEnv(env, 'CALL_BATCH_SIZE_MAX', 64),
    callBatchesInFlightMax: positiveIntegerFromEnv(env, 'CALL_BATCHES_IN_FLIGHT_MAX', 2),
    callListBatchSizeMax: positiveIntegerFromEnv(env, 'CALL_LIST_BATCH_SIZE_MAX', 1_000),
    callControlItemsMax: positiveIntegerFromEnv(env, 'CALL_CONTROL_ITEMS_MAX', 1_000),
    callGrantIdsMax: positiveIntegerFromEnv(env, 'CALL_GRANT_IDS_MAX', 1_000),
    ratePlanCacheEntriesMax: integerFromEnv(env, 'RATE_PLAN_CACHE_ENTRIES_MAX', 32),
    campaignRouteCacheEntriesMax: integerFromEnv(env, 'CAMPAIGN_ROUTE_CACHE_ENTRIES_MAX', 10_000),
    callerIdLengthMax: 32,
    billingClockLeadMs: positiveIntegerFromEnv(env, 'BILLING_CLOCK_LEAD_MS', 1_000),
    billingClockIntervalMs: 20,
    billingClockBatchSize: 1_000,
    billingClockLapsedBatchSize: 100,
    billingClockLapsedWaitMaxMs: integerFromEnv(env, 'BILLING_CLOCK_LAPSED_WAIT_MAX_MS', 1_000),
    billingClockAdmissionBehindMs: integerFromEnv(env, 'BILLING_CLOCK_ADMISSION_BEHIND_MS', 250),
    billingClockLookAheadMs: 20,
    billingClockRescanMs: 1_000,
    billingClockFullRescanMs: 30_000,
    billingClockClaimTimeoutMs: billingClockClaimTimeoutMsFromEnv(env),
    billingClockEnabled: true,
    simulatorEnabled: env.SIMULATOR !== '0',
    simulatorTickMs: 250,
    simulatorCallsPerSecond: 2,
    simulatorAnswerRatio: 0.7,
    simulatorMeanDurationSeconds: 45,
    simulatorDurationSecondsMax: 600,
    simulatorActiveCallsPerCampaignMax: 40,
    simulatorMessagesPerSecond: 0.5,
    messageRecipientsMax: 1_000,
    messageHoldTtlMs: 86_400_000,
    messageHoldBatchSizeMax: positiveIntegerFromEnv(env, 'MESSAGE_HOLD_BATCH_SIZE_MAX', 32),
    messageHoldBatchesInFlightMax: positiveIntegerFromEnv(env, 'MESSAGE_HOLD_BATCHES_IN_FLIGHT_MAX', 2),
    numberGraceDays: 7,
    numberRefundDays: 7,
    accountCloseAfterDays: 30,
    numbersWhileSuspended: suspensionPolicyFromEnv(env),
    owedRenewalsPaidAtFundingMax: 50,
    senderIdsPerAccountMax: positiveIntegerFromEnv(env, 'SENDER_IDS_PER_ACCOUNT_MAX', 5),
    senderIdMonthlyMicros: env.SENDER_ID_MONTHLY_FEES
      ? parseCurrencyFees(env.SENDER_ID_MONTHLY_FEES)
      : { USD: 5_000_000n, EUR: 5_000_000n, GBP: 5_000_000n, CAD: 7_000_000n, AUD: 7_000_000n },
    senderIdReasonLengthMax: 500,
    lifecycleIntervalMs: 1_000,
    lifecycleEnabled: true,
    alertsEnabled: true,
    alertsIntervalMs: 1_000,
    alertsBatchSize: 1_000,
    alertsCoalesceMs: 50,
    lowBalanceRearmMarginPercent: 10,
    callsStoppedSettleMs: 5_000,
    lowBalanceThresholdsMax: 10,
    spendCapWarningPercent: 80,
    spendCapMicrosMax: 1_000_000_000_000_000n,
    spendCapWalletsListedMax: 100,
    accountClosingWarningDays: [7, 1],
    alertsPageSizeMax: 100,
    alertsPageSizeDefault: 20,
    alertsAcknowledgeMax: 100,
    accountsPageSizeMax: 50,
    accountsPageSizeDefault: 20,
    accountSearchLengthMax: 254,
    retentionEnabled: env.RETENTION_ENABLED !== '0',
    retentionIntervalMs: 60_000,
    retentionBatchSize: 1_000,
    idempotencyKeyRetentionMs: integerFromEnv(env, 'IDEMPOTENCY_KEY_RETENTION_MS', 604_800_000),
    webhookDeliveryRetentionMs: 2_592_000_000,
    mailRetentionMs: 2_592_000_000,
    alertRetentionMs: 31_536_000_000,
    expiredCredentialRetentionMs: 86_400_000,
    outboxResumeWindowMs: integerFromEnv(env, 'OUTBOX_RESUME_WINDOW_MS', 604_800_000),
    stripeSecretKey: env.STRIPE_SECRET_KEY || undefined,
    stripeApiUrl: stripeApiUrlFromEnv(env),
    stripePublishableKey: env.STRIPE_PUBLISHABLE_KEY || undefined,
    stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    stripeWebhookToleranceSeconds: 300,
    stripeWebhookBodyBytesMax: 1_000_000,
    topUpMinimumMicros: { USD: 10_000_000n, GBP: 10_000_000n, EUR: 10_000_000n },
    topUpMinimumMicrosDefault: 10_000_000n,
    topUpAmountMicrosMax: 100_000_000_000n,
    usSalesTaxRatesPpm: env.US_SALES_TAX_RATES ? parseUsStateRates(env.US_SALES_TAX_RATES) : undefined,
    paymentsIntervalMs: 1_000,
    paymentsEnabled: true,
    stripeEventBatchSize: 50,
    stripeEventAttemptsMax: 20,
    topUpReconcileAfterMs: 60_000,
    topUpReconcileBatchSize: 50,
    autoRechargeCooldownMs: 600_000,
    autoRechargesPerDayMax: 5,
    autoRechargesPerMonthMax: 50,
    autoRechargeFailuresMax: 3,
    savedCardsPerAccountMax: 20,
    bankTransferBusinessDays: 3,
    sessionTtlMs: 604_800_000,
    invitationTtlMs: 604_800_000,
    passwordLengthMin: 10,
    passwordLengthMax: 200,
    passwordScryptCost: 16_384,
    rateLimitsEnabled: env.RATE_LIMITS !== '0',
    graphqlRateWindowSeconds: 10,
    graphqlQueriesPerWindowMax: positiveIntegerFromEnv(env, 'GRAPHQL_QUERIES_PER_WINDOW_MAX', 20_000),
    graphqlMutationsPerWindowMax: positiveIntegerFromEnv(env, 'GRAPHQL_MUTATIONS_PER_WINDOW_MAX', 50_000),
    graphqlQueryCostPerWindowMax: positiveIntegerFromEnv(env, 'GRAPHQL_QUERY_COST_PER_WINDOW_MAX', 50_000),
    heavyQueryCostMin: 1_000,
    heavyQueriesInFlightPerKeyMax: 2,
    rateLimitSyncPointsMax: 100,
    rateLimitSyncIntervalMs: 1_000,
    rateLimitPoolSize: 2,
    signInFailuresBeforeLockout: 5,
    signInIpFailuresBeforeLockout: 50,
    signInLockoutInitialMs: 1_000,
    signInLockoutMaxMs: 900_000,
    signInFailureMemorySeconds: 86_400,
    socketsPerKeyMax: positiveIntegerFromEnv(env, 'SOCKETS_PER_KEY_MAX', 20),
    subscriptionsPerKeyMax: positiveIntegerFromEnv(env, 'SUBSCRIPTIONS_PER_KEY_MAX', 500),
    sessionCookieSecure: env.COOKIE_SECURE === '1',
    exportBatchSize: 1_000,
    exportRowsMax: 1_000_000,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Spendwire <notifications@spendwire.localhost>',
    mailEnabled: true,
    mailIntervalMs: 1_000,
    mailProduceBatchSize: 100,
    mailSendBatchSize: 10,
    mailRecipientsPerNotificationMax: 50,
    usageReportsEnabled: true,
    usageReportIntervalMs: 60_000,
    usageReportRecipientsPerPassMax: 200,
    usageReportLinesMax: 10,
    mailAttemptsMax: 10,
    mailRetryDelayMs: 30_000,
    mailRetryDelayMsMax: 3_600_000,
    mailSendLeaseMs: mailSendLeaseMsFromEnv(env),
    smtpTimeoutMs: 10_000,
    mailSinkMessagesMax: 200,
    mailSinkMessageBytesMax: 1_000_000,
    webhooksEnabled: true,
    webhookEndpointsPerAccountMax: 16,
    webhookUrlLengthMax: 2_048,
    webhookProducerIntervalMs: 1_000,
    webhookProducerCoalesceMs: 50,
    webhookProducerBatchSize: 500,
    webhookSenderIntervalMs: 1_000,
    webhookSendConcurrencyMax: 8,
    webhookAttemptTimeoutMs: 10_000,
    webhookAllowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS === '1',
    webhookInFlightPerEndpointMax: 2,
    webhookInFlightPerAccountMax: 4,
    webhookRetryDelayInitialMs: 60_000,
    webhookRetryDelayMaxMs: 21_600_000,
    webhookRetryWindowMs: 259_200_000,
    webhookDeliveriesPageSizeMax: 100,
    webhookDeliveriesPageSizeDefault: 20,
    webhookAttemptsShownMax: 50,
    webhookReplayEventsMax: 1_000,
    invitationMailsPerAccountMax: 20,
    invitationMailWindowMs: 3_600_000,
    teamListMax: 200,
    availableNumbersMax: 20,
    availableNumbersDefault: 5,
    billingProfileTextLengthMax: 200,
    burnRateWindowSeconds: 300,
    burnRateWindowMinSeconds: 60,
    invoiceIssuers: {
      [invoiceIssuerCodeFromEnv(env)]: {
        name: env.INVOICE_SELLER_NAME || 'Spendwire Ltd',
        addressLines: (env.INVOICE_SELLER_ADDRESS || '1 Example Street|London EC1A 1AA|United Kingdom')
          .split('|')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        vatId: env.INVOICE_SELLER_VAT_ID === undefined ? 'GB123456789' : env.INVOICE_SELLER_VAT_ID || null,
      },
    },
    invoiceIssuerDefault: invoiceIssuerCodeFromEnv(env),
    invoicesPageSizeMax: 100,
    invoicesPageSizeDefault: 20,
    statementMonthsBackMax: 120,
    signUpEnabled: env.SIGN_UP !== '0',
    trialCreditMicros: env.TRIAL_CREDIT ? parseTrialCredit(env.TRIAL_CREDIT) : { ...TRIAL_CREDIT_MICROS_DEFAULT },
    trialLowBalanceThresholdPercent: trialLowBalanceThresholdPercentFromEnv(env),
    emailVerificationTtlMs: 86_400_000,
    signUpsPerIpMax: 5,
    signUpWindowSeconds: 3_600,
    verificationMailsPerUserMax: 5,
    verificationMailWindowMs: 3_600_000,
    walletsPerAccountMax: positiveIntegerFromEnv(env, 'WALLETS_PER_ACCOUNT_MAX', 10),
    walletNameLengthMax: 100,
    companyNameLengthMax: 200,
    auditLogPageSizeMax: 100,
    auditLogPageSizeDefault: 25,
    refundRequestReasonLengthMax: 1_000,
    refundRequestsPageSizeMax: 100,
    ...overrides,
  };
  checkDatabaseTimeouts(config);
  return config;
}

/**
 * The client's query timeout must leave PostgreSQL's statement timeout room to act first: a
 * statement the server cancels ends cleanly (its connection stays usable), one the client gives up
 * on costs the connection. @throws Error when `databaseQueryTimeoutMs` is not above `databaseStatementTimeoutMs` (both on).
 */
function checkDatabaseTimeouts(config: Config): void {
  const { databaseQueryTimeoutMs: query, databaseStatementTimeoutMs: statement } = config;
  if (query > 0 && statement > 0 && query <= statement) {
    throw new Error(`DATABASE_QUERY_TIMEOUT_MS (${query}) must be above DATABASE_STATEMENT_TIMEOUT_MS (${statement}), or 0`);
  }
}
