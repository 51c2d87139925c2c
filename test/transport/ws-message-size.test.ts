// Goal: a WebSocket message over webSocketMessageBytesMax closes the socket with 1009 before it is buffered, and one at the limit is served; the close logs one line, no stack. Method: raw `ws` sockets speaking graphql-transport-ws to the real server, with messages padded to exact byte sizes.
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { captureLogs } from '../support/log-capture.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A graphql-transport-ws `subscribe` message of exactly `bytes` bytes (UTF-8), padded in a variable. */
function subscribeMessage(bytes: number): string {
  const base = JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ me { role } }', variables: { pad: '' } } });
  const text = base.replace('"pad":""', `"pad":"${'x'.repeat(bytes - base.length)}"`);
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

/** Opens an acknowledged socket as the operator. */
async function openSocket(): Promise<WebSocket> {
  const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${t.adminToken}` } }));
  await new Promise<void>((resolve, reject) => {
    socket.once('message', (data) => (JSON.parse(String(data)).type === 'connection_ack' ? resolve() : reject(new Error(String(data)))));
  });
  return socket;
}

/** Sends `message`; resolves with the first answer, or with the close code if the server hangs up first. */
function answerOrClose(socket: WebSocket, message: string): Promise<{ message?: any; closeCode?: number }> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve({ message: JSON.parse(String(data)) }));
    socket.once('close', (code) => resolve({ closeCode: code }));
    // A server that closes mid-send may reset the connection under the client: the close still comes.
    socket.on('error', () => {});
    socket.send(message);
  });
}

describe('WebSocket message size (webSocketMessageBytesMax)', () => {
  it('defaults to 64 KiB', () => {
    expect(t.config.webSocketMessageBytesMax).toBe(65_536);
  });

  it('serves a message of exactly 64 KiB', async () => {
    const socket = await openSocket();
    try {
      const { message } = await answerOrClose(socket, subscribeMessage(t.config.webSocketMessageBytesMax));
      expect(message).toEqual({ id: '1', type: 'next', payload: { data: { me: { role: 'PLATFORM_ADMIN' } } } });
    } finally {
      socket.close();
    }
  });

  it('closes the socket with 1009 on 64 KiB + 1, logging one line and no stack', async () => {
    const logged = captureLogs();
    onTestFinished(() => logged.stop());
    const socket = await openSocket();
    const { closeCode, message } = await answerOrClose(socket, subscribeMessage(t.config.webSocketMessageBytesMax + 1));
    expect(message).toBeUndefined();
    expect(closeCode).toBe(1009);
    await vi.waitFor(() => expect(logged.lines().filter((line) => line.level === 40)).toHaveLength(1));
    expect(logged.lines().filter((line) => line.level >= 50)).toEqual([]);
    const [warning] = logged.lines().filter((line) => line.level === 40);
    expect(warning!.msg).toMatch(/^WebSocket closed on a client error: WS_ERR_UNSUPPORTED_MESSAGE_LENGTH Max payload size exceeded$/);
    expect(warning!.err).toBeUndefined();
  });

  it('closes the socket with 1009 on a 10 MB message, and the server serves on', async () => {
    const socket = await openSocket();
    const { closeCode } = await answerOrClose(socket, subscribeMessage(10_000_000));
    expect(closeCode).toBe(1009);
    const again = await openSocket();
    try {
      const { message } = await answerOrClose(again, subscribeMessage(1_000));
      expect(message.type).toBe('next');
    } finally {
      again.close();
    }
  });

  it('takes its limit from the config', async () => {
    const small = await startTestApp({ webSocketMessageBytesMax: 1_000 });
    try {
      const socketOf = async () => {
        const socket = new WebSocket(`${small.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
        await new Promise((resolve) => socket.once('open', resolve));
        return socket;
      };
      const init = (bytes: number) => {
        const base = JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${small.adminToken}`, pad: '' } });
        return base.replace('"pad":""', `"pad":"${'x'.repeat(bytes - base.length)}"`);
      };
      const atLimit = await socketOf();
      expect((await answerOrClose(atLimit, init(1_000))).message).toEqual({ type: 'connection_ack' });
      atLimit.close();
      const over = await socketOf();
      expect((await answerOrClose(over, init(1_001))).closeCode).toBe(1009);
    } finally {
      await small.close();
    }
  });
});
