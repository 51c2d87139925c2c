import express from 'express';
import { Role } from '../domain/accounts/role.js';
import type { Principal } from '../domain/accounts/principal.js';
import type { Metrics } from '../metrics/metrics.js';
import { sendTransportError } from './json-errors.js';

/**
 * `GET /metrics`: the app's Prometheus metrics (text format 0.0.4), for the operator only: the
 * PLATFORM_ADMIN credential (the operator's token, or a PLATFORM_ADMIN API key) as a bearer token,
 * as Prometheus sends it (`authorization: { credentials_file: … }`). Without one: 401; with another
 * role's: 403. `authenticate` resolves the credential or throws UNAUTHENTICATED.
 */
export function metricsRoute(metrics: Metrics, authenticate: (authorization: string | undefined) => Promise<Principal>): express.Router {
  const router = express.Router();
  router.get('/metrics', (request, response, next) => {
    const authorization = request.headers.authorization;
    const unauthenticated = (message: string) => {
      response.setHeader('WWW-Authenticate', 'Bearer realm="Spendwire metrics"');
      sendTransportError(response, { status: 401, code: 'UNAUTHENTICATED', message });
    };
    if (!authorization) return unauthenticated('/metrics needs the operator token (PLATFORM_ADMIN) as a bearer token');
    authenticate(authorization)
      .then(
        async (principal) => {
          if (principal.role !== Role.PLATFORM_ADMIN) {
            sendTransportError(response, { status: 403, code: 'FORBIDDEN', message: '/metrics is for PLATFORM_ADMIN only' });
            return;
          }
          const text = await metrics.scrape();
          response.status(200).setHeader('Content-Type', metrics.contentType).setHeader('Cache-Control', 'no-store').send(text);
        },
        (error: unknown) => {
          if ((error as { extensions?: { code?: unknown } }).extensions?.code === 'UNAUTHENTICATED') {
            return unauthenticated('Unknown or revoked credential');
          }
          throw error;
        },
      )
      .catch(next);
  });
  return router;
}
