import express from 'express';
import { GraphQLError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { CredentialCache } from '../domain/accounts/credential-cache.js';
import type { Clock } from '../domain/calls/clock.js';
import { findInvoice } from '../domain/invoices/list-invoices.service.js';
import { renderInvoicePdf, renderStatementPdf } from '../domain/invoices/render-pdf.js';
import { statementCsv, walletStatement } from '../domain/invoices/wallet-statement.service.js';
import { DomainError, NotFoundError } from '../errors.js';
import { principalFor } from './principal-for.js';
import { log } from '../logging/logger.js';

/** Options of {@link documentRoutes}. */
export interface DocumentRoutesOptions {
  auth: { orm: MikroORM; platformAdminToken: string; credentialCache: CredentialCache };
  config: Config;
  /** The clock statements are dated by (which month is current). */
  clock: Clock;
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** A document's bytes and how to send them. */
interface Document {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

/**
 * Billing documents over HTTP, authenticated like /graphql (API key or the dashboard's session
 * cookie; another tenant's document is a 404, as in the CSV export):
 * - `GET /documents/invoices/:id.pdf`: an invoice or credit note;
 * - `GET /documents/wallets/:walletId/statements/:month.pdf` and `.csv`: a monthly statement (`YYYY-MM`).
 */
export function documentRoutes(options: DocumentRoutesOptions): express.Router {
  const router = express.Router();
  const serve = (make: (request: express.Request) => Promise<Document>) => async (request: express.Request, response: express.Response) => {
    let document: Document;
    try {
      document = await make(request);
    } catch (error) {
      const code = error instanceof DomainError ? error.code : error instanceof GraphQLError ? String(error.extensions.code) : null;
      if (code === null) {
        log.error({ err: error }, 'Document download failed');
        response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
        return;
      }
      const extensions = error instanceof DomainError ? error.extensions : {};
      response.status(STATUS_OF[code] ?? 400).json({ error: { code, message: (error as Error).message, ...extensions } });
      return;
    }
    response.setHeader('Content-Type', document.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${document.filename}"`);
    response.setHeader('Cache-Control', 'private, no-store');
    response.send(document.body);
  };
  const principalOf = (request: express.Request) => principalFor(options.auth, request.headers.authorization, request.headers.cookie);

  router.get(
    '/documents/invoices/:file',
    serve(async (request) => {
      const principal = await principalOf(request);
      const match = /^([0-9]+)\.pdf$/.exec(String(request.params.file));
      const invoice = await findInvoice(options.auth.orm.em.fork(), principal, match?.[1] ?? '');
      return { body: await renderInvoicePdf(invoice), contentType: 'application/pdf', filename: `${invoice.number}.pdf` };
    }),
  );
  router.get(
    '/documents/wallets/:walletId/statements/:file',
    serve(async (request) => {
      const principal = await principalOf(request);
      const match = /^(.*)\.(pdf|csv)$/.exec(String(request.params.file));
      if (!match) throw new NotFoundError('Statement', String(request.params.file));
      const statement = await walletStatement(options.auth.orm.em.fork(), {
        principal,
        walletId: String(request.params.walletId),
        month: match[1]!,
        limits: options.config,
        nowMs: options.clock.now(),
      });
      const filename = `statement-${statement.walletId}-${statement.month}.${match[2]}`;
      if (match[2] === 'csv') return { body: statementCsv(statement), contentType: 'text/csv; charset=utf-8', filename };
      return { body: await renderStatementPdf(statement), contentType: 'application/pdf', filename };
    }),
  );
  return router;
}
