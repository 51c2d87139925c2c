// Goal: POST /graphql's lean body reader (json-body.ts) gives what express.json() gives (the parsed body, or
// an error of the same status and type) for every body it takes, leaves every other body to express.json(),
// and the CORS headers copied from cors() are the ones it sets. Method: two real node:http servers on port 0,
// one running express.json() alone and one the lean reader over it (its fallback wrapped to count calls, every
// call passed through), sent the same raw requests over sockets, each request run in an AsyncLocalStorage scope; cors() probed with real configurations.
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { leanJsonBody, type NodeMiddleware } from '../../server/transport/json-body.js';
import { fixedCorsHeaders } from '../../server/transport/graphql-post.js';
import type { CorsOptions } from 'cors';

/** The body limit of both servers, in bytes. */
const LIMIT_BYTES = 64;

interface Outcome {
  body?: unknown;
  error?: { status: unknown; type: unknown };
  /** The request's AsyncLocalStorage store where next was called (the request's log fields live in one). */
  scope?: unknown;
}

/** A store each request runs in, as the server's request scopes (its log fields, its operation). */
const requestScope = new AsyncLocalStorage<string>();

let fallbackCalls = 0;
const expressJson = express.json({ limit: LIMIT_BYTES }) as unknown as NodeMiddleware;
const countedJson: NodeMiddleware = (request, response, next) => {
  fallbackCalls++;
  expressJson(request, response, next);
};
const servers: http.Server[] = [];
/** Per server, the outcome of each request, by its X-Case header, once its middleware called next. */
const outcomes: Map<string, Outcome>[] = [];
/** Per server, told of each outcome as it is recorded. */
const recorded: ((name: string, outcome: Outcome) => void)[] = [];
const ports: number[] = [];

function serve(middleware: NodeMiddleware, index: number): Promise<void> {
  outcomes[index] = new Map();
  const server = http.createServer((request, response) => {
    const next = (error?: unknown) => {
      const failure = error as { status?: unknown; type?: unknown } | undefined;
      const outcome: Outcome = failure
        ? { error: { status: failure.status, type: failure.type }, scope: requestScope.getStore() }
        : { body: (request as { body?: unknown }).body, scope: requestScope.getStore() };
      outcomes[index]!.set(String(request.headers['x-case']), outcome);
      recorded[index]?.(String(request.headers['x-case']), outcome);
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(outcome));
    };
    requestScope.run(`request ${String(request.headers['x-case'])}`, () => middleware(request, response, next));
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      ports[index] = (server.address() as AddressInfo).port;
      resolve();
    }),
  );
}

beforeAll(async () => {
  await serve(expressJson, 0);
  await serve(leanJsonBody(LIMIT_BYTES, countedJson), 1);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Sends one raw request (its head written by hand, the body in the given parts) and reads the answer. */
function send(port: number, name: string, headers: Record<string, string>, parts: Buffer[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const head = Object.entries({ host: 'localhost', connection: 'close', 'x-case': name, ...headers })
      .map(([key, value]) => `${key}: ${value}\r\n`)
      .join('');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Outcome));
    socket.on('error', reject);
    socket.write(`POST /graphql HTTP/1.1\r\n${head}\r\n`);
    // Each part in its own write, the next once the previous left: a body read in several chunks.
    const writeFrom = (index: number) => {
      if (index === parts.length) return;
      socket.write(parts[index]!, () => writeFrom(index + 1));
    };
    writeFrom(0);
  });
}

function jsonHeaders(body: Buffer, type = 'application/json'): Record<string, string> {
  return { 'content-type': type, 'content-length': String(body.length) };
}

const text = (value: string) => Buffer.from(value, 'utf8');

/** Bodies the lean reader takes: [name, headers, parts]. */
const TAKEN: [string, Record<string, string>, Buffer[]][] = [
  ['object', jsonHeaders(text('{"query":"{ me { role } }"}')), [text('{"query":"{ me { role } }"}')]],
  ['charset', jsonHeaders(text('{"a":1}'), 'application/json; charset=utf-8'), [text('{"a":1}')]],
  ['array', jsonHeaders(text('[1,2]')), [text('[1,2]')]],
  ['bom', jsonHeaders(text('\ufeff{"a":"é"}')), [text('\ufeff{"a":"é"}')]],
  ['leading whitespace', jsonHeaders(text(' \t\r\n{"a":1}')), [text(' \t\r\n{"a":1}')]],
  ['not strict', jsonHeaders(text('true')), [text('true')]],
  ['string', jsonHeaders(text('"x"')), [text('"x"')]],
  ['whitespace only', jsonHeaders(text('   ')), [text('   ')]],
  ['malformed', jsonHeaders(text('{"a":')), [text('{"a":')]],
  ['bom only', jsonHeaders(text('\ufeff')), [text('\ufeff')]],
  [
    'invalid utf-8',
    jsonHeaders(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xc3, 0x28, 0x22, 0x7d])),
    [Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xc3, 0x28, 0x22, 0x7d])],
  ],
  // A two-byte character split across the parts.
  ['split character', jsonHeaders(text('{"a":"ééé"}')), [text('{"a":"ééé"}').subarray(0, 8), text('{"a":"ééé"}').subarray(8)]],
  ['at the limit', jsonHeaders(text(`{"a":"${'x'.repeat(LIMIT_BYTES - 8)}"}`)), [text(`{"a":"${'x'.repeat(LIMIT_BYTES - 8)}"}`)]],
];

/** Bodies left to express.json(). */
const LEFT: [string, Record<string, string>, Buffer[]][] = [
  ['over the limit', jsonHeaders(text(`{"a":"${'x'.repeat(LIMIT_BYTES - 7)}"}`)), [text(`{"a":"${'x'.repeat(LIMIT_BYTES - 7)}"}`)]],
  ['empty', { 'content-type': 'application/json', 'content-length': '0' }, []],
  ['upper case type', jsonHeaders(text('{"a":1}'), 'Application/JSON'), [text('{"a":1}')]],
  ['other charset', jsonHeaders(text('{"a":1}'), 'application/json; charset=latin1'), [text('{"a":1}')]],
  ['vendor type', jsonHeaders(text('{"a":1}'), 'application/vnd.api+json'), [text('{"a":1}')]],
  ['text', jsonHeaders(text('{"a":1}'), 'text/plain'), [text('{"a":1}')]],
  ['gzip', { ...jsonHeaders(text('{"a":1}')), 'content-encoding': 'gzip' }, [text('{"a":1}')]],
  ['chunked', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [text('7\r\n{"a":1}\r\n0\r\n\r\n')]],
];

it('answers every body it takes as express.json() does, without calling it', async () => {
  for (const [name, headers, parts] of TAKEN) {
    const before = fallbackCalls;
    const [plain, lean] = [await send(ports[0]!, name, headers, parts), await send(ports[1]!, name, headers, parts)];
    expect(lean, name).toEqual(plain);
    expect(fallbackCalls - before, name).toBe(0);
  }
  // The cases cover both answers: parsed bodies and refusals.
  expect(outcomes[1]!.get('at the limit')!.body).toEqual({ a: 'x'.repeat(LIMIT_BYTES - 8) });
  expect(outcomes[1]!.get('bom')!.body).toEqual({ a: 'é' });
  expect(outcomes[1]!.get('split character')!.scope).toBe('request split character');
  expect(outcomes[1]!.get('not strict')!.error).toEqual({ status: 400, type: 'entity.parse.failed' });
  expect(outcomes[1]!.get('malformed')!.error).toEqual({ status: 400, type: 'entity.parse.failed' });
});

it('leaves every other body to express.json(), whose answer it passes on', async () => {
  for (const [name, headers, parts] of LEFT) {
    const before = fallbackCalls;
    const [plain, lean] = [await send(ports[0]!, name, headers, parts), await send(ports[1]!, name, headers, parts)];
    expect(lean, name).toEqual(plain);
    expect(fallbackCalls - before, name).toBe(1);
  }
  expect(outcomes[1]!.get('over the limit')!.error).toEqual({ status: 413, type: 'entity.too.large' });
});

it('passes on a body cut short as express.json() does (request.aborted)', async () => {
  const aborted = (index: number) =>
    new Promise<Outcome>((resolve) => {
      // The outcome is recorded when the middleware calls next, once the server sees the socket close.
      recorded[index] = (name, outcome) => {
        if (name === 'cut') resolve(outcome);
      };
      const socket = net.connect(ports[index]!, '127.0.0.1', () => {
        socket.write(
          'POST /graphql HTTP/1.1\r\nhost: localhost\r\nx-case: cut\r\ncontent-type: application/json\r\ncontent-length: 40\r\n\r\n{"a":',
          () => socket.destroy(),
        );
      });
      socket.on('error', () => {});
    });
  const before = fallbackCalls;
  const plain = await aborted(0);
  const lean = await aborted(1);
  expect(lean).toEqual(plain);
  expect(lean.error).toEqual({ status: 400, type: 'request.aborted' });
  expect(lean.scope).toBe('request cut');
  expect(fallbackCalls - before).toBe(0);
});

it("copies cors()'s headers when they are fixed, and only then", async () => {
  const fixed: CorsOptions[] = [{ exposedHeaders: ['X-Request-Id'] }, {}, { origin: '*', exposedHeaders: 'A,B' }, { exposedHeaders: [] }];
  for (const options of fixed) {
    const expected = fixedCorsHeaders(options);
    // What cors() sets on real POSTs, with and without an Origin.
    for (const origin of [undefined, 'https://elsewhere.example']) {
      expect(await corsHeadersSet(options, origin), JSON.stringify(options)).toEqual(expected);
    }
  }
  expect(fixedCorsHeaders({ exposedHeaders: ['X-Request-Id'] })).toEqual([
    ['Access-Control-Allow-Origin', '*'],
    ['Access-Control-Expose-Headers', 'X-Request-Id'],
  ]);
  // An origin of its own sets Vary; a reflected or computed one depends on the request; credentials add a header.
  for (const options of [
    { origin: 'https://app.example' },
    { origin: true },
    { origin: (_o: unknown, done: (e: null, v: string) => void) => done(null, '*') },
    { credentials: true },
  ] as CorsOptions[]) {
    expect(fixedCorsHeaders(options)).toBeUndefined();
  }
});

/** The headers cors(options) sets on a real POST (with `origin` as its Origin), in order, names as it wrote them. */
async function corsHeadersSet(options: CorsOptions, origin: string | undefined): Promise<[string, string][]> {
  const middleware = cors(options);
  const server = http.createServer((request, response) => {
    middleware(request as never, response as never, () => {
      const names = response.getHeaderNames();
      response.end(JSON.stringify(names.map((name) => [name, response.getHeader(name)])));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
      method: 'POST',
      headers: origin ? { origin } : {},
    });
    const set = (await answer.json()) as [string, string][];
    const spelled = new Map([
      ['access-control-allow-origin', 'Access-Control-Allow-Origin'],
      ['access-control-expose-headers', 'Access-Control-Expose-Headers'],
    ]);
    return set.map(([name, value]) => [spelled.get(name) ?? name, value]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
