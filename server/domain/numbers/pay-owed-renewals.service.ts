import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../ids.js';
import type { ServiceDeps } from '../service-deps.js';
import { renewSenderId } from '../sender-ids/renew-sender-ids.service.js';
import { selectFundedOwedSenderIdsOfWallet, type DueSenderIdRow } from '../sender-ids/sender-ids.queries.js';
import { selectFundedOwedNumbersOfWallet, type DueNumberRow } from './numbers.queries.js';
import { renewNumber } from './renew-numbers.service.js';
import { log } from '../../logging/logger.js';

/** What {@link payOwedRenewalsOfWallet} paid. */
export interface OwedRenewalsPaid {
  /** Numbers whose owed months were paid (each in one debit). */
  numbers: number;
  /** Sender IDs whose owed months were paid (each in one debit). */
  senderIds: number;
}

type Owed = { kind: 'number'; row: DueNumberRow } | { kind: 'senderId'; row: DueSenderIdRow };

/**
 * Funding pays owed renewals first: called by every funding of a wallet (card top-up settled, bank
 * transfer received, grant, credit adjustment) right after its credit committed, so that the
 * wallet's RENEWAL_OWED numbers and sender IDs are ACTIVE again when the funding returns. The longest
 * owed first (numbers and sender IDs together, by owed since), each paid in ONE debit of every month
 * it owes or not at all (it stays owed, and a later credit pays it); at most
 * `config.owedRenewalsPaidAtFundingMax`. The lifecycle's owed-renewal jobs remain the backstop (a
 * crash between the credit and this, more owed than the cap): the same per-number rule, and safe
 * to race with them (idempotent debits, changes conditional on the state read). Reads nothing but
 * an index of the wallet's owed renewals when it owes none. Signals `deps.committed()` when it paid.
 * @throws whatever the database throws (see {@link payOwedRenewalsAfterFunding} for the funding's own call).
 */
export async function payOwedRenewalsOfWallet(em: EntityManager, deps: ServiceDeps, walletId: string): Promise<OwedRenewalsPaid> {
  const paid: OwedRenewalsPaid = { numbers: 0, senderIds: 0 };
  if (!isUuid(walletId)) return paid;
  const limit = deps.config.owedRenewalsPaidAtFundingMax;
  const numbers = await selectFundedOwedNumbersOfWallet.all(em, { walletId, limit });
  const senderIds = await selectFundedOwedSenderIdsOfWallet.all(em, { walletId, limit });
  const owed: Owed[] = [
    ...numbers.map((row) => ({ kind: 'number' as const, row })),
    ...senderIds.map((row) => ({ kind: 'senderId' as const, row })),
  ];
  // Both lists are read with the same wallet state; owed since (then id) orders the two together.
  owed.sort((a, b) => owedSinceMs(a) - owedSinceMs(b) || (a.row.id < b.row.id ? -1 : 1));
  const nowMs = deps.clock.now();
  for (const item of owed.slice(0, limit)) {
    if (item.kind === 'number') {
      if ((await renewNumber(em, deps, item.row, nowMs)) === 'renewed') paid.numbers += 1;
    } else if ((await renewSenderId(em, deps, item.row, nowMs)) === 'renewed') {
      paid.senderIds += 1;
    }
  }
  if (paid.numbers + paid.senderIds > 0) deps.committed();
  return paid;
}

function owedSinceMs(owed: Owed): number {
  return owed.kind === 'number' ? owed.row.renews_at_ms : (owed.row.renews_at_ms ?? 0);
}

/**
 * {@link payOwedRenewalsOfWallet} as a funding service calls it, after its credit committed: a
 * failure is logged, not thrown, since the funding itself succeeded (its caller must not retry or
 * report it failed) and the next lifecycle pass pays what this did not. Returns null then.
 */
export async function payOwedRenewalsAfterFunding(
  em: EntityManager,
  deps: ServiceDeps,
  walletId: string,
): Promise<OwedRenewalsPaid | null> {
  try {
    return await payOwedRenewalsOfWallet(em, deps, walletId);
  } catch (error) {
    log.error(
      { err: error, walletId },
      `Paying the owed renewals of wallet ${walletId} after its funding failed (the lifecycle pays them)`,
    );
    return null;
  }
}
