/**
 * The simulated carrier: delivery reports for messages of campaigns created with `simulate: true`
 * (never anyone else's), through the same reportMessageDelivery an integrator's callback uses.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assert } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import type { ServiceDeps } from '../service-deps.js';
import { MessageDeliveryStatus } from './message-record.js';
import { selectSimulatedReportsDue } from './messaging.queries.js';
import { reportMessageDelivery } from './report-message-delivery.service.js';

/** How long after sending the simulated carrier reports, in milliseconds. */
export const SIMULATED_REPORT_DELAY_MS = 2_000;

/** Share of messages reported DELIVERED. */
export const SIMULATED_DELIVERED_SHARE = 0.85;

/** Share of messages reported FAILED. */
export const SIMULATED_FAILED_SHARE = 0.1;

/**
 * Share of messages never reported (left to expire): 13 of the 256 values of a byte, about 5%,
 * decided by the message id so a message left once is left for good and never starves the others.
 */
const SILENT_BYTE_VALUES = 13;

/** Most reports one pass sends. */
export const SIMULATED_REPORTS_PER_PASS_MAX = 1_000;

/** Reports one pass has in flight at once (each takes a pooled connection). */
export const SIMULATED_REPORTS_IN_FLIGHT_MAX = 8;

/** What one {@link reportSimulatedDeliveries} pass reported. */
export interface SimulatedReports {
  delivered: number;
  failed: number;
}

/**
 * Reports on the PENDING messages of simulated campaigns sent at least
 * {@link SIMULATED_REPORT_DELAY_MS} before `nowMs` (oldest first, at most
 * {@link SIMULATED_REPORTS_PER_PASS_MAX}): about 85% DELIVERED, 10% FAILED, and the rest, chosen
 * by message id, never (their holds expire). `random` (values in [0, 1)) splits DELIVERED from
 * FAILED, so tests are repeatable. Reports go in as an INTEGRATOR of the message's account.
 */
export async function reportSimulatedDeliveries(
  em: EntityManager,
  deps: ServiceDeps,
  random: () => number,
  nowMs: number,
): Promise<SimulatedReports> {
  assert(Number.isFinite(nowMs), `nowMs must be a finite epoch time: ${nowMs}`);
  // A message is sent messageHoldTtlMs before its hold expires: sent early enough ⇔ expires early enough.
  const expiresByMs = nowMs - SIMULATED_REPORT_DELAY_MS + deps.config.messageHoldTtlMs;
  const rows = await selectSimulatedReportsDue.all(em, {
    expiresBy: new Date(expiresByMs).toISOString(),
    expiresAfter: new Date(nowMs).toISOString(),
    silentBytes: SILENT_BYTE_VALUES,
    limit: SIMULATED_REPORTS_PER_PASS_MAX,
  });
  const deliveredGivenReported = SIMULATED_DELIVERED_SHARE / (SIMULATED_DELIVERED_SHARE + SIMULATED_FAILED_SHARE);
  // Draw every fate first, in row order, so a seeded `random` gives the same outcome however the reports interleave.
  const fates = rows.map((row) => ({
    ...row,
    status: random() < deliveredGivenReported ? MessageDeliveryStatus.DELIVERED : MessageDeliveryStatus.FAILED,
  }));
  for (let start = 0; start < fates.length; start += SIMULATED_REPORTS_IN_FLIGHT_MAX) {
    await Promise.all(
      fates
        .slice(start, start + SIMULATED_REPORTS_IN_FLIGHT_MAX)
        .map((fate) => reportMessageDelivery(em, deps, { principal: carrier(fate.account_id), messageId: fate.id, status: fate.status })),
    );
  }
  const delivered = fates.filter((fate) => fate.status === MessageDeliveryStatus.DELIVERED).length;
  return { delivered, failed: fates.length - delivered };
}

function carrier(accountId: string): Principal {
  return { role: Role.INTEGRATOR, accountId, apiKeyId: null, actor: 'message_simulator' };
}

/** True when the simulated carrier never reports on this message: the same rule as the query's, for tests. */
export function isLeftToExpire(messageId: string): boolean {
  return createHash('md5').update(messageId.toLowerCase()).digest()[0]! < SILENT_BYTE_VALUES;
}
