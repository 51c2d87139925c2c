import express from 'express';
import type { CapturedMail } from '../mail/smtp-sink.js';
import { Role } from '../domain/accounts/role.js';
import type { Principal } from '../domain/accounts/principal.js';
import { sendTransportError } from './json-errors.js';

/** What the dev page reads: the local SMTP sink's kept mails. */
export interface CapturedMailSource {
  list(): CapturedMail[];
  find(id: number): CapturedMail | undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}</style>
</head><body>${body}</body></html>`;
}

/**
 * The bearer credential of a request to the dev page: `Authorization: Bearer <token>`, or HTTP Basic
 * with the token as password (any user name), so a browser asks for it with its own prompt.
 */
export function devPageAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!basic) return header;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : `Bearer ${decoded.slice(colon + 1)}`;
}

/**
 * `GET /dev/mail` lists the mails the local SMTP sink captured (newest first) and
 * `GET /dev/mail/:id` shows one, `GET /dev/mail/:id/raw` its source. Mounted only when the server
 * uses the sink (no SMTP_URL) and never in production (http.ts): with a real mail server there is
 * nothing to show. The mails carry every tenant's notifications, so only a PLATFORM_ADMIN credential
 * reads them (the operator's token or a PLATFORM_ADMIN key, as a bearer or as a Basic password):
 * `authenticate` resolves it or throws.
 */
export function devMailRoutes(
  source: CapturedMailSource,
  authenticate: (authorization: string | undefined) => Promise<Principal>,
): express.Router {
  const router = express.Router();
  router.use('/dev/mail', (request, response, next) => {
    const refuse = (status: number, code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string) => {
      if (status === 401) response.setHeader('WWW-Authenticate', 'Basic realm="Spendwire dev mail", charset="UTF-8"');
      sendTransportError(response, { status, code, message });
    };
    const authorization = devPageAuthorization(request.headers.authorization);
    if (!authorization)
      return refuse(
        401,
        'UNAUTHENTICATED',
        'The dev mail page needs the operator token (PLATFORM_ADMIN) as a bearer token or Basic password',
      );
    authenticate(authorization).then(
      (principal) =>
        principal.role === Role.PLATFORM_ADMIN ? next() : refuse(403, 'FORBIDDEN', 'The dev mail page is for PLATFORM_ADMIN only'),
      (error: unknown) =>
        (error as { extensions?: { code?: unknown } }).extensions?.code === 'UNAUTHENTICATED'
          ? refuse(401, 'UNAUTHENTICATED', 'Unknown or revoked credential')
          : next(error),
    );
  });
  // Every piece of a mail is escaped: subjects and bodies carry customers' account names.
  router.get('/dev/mail', (_request, response) => {
    const rows = source
      .list()
      .map(
        (mail) =>
          `<tr><td><a href="/dev/mail/${mail.id}">#${mail.id}</a></td><td>${escapeHtml(mail.receivedAt.toISOString())}</td>` +
          `<td>${escapeHtml(mail.envelopeTo.join(', '))}</td><td><a href="/dev/mail/${mail.id}">${escapeHtml(mail.parsed.subject)}</a></td></tr>`,
      )
      .join('');
    response
      .type('html')
      .send(
        page(
          'Captured mail',
          `<h1>Captured mail</h1><p>Notification e-mails sent by this server to its local SMTP sink (set SMTP_URL to deliver them for real). Newest first.</p>` +
            (rows ? `<table><tr><th>#</th><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>` : '<p>No mail yet.</p>'),
        ),
      );
  });
  router.get('/dev/mail/:id', (request, response) => {
    const mail = /^[0-9]{1,9}$/.test(request.params.id) ? source.find(Number(request.params.id)) : undefined;
    if (!mail) {
      response
        .status(404)
        .type('html')
        .send(page('Not found', '<p>No such mail (the sink keeps only the latest). <a href="/dev/mail">All mail</a></p>'));
      return;
    }
    const { parsed } = mail;
    response
      .type('html')
      .send(
        page(
          parsed.subject,
          `<p><a href="/dev/mail">All mail</a> · <a href="/dev/mail/${mail.id}/raw">Source</a></p><h1>${escapeHtml(parsed.subject)}</h1>` +
            `<table><tr><th>From</th><td>${escapeHtml(parsed.from)}</td></tr><tr><th>To</th><td>${escapeHtml(parsed.to)}</td></tr>` +
            `<tr><th>Received</th><td>${escapeHtml(mail.receivedAt.toISOString())}</td></tr></table>` +
            `<pre>${escapeHtml(parsed.text ?? '(no text part)')}</pre>`,
        ),
      );
  });
  router.get('/dev/mail/:id/raw', (request, response) => {
    const mail = /^[0-9]{1,9}$/.test(request.params.id) ? source.find(Number(request.params.id)) : undefined;
    if (!mail) response.status(404).type('text/plain').send('No such mail');
    else response.type('text/plain').send(mail.raw);
  });
  return router;
}
