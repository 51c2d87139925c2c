// Goal: the timeout and shutdown settings (the billing clock's claim timeout among them) read from the environment as documented (defaults, env names, 0 where it means off, malformed, out-of-range or inconsistent values refused at start). Method: loadConfig on hand-made environments, no server.
import { describe, expect, it } from 'vitest';
import { BILLING_CLOCK_CLAIM_TIMEOUT_MS_MAX, BILLING_CLOCK_CLAIM_TIMEOUT_MS_MIN, loadConfig } from '../../server/config.js';

describe('timeout settings', () => {
  it('have the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      databaseStatementTimeoutMs: 15_000,
      databaseLockTimeoutMs: 10_000,
      databaseIdleInTransactionTimeoutMs: 30_000,
      databaseQueryTimeoutMs: 20_000,
      databaseConnectTimeoutMs: 5_000,
      databasePoolAcquireTimeoutMs: 10_000,
      httpHeadersTimeoutMs: 20_000,
      httpRequestTimeoutMs: 60_000,
      httpKeepAliveTimeoutMs: 5_000,
      shutdownDrainTimeoutMs: 10_000,
    });
  });

  it('read their environment variables', () => {
    const config = loadConfig({
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      DATABASE_LOCK_TIMEOUT_MS: '2000',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '3000',
      DATABASE_QUERY_TIMEOUT_MS: '4000',
      DATABASE_CONNECT_TIMEOUT_MS: '5000',
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '6000',
      HTTP_HEADERS_TIMEOUT_MS: '7000',
      HTTP_REQUEST_TIMEOUT_MS: '8000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '9000',
      SHUTDOWN_DRAIN_TIMEOUT_MS: '10000',
    });
    expect(config).toMatchObject({
      databaseStatementTimeoutMs: 1_000,
      databaseLockTimeoutMs: 2_000,
      databaseIdleInTransactionTimeoutMs: 3_000,
      databaseQueryTimeoutMs: 4_000,
      databaseConnectTimeoutMs: 5_000,
      databasePoolAcquireTimeoutMs: 6_000,
      httpHeadersTimeoutMs: 7_000,
      httpRequestTimeoutMs: 8_000,
      httpKeepAliveTimeoutMs: 9_000,
      shutdownDrainTimeoutMs: 10_000,
    });
  });

  it('PostgreSQL timeouts and the query timeout accept 0 (off); the waits that must end refuse 0', () => {
    for (const name of [
      'DATABASE_STATEMENT_TIMEOUT_MS',
      'DATABASE_LOCK_TIMEOUT_MS',
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      'DATABASE_QUERY_TIMEOUT_MS',
    ]) {
      expect(() => loadConfig({ [name]: '0' })).not.toThrow();
    }
    for (const name of [
      'DATABASE_CONNECT_TIMEOUT_MS',
      'DATABASE_POOL_ACQUIRE_TIMEOUT_MS',
      'HTTP_HEADERS_TIMEOUT_MS',
      'HTTP_REQUEST_TIMEOUT_MS',
      'HTTP_KEEP_ALIVE_TIMEOUT_MS',
      'SHUTDOWN_DRAIN_TIMEOUT_MS',
    ]) {
      expect(() => loadConfig({ [name]: '0' })).toThrow(new RegExp(name));
      expect(() => loadConfig({ [name]: '1' })).not.toThrow();
      expect(() => loadConfig({ [name]: 'soon' })).toThrow(new RegExp(name));
    }
  });

  it('the query timeout must be above the statement timeout: 1 ms above passes, equal is refused', () => {
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '5000', DATABASE_QUERY_TIMEOUT_MS: '5001' }).databaseQueryTimeoutMs).toBe(5_001);
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '5000', DATABASE_QUERY_TIMEOUT_MS: '5000' })).toThrow(
      /DATABASE_QUERY_TIMEOUT_MS/,
    );
    expect(() => loadConfig({}, { databaseStatementTimeoutMs: 30_000 })).toThrow(/DATABASE_QUERY_TIMEOUT_MS/);
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_QUERY_TIMEOUT_MS: '1' }).databaseQueryTimeoutMs).toBe(1);
  });

  it('the billing clock claim timeout: 3000 ms by default, BILLING_CLOCK_CLAIM_TIMEOUT_MS from 500 to 7000 (one 6 s increment plus the 1 s lead)', () => {
    expect(loadConfig({}).billingClockClaimTimeoutMs).toBe(3_000);
    expect(BILLING_CLOCK_CLAIM_TIMEOUT_MS_MIN).toBe(500);
    expect(BILLING_CLOCK_CLAIM_TIMEOUT_MS_MAX).toBe(7_000);
    expect(loadConfig({ BILLING_CLOCK_CLAIM_TIMEOUT_MS: '500' }).billingClockClaimTimeoutMs).toBe(500);
    expect(() => loadConfig({ BILLING_CLOCK_CLAIM_TIMEOUT_MS: '499' })).toThrow(/BILLING_CLOCK_CLAIM_TIMEOUT_MS/);
    expect(loadConfig({ BILLING_CLOCK_CLAIM_TIMEOUT_MS: '7000' }).billingClockClaimTimeoutMs).toBe(7_000);
    expect(() => loadConfig({ BILLING_CLOCK_CLAIM_TIMEOUT_MS: '7001' })).toThrow(/BILLING_CLOCK_CLAIM_TIMEOUT_MS/);
    expect(() => loadConfig({ BILLING_CLOCK_CLAIM_TIMEOUT_MS: 'soon' })).toThrow(/BILLING_CLOCK_CLAIM_TIMEOUT_MS/);
  });
});
