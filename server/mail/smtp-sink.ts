import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { parseMail, type ParsedMail } from './mime.js';
import { log } from '../logging/logger.js';

/** A mail the sink received. */
export interface CapturedMail {
  /** 1, 2, 3… in arrival order, for `/dev/mail/:id`. */
  id: number;
  receivedAt: Date;
  envelopeFrom: string;
  envelopeTo: string[];
  /** The message as it came over SMTP. */
  raw: string;
  parsed: ParsedMail;
}

/** Options of {@link SmtpSink.start}. */
export interface SmtpSinkOptions {
  /** Mails kept; the oldest is dropped past it. */
  messagesMax: number;
  /** Largest mail accepted, in bytes (SMTP SIZE); bigger ones are refused with 552. */
  messageBytesMax: number;
  /** Simultaneous SMTP connections accepted. @default 20 */
  clientsMax?: number;
}

/**
 * A local SMTP server on a loopback port that keeps the last mails in memory: what `npm start`
 * sends notification e-mails to when no SMTP_URL is set, so they can be read at `/dev/mail`. No
 * authentication, no TLS, and nothing ever leaves the machine.
 */
export class SmtpSink {
  private readonly captured: CapturedMail[] = [];
  private nextId = 1;

  private constructor(
    private readonly server: SMTPServer,
    /** The port it listens on (127.0.0.1). */
    readonly port: number,
    private readonly messagesMax: number,
  ) {}

  /** Listens on 127.0.0.1 at a free port. */
  static async start(options: SmtpSinkOptions): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      logger: false,
      banner: 'Spendwire local mail sink (nothing is delivered)',
      size: options.messageBytesMax,
      maxClients: options.clientsMax ?? 20,
      // Senders hang up after each mail; on close, anyone still connected is cut after a second.
      closeTimeout: 1_000,
      onData: (stream, session, callback) => sink!.receive(stream, session, callback),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    // A client that resets its connection must not bring the process down.
    server.on('error', (error) => log.error({ err: error }, `Local mail sink: ${error.message}`));
    sink = new SmtpSink(server, (server.server.address() as AddressInfo).port, options.messagesMax);
    return sink;
  }

  /** nodemailer's URL for it. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The kept mails, newest first. */
  list(): CapturedMail[] {
    return [...this.captured].reverse();
  }

  /** One kept mail by id, or undefined when unknown or dropped. */
  find(id: number): CapturedMail | undefined {
    return this.captured.find((mail) => mail.id === id);
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (error) => callback(error));
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        callback(Object.assign(new Error('Message exceeds the sink\u2019s size limit'), { responseCode: 552 }));
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      this.captured.push({
        id: this.nextId++,
        receivedAt: new Date(),
        envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        envelopeTo: session.envelope.rcptTo.map((address) => address.address),
        raw,
        parsed: parseMail(raw),
      });
      if (this.captured.length > this.messagesMax) this.captured.splice(0, this.captured.length - this.messagesMax);
      callback();
    });
  }

  /** Stops listening and closes open connections. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
