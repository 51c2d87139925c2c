// Goal: the one line each HTTP request leaves when it ends has its level, message and fields for every
// way a request ends: answered, answered with a 5xx, a health check, cut off before its answer. Method: a
// bare node:http server wrapped by withRequestLogging on port 0, real requests, the logger's lines captured.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLogFields } from '../../server/logging/logger.js';
import { withRequestLogging } from '../../server/transport/request-logging.js';
import { captureLogs, type LogCapture } from '../support/log-capture.js';
import { until } from '../support/waiting.js';

let logs: LogCapture;
let server: http.Server;
let port: number;

beforeAll(async () => {
  logs = captureLogs('debug');
  server = http.createServer(
    withRequestLogging({ requestIdLengthMax: 64 }, (request, response) => {
      // As principal-for.ts does once the credential is resolved.
      const fields = currentLogFields()!;
      fields.accountId = 'account-1';
      fields.apiKeyId = 'key-1';
      if (request.url?.startsWith('/hang')) {
        response.write('partial');
        return;
      }
      response.statusCode = request.url?.startsWith('/fail') ? 503 : 200;
      response.end('done');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  logs?.stop();
});

async function lineOf(requestId: string): Promise<Record<string, unknown>> {
  await until('the request line', () => logs.lines().some((line) => line.requestId === requestId && line.res));
  const lines = logs.lines().filter((line) => line.requestId === requestId && line.res);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

async function get(path: string, requestId: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}${path}?token=secret`, { headers: { 'x-request-id': requestId } });
  await response.text();
  return response.status;
}

describe('the request line', () => {
  it('an answered request: info, "request completed", the path without its query, status, time and the caller ids', async () => {
    expect(await get('/graphql', 'line-ok')).toBe(200);
    expect(await lineOf('line-ok')).toMatchObject({
      level: 30,
      msg: 'request completed',
      requestId: 'line-ok',
      accountId: 'account-1',
      apiKeyId: 'key-1',
      req: { method: 'GET', url: '/graphql', remoteAddress: '127.0.0.1' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(logs.text()).not.toContain('secret');
  });

  it('a 5xx answer: error, "request errored", with err', async () => {
    expect(await get('/fail', 'line-5xx')).toBe(503);
    expect(await lineOf('line-5xx')).toMatchObject({
      level: 50,
      msg: 'request errored',
      res: { statusCode: 503 },
      err: { message: 'failed with status code 503' },
      accountId: 'account-1',
    });
  });

  it('a health check: debug', async () => {
    expect(await get('/healthz', 'line-health')).toBe(200);
    expect(await lineOf('line-health')).toMatchObject({ level: 20, msg: 'request completed' });
  });

  it('a request cut off before its answer ended: one line, "request aborted"', async () => {
    const request = http.get({ host: '127.0.0.1', port, path: '/hang', headers: { 'x-request-id': 'line-cut' } }, (response) => {
      response.once('data', () => request.destroy());
    });
    request.on('error', () => {});
    expect(await lineOf('line-cut')).toMatchObject({ level: 30, msg: 'request aborted', requestId: 'line-cut', accountId: 'account-1' });
  });
});
