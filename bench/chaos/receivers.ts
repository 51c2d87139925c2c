/**
 * What the chaos storm's servers talk to besides PostgreSQL, run in the storm's own process: a
 * real SMTP server that records every accepted mail by Message-ID and recipient, an HTTP webhook
 * receiver that records every event id and can answer slowly, and a forwarder for the Stripe
 * sandbox's webhooks that tries each server process in turn (one of them may be down).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail the SMTP server accepted. */
export interface AcceptedMail {
  messageId: string;
  recipients: string[];
}

/** A real SMTP server on 127.0.0.1 (no auth, no TLS) that records what it accepts. */
export interface MailReceiver {
  port: number;
  accepted: AcceptedMail[];
  close(): Promise<void>;
}

/** Starts the SMTP server on a free port. */
export async function startMailReceiver(): Promise<MailReceiver> {
  const accepted: AcceptedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const headerEnd = raw.indexOf('\r\n\r\n');
        const match = /^message-id:\s*(<[^>\r\n]+>)/im.exec(headerEnd === -1 ? raw : raw.slice(0, headerEnd));
        accepted.push({ messageId: match?.[1] ?? '(none)', recipients: session.envelope.rcptTo.map((to) => to.address.toLowerCase()) });
        callback();
      });
    },
  });
  // smtp-server emits a connection's socket errors on the server: a sender killed mid-session (the
  // kill-9 scenario) resets its connection, and without a listener that ECONNRESET was thrown as an
  // uncaught exception in the harness. A reset session delivered nothing, so there is nothing to count.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One webhook POST the receiver answered with a 2xx. */
export interface AcceptedWebhook {
  /** The endpoint's path, e.g. `/hooks/3`. */
  path: string;
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** An HTTP server that accepts webhook POSTs, records them and can be made slow. */
export interface WebhookReceiver {
  port: number;
  /** Every POST answered 200, in arrival order (a redelivery appears again). */
  accepted: AcceptedWebhook[];
  /** Answer each request only after this many ms (0: at once). Requests closed meanwhile are not recorded. */
  delayMs: number;
  close(): Promise<void>;
}

/** Starts the webhook receiver on a free port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { accepted: [] as AcceptedWebhook[], delayMs: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = () => {
        // A sender that gave up (its attempt timed out) closed the socket: that attempt failed, it is not a delivery.
        if (response.destroyed || request.socket.destroyed) return;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; type: string; data: Record<string, unknown> };
        receiver.accepted.push({ path: request.url ?? '', id: body.id, type: body.type, data: body.data });
        response.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
        response.end('ok');
      };
      if (receiver.delayMs > 0) setTimeout(answer, receiver.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return Object.assign(receiver, {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/**
 * An HTTP forwarder for the Stripe sandbox's webhooks: each POST goes to the first server process
 * (of `targets()`: base URLs) that answers, so the sandbox (which retries a few times only) does
 * not give up on an event while one process is down. Answers 502 when none answers.
 */
export async function startStripeWebhookForwarder(targets: () => string[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'stripe-signature', 'user-agent']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      for (const target of targets()) {
        try {
          const answer = await fetch(`${target}${request.url ?? ''}`, {
            method: 'POST',
            headers,
            body,
            signal: AbortSignal.timeout(15_000),
          });
          const text = await answer.text();
          if (answer.status >= 500) continue;
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
          response.end(text);
          return;
        } catch {
          // This process is down or stalled: try the next one.
        }
      }
      response.writeHead(502);
      response.end('no server process answered');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
