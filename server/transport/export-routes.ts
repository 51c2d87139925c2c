import express from 'express';
import { GraphQLError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { CredentialCache } from '../domain/accounts/credential-cache.js';
import { findWallet } from '../domain/wallets/find-wallet.service.js';
import { exportWalletTransactions, parseExportFilters } from '../domain/wallets/export-wallet-transactions.service.js';
import { DomainError } from '../errors.js';
import { principalFor } from './principal-for.js';
import { log } from '../logging/logger.js';

/** Options of {@link exportRoutes}. */
export interface ExportRoutesOptions {
  auth: { orm: MikroORM; platformAdminToken: string; credentialCache: CredentialCache };
  config: Config;
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * `GET /export/wallets/:walletId/transactions.csv?type=&kind=&status=&from=&to=&campaignId=`:
 * the transaction history as CSV (issue 6), streamed in batches, authenticated like /graphql (API
 * key or the dashboard's session cookie; another tenant's wallet is a 404).
 */
export function exportRoutes(options: ExportRoutesOptions): express.Router {
  const router = express.Router();
  router.get('/export/wallets/:walletId/transactions.csv', async (request, response) => {
    let lines: AsyncGenerator<string>;
    let walletId: string;
    try {
      const principal = await principalFor(options.auth, request.headers.authorization, request.headers.cookie);
      const filters = parseExportFilters(request.query as Record<string, unknown>);
      const wallet = await findWallet(options.auth.orm.em.fork(), { principal, walletId: String(request.params.walletId) });
      walletId = wallet.id;
      lines = exportWalletTransactions(options.auth.orm.em.fork(), {
        walletId,
        filters,
        batchSize: options.config.exportBatchSize,
        rowsMax: options.config.exportRowsMax,
      });
    } catch (error) {
      const code = error instanceof DomainError ? error.code : error instanceof GraphQLError ? String(error.extensions.code) : null;
      if (code === null) {
        log.error({ err: error }, 'Transaction export failed');
        response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
        return;
      }
      const extensions = error instanceof DomainError ? error.extensions : {};
      response.status(STATUS_OF[code] ?? 400).json({ error: { code, message: (error as Error).message, ...extensions } });
      return;
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="transactions-${walletId}.csv"`);
    response.setHeader('Cache-Control', 'no-store');
    try {
      for await (const chunk of lines) {
        // Respect backpressure: a slow download does not pile the whole history up in memory.
        if (!response.write(chunk)) await drainedOrClosed(response);
        if (response.destroyed) return;
      }
      response.end();
    } catch (error) {
      log.error({ err: error }, 'Transaction export failed mid-stream');
      response.destroy(error as Error);
    }
  });
  return router;
}

/**
 * Resolves when `response` can take more, or when its client went away: waiting for 'drain' alone
 * left an export whose client vanished mid-download waiting forever, its batch read held.
 */
function drainedOrClosed(response: express.Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
