/**
 * An end-to-end file's server that sends real mail: its mail jobs on, delivering to an SMTP server
 * in the test process, on a fixed port so that the links in the mails (publicUrl) point at this
 * very server. Hand `options` to {@link e2eFile}.
 */
import type { Config } from '../../server/config.js';
import { freePort } from '../../server/database/free-port.js';
import type { E2EFileOptions } from './browser.js';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from './smtp-test-server.js';
import { startTestApp } from './test-app.js';

/** What {@link mailedServer} gives a file. */
export interface MailedServer {
  /** Starts the SMTP server, then the server (with `overrides`); closes the SMTP server after the server. */
  options: E2EFileOptions;
  /** The SMTP server (once the file's set-up ran). */
  readonly smtp: SmtpTestServer;
  /** The `n`th mail (1-based) to `email`, once it has arrived (within 20 s per mail). */
  mailTo(email: string, n: number): Promise<ReceivedMail>;
}

/** A mailed server for {@link e2eFile}: mail jobs every 200 ms, the billing clock off, then `overrides`. */
export function mailedServer(overrides: Partial<Config> = {}): MailedServer {
  let smtp: SmtpTestServer | undefined;
  const started = (): SmtpTestServer => {
    if (!smtp) throw new Error('The SMTP server is not started yet: use it in a test or a beforeAll after e2eFile()');
    return smtp;
  };
  return {
    options: {
      start: async () => {
        smtp = await startSmtpTestServer();
        const port = await freePort();
        return startTestApp({
          port,
          publicUrl: `http://localhost:${port}`,
          smtpUrl: smtp.url,
          mailEnabled: true,
          mailIntervalMs: 200,
          billingClockEnabled: false,
          ...overrides,
        });
      },
      closeAfter: async () => {
        await smtp?.close();
      },
    },
    get smtp() {
      return started();
    },
    async mailTo(email, n) {
      for (let count = 1; ; count++) {
        const received = await started().waitForMail(count, 20_000);
        const mine = received.filter((mail) => mail.envelopeTo.includes(email));
        if (mine.length >= n) return mine[n - 1]!;
      }
    },
  };
}
