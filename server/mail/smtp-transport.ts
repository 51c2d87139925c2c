import nodemailer from 'nodemailer';
import type { MailTransport, OutgoingMail } from '../domain/mail/mail-transport.js';

/** Options of {@link createSmtpTransport}. */
export interface SmtpTransportOptions {
  /** nodemailer's connection URL, e.g. `smtp://user:pass@smtp.example.com:587` or `smtps://…`. */
  url: string;
  /** The From header, e.g. `Spendwire <notifications@example.com>`. */
  from: string;
  /** Connection, greeting and socket-idle timeouts, each in milliseconds. */
  timeoutMs: number;
}

/** A nodemailer SMTP transport behind the domain's {@link MailTransport}; one connection per mail. */
export function createSmtpTransport(options: SmtpTransportOptions): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(options.url, {
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  return {
    async send(mail: OutgoingMail): Promise<void> {
      await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === null ? {} : { html: mail.html }),
        messageId: mail.messageId,
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
      });
    },
    close: () => transporter.close(),
  };
}
