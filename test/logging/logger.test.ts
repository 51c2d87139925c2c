// Goal: the log settings read from the environment as documented (LOG_LEVEL, LOG_FORMAT, their defaults and
// refusals), the level filters lines, the pretty format prints one readable line, and request fields ride on
// every line logged inside a request. Method: the real logger pointed at an in-memory destination.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOG_LEVELS, loadConfig, logSettingsFromEnv } from '../../server/config.js';
import {
  configureLogging,
  currentLogFields,
  log,
  requestLineWriter,
  runWithLogFields,
  stdoutDestination,
} from '../../server/logging/logger.js';
import { captureLogs } from '../support/log-capture.js';
import { OperationBudget, operationTimeLeftMs, outsideOperation, runOperation } from '../../server/database/operation-budget.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('log settings', () => {
  it('LOG_LEVEL: info by default, each of pino’s levels, anything else refused', () => {
    expect(logSettingsFromEnv({}).logLevel).toBe('info');
    for (const level of LOG_LEVELS) expect(logSettingsFromEnv({ LOG_LEVEL: level }).logLevel).toBe(level);
    expect(() => logSettingsFromEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of/);
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('LOG_FORMAT: pretty in development, json in production, either when set, anything else refused', () => {
    expect(logSettingsFromEnv({}).logFormat).toBe('pretty');
    expect(logSettingsFromEnv({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(logSettingsFromEnv({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(logSettingsFromEnv({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => logSettingsFromEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
  });
});

describe('the logger', () => {
  it('writes lines at its level and above only', () => {
    const logs = captureLogs('warn');
    try {
      log.info('below the level');
      log.warn('at the level');
      log.error({ err: new Error('boom') }, 'above it');
      expect(logs.lines().map((line) => [line.level, line.msg])).toEqual([
        [40, 'at the level'],
        [50, 'above it'],
      ]);
      expect(logs.lines()[1]!.err).toMatchObject({ type: 'Error', message: 'boom', stack: expect.stringContaining('logger.test.ts') });
    } finally {
      logs.stop();
    }
  });

  it('adds the fields of the request being served to every line logged inside it, the line’s own fields winning', async () => {
    const logs = captureLogs();
    try {
      const fields = { requestId: 'req-1', accountId: 'acc-1', apiKeyId: null };
      await runWithLogFields(fields, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        log.info('inside');
        log.info({ accountId: 'other' }, 'own field');
      });
      log.info('outside');
      const [inside, own, outside] = logs.lines();
      expect(inside).toMatchObject({ requestId: 'req-1', accountId: 'acc-1', apiKeyId: null });
      expect(own).toMatchObject({ requestId: 'req-1', accountId: 'other' });
      expect(outside!.requestId).toBeUndefined();
      // The request's own object is not changed by the lines.
      expect(fields.accountId).toBe('acc-1');
    } finally {
      logs.stop();
    }
  });

  it('background work a request starts (outsideOperation: job wake-ups, batched statements) logs without its fields', async () => {
    const logs = captureLogs();
    try {
      await runWithLogFields({ requestId: 'req-2' }, async () => {
        await new Promise<void>((resolve) =>
          outsideOperation(() =>
            setTimeout(() => {
              log.info('background');
              resolve();
            }, 1),
          ),
        );
        log.info('request');
      });
      expect(logs.lines().map((line) => [line.msg, line.requestId])).toEqual([
        ['background', undefined],
        ['request', 'req-2'],
      ]);
    } finally {
      logs.stop();
    }
  });

  it("work outsideOperation starts (after an await, in a timer) sees neither the request's fields nor its budget; the request still sees both after it", async () => {
    const budget = new OperationBudget({ deadlineMs: 60_000, connectionsMax: 1 });
    await runWithLogFields({ requestId: 'req-3' }, () =>
      runOperation(budget, async () => {
        const seen = await outsideOperation(async () => {
          await null;
          const timer = await new Promise<[unknown, number]>((resolve) =>
            setTimeout(() => resolve([currentLogFields(), operationTimeLeftMs()]), 1),
          );
          return [currentLogFields(), operationTimeLeftMs(), ...timer];
        });
        expect(seen).toEqual([undefined, Number.POSITIVE_INFINITY, undefined, Number.POSITIVE_INFINITY]);
        await null;
        expect(currentLogFields()?.requestId).toBe('req-3');
        expect(operationTimeLeftMs()).toBeLessThanOrEqual(60_000);
      }),
    );
  });

  it('in the pretty format, prints one readable line per event', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const previous = configureLogging({ level: 'info', destination: stdoutDestination('pretty') });
    try {
      log.info({ requestId: 'req-9' }, 'request completed');
    } finally {
      configureLogging(previous);
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/INFO.*request completed.*"requestId":"req-9"/);
    expect(written[0]!.trimEnd()).not.toContain('\n');
    expect(() => JSON.parse(written[0]!)).toThrow();
  });

  it('writes the request line without the redaction pass byte for byte as the redacting logger does', () => {
    const written: string[] = [];
    const previous = configureLogging({ level: 'info', destination: { write: (line: string) => void written.push(line) } });
    const line = () => ({
      req: { method: 'POST', url: '/graphql', remoteAddress: '127.0.0.1' },
      res: { statusCode: 200 },
      responseTime: 3,
      requestId: 'req-7',
      accountId: 'account-1',
      apiKeyId: null,
    });
    try {
      runWithLogFields({ requestId: 'req-7', accountId: 'account-1', apiKeyId: null }, () => {
        log.info(line(), 'request completed');
        requestLineWriter.info(line(), 'request completed');
        log.debug(line(), 'below the level');
      });
    } finally {
      configureLogging(previous);
    }
    const withoutTime = (text: string) => text.replace(/"time":\d+,/, '');
    expect(written).toHaveLength(2);
    expect(withoutTime(written[1]!)).toBe(withoutTime(written[0]!));
    expect(JSON.parse(written[1]!)).toMatchObject({ level: 30, requestId: 'req-7', req: { url: '/graphql' }, msg: 'request completed' });
  });
});
