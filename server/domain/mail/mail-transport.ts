/** One mail as it leaves for SMTP. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Stable per queued mail, so a receiver can tell a repeated delivery apart (`<email-42@spendwire>`). */
  messageId: string;
  /** Files sent with it (a receipt's invoice as PDF); none when absent. */
  attachments?: MailAttachment[];
}

/** A file attached to a mail. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Where mails go (nodemailer over SMTP in the server, see server/mail/). The domain knows only this.
 */
export interface MailTransport {
  /**
   * Sends one mail; resolves once the SMTP server has accepted it.
   * @throws Error (with `responseCode` when the server answered) on any refusal or network failure.
   */
  send(mail: OutgoingMail): Promise<void>;
}
