import 'reflect-metadata';
import { resolvePlatformAdminToken } from './admin-token.js';
import { startApp } from './app.js';
import { loadConfig, missingServerNodeFlags, SERVER_NODE_FLAGS } from './config.js';
import { openDatabase } from './database/database.js';
import { seedDemoAccount } from './demo/seed-demo-account.js';
import { withAdvisoryLock } from './database/advisory-lock.js';
import { log } from './logging/logger.js';

/**
 * Time a stop may take beyond `shutdownDrainTimeoutMs`, in milliseconds: the jobs' last passes
 * (bounded by the statement and SMTP timeouts), the database pool and an embedded PostgreSQL.
 */
const SHUTDOWN_MARGIN_MS = 20_000;

/**
 * `npm start`: database (embedded unless DATABASE_URL) → migrations → demo account on first
 * start → GraphQL + dashboard on PORT. Ctrl-C (SIGINT) or SIGTERM stops the server, then PostgreSQL.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const missingFlags = missingServerNodeFlags(process.execArgv, process.env.NODE_OPTIONS);
  if (missingFlags.length > 0)
    log.warn(
      { missingFlags },
      `Started without ${missingFlags.join(' ')} (node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js, or NODE_OPTIONS): ` +
        'under load the server then spends ~15–20 % more CPU per request, mostly collecting garbage (config.ts SERVER_NODE_FLAGS).',
    );
  const database = await openDatabase(config);
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let stopping = false;
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) {
      // A second Ctrl-C: the operator will not wait. An embedded PostgreSQL is still stopped (fast)
      // as this process exits (embedded-postgres.ts).
      if (signal !== 'error') {
        log.warn({ signal }, `${signal} again: exiting without waiting.`);
        process.exit(1);
      }
      return;
    }
    stopping = true;
    log.info(
      { signal },
      `${signal}: stopping (requests in flight get up to ${config.shutdownDrainTimeoutMs} ms; Ctrl-C again to exit at once)…`,
    );
    // Past the drain time and the margin for the jobs, the pool and PostgreSQL, something hangs:
    // exit rather than wait for ever (a supervisor sees the non-zero code).
    const watchdog = setTimeout(() => {
      log.fatal(`Stopping took longer than ${config.shutdownDrainTimeoutMs + SHUTDOWN_MARGIN_MS} ms: exiting.`);
      process.exit(1);
    }, config.shutdownDrainTimeoutMs + SHUTDOWN_MARGIN_MS);
    watchdog.unref();
    try {
      await app?.close();
    } finally {
      await database.stop();
    }
    log.info('Stopped.');
    process.exit(exitCode);
  };
  // embedded-postgres registers its own signal hooks (async-exit-hook) that stop PostgreSQL and
  // exit(130) at once, racing the server's own shutdown: requests, the billing clock and webhook
  // deliveries then meet a database going away. The server stops in order instead: itself, then
  // PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));

  try {
    const admin = await resolvePlatformAdminToken(config);
    app = await startApp({ config, databaseUrl: database.databaseUrl, platformAdminToken: admin.token });
    // The demo account, its key and password exist only outside production. Processes starting
    // together on one database seed it one at a time (the later ones find accounts and skip it).
    const { orm, postings } = app;
    const demo = config.production
      ? null
      : await withAdvisoryLock(database.databaseUrl, 'spendwire:demo-seed', () => seedDemoAccount(orm.em.fork(), config, postings));
    const lines = [
      '',
      `Spendwire is running on ${database.embedded ? `an embedded PostgreSQL (data in ${config.dataDir})` : 'DATABASE_URL'}.`,
      `  Dashboard:  ${app.url}/`,
      `  GraphQL:    ${app.url}/graphql  (HTTP and WebSocket)`,
      admin.generated
        ? `  Operator token (PLATFORM_ADMIN): ${admin.token}  (set PLATFORM_ADMIN_TOKEN to choose your own)`
        : '  Operator token: from PLATFORM_ADMIN_TOKEN',
      demo
        ? `  Demo account API key (OWNER):   ${demo.apiKey}${demo.apiKeyLive ? '' : '  (REVOKED: create a new key with createApiKey)'}\n` +
          `  Demo wallet id:                 ${demo.walletId}` +
          (demo.userEmail ? `\n  Demo sign-in (OWNER):           ${demo.userEmail} / ${demo.userPassword}  (POST /auth/sign-in)` : '') +
          (demo.campaignId
            ? `\n  Demo campaign id:               ${demo.campaignId}  (dialed by the built-in simulator${config.simulatorEnabled ? '' : ': off, SIMULATOR=0'})`
            : '')
        : config.production
          ? '  No demo account (NODE_ENV=production).'
          : '  No demo account: this database already had accounts.',
      app.payments.mode === 'SANDBOX'
        ? `  Payments:   offline Stripe sandbox at ${app.payments.sandboxUrl} (test cards such as pm_card_visa; set STRIPE_SECRET_KEY for Stripe)`
        : `  Payments:   Stripe (STRIPE_SECRET_KEY); webhooks expected at ${app.url}/webhooks/stripe`,
      !app.mailSink
        ? `  E-mail:     sent through SMTP_URL from ${config.mailFrom}`
        : config.production
          ? '  E-mail:     NOT DELIVERED: set SMTP_URL (NODE_ENV=production has no /dev/mail page)'
          : `  E-mail:     captured by a local SMTP sink, read them at ${app.url}/dev/mail  (operator token as password; set SMTP_URL to deliver)`,
      '',
      'Press Ctrl-C to stop.',
    ];
    // The banner is for the person who ran `npm start`: plain text on stdout, whatever LOG_FORMAT says.
    console.log(lines.join('\n'));
  } catch (error) {
    log.fatal({ err: error }, 'The server could not start');
    // A start that failed exits non-zero, so a supervisor or a script sees it.
    await stop('error', 1);
  }
}

void main();
