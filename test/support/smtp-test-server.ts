// A real SMTP server in the test process (smtp-server): records every mail it accepts, and can be told to refuse the next ones with an SMTP reply code.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail, type ParsedMail } from '../../server/mail/mime.js';

/** A mail the test server accepted. */
export interface ReceivedMail extends ParsedMail {
  envelopeTo: string[];
  raw: string;
}

export interface SmtpTestServer {
  url: string;
  /** Every accepted mail, in arrival order. */
  received: ReceivedMail[];
  /** Every DATA command seen, accepted or refused. */
  attempts: number;
  /** Refuses the next `count` mails (at the end of DATA) with `code` and `text`. */
  refuseNext(count: number, code: number, text: string): void;
  /** Resolves once `count` mails have been accepted; rejects after `timeoutMs`. */
  waitForMail(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const refusals: { code: number; text: string }[] = [];
  const waiters: (() => void)[] = [];
  const state = { received: [] as ReceivedMail[], attempts: 0 };
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.attempts += 1;
        const refusal = refusals.shift();
        if (refusal) {
          callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        state.received.push({ ...parseMail(raw), envelopeTo: session.envelope.rcptTo.map((to) => to.address), raw });
        callback();
        for (const wake of waiters.splice(0)) wake();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get attempts() {
      return state.attempts;
    },
    refuseNext(count, code, text) {
      for (let index = 0; index < count; index++) refusals.push({ code, text });
    },
    async waitForMail(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Expected ${count} mails, got ${state.received.length} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return state.received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as SmtpTestServer;
}
