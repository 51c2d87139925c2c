import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { callStripe } from './call-stripe.js';
import type { PaymentsDeps } from './payments-deps.js';
import { settleTopUp } from './settle-top-up.service.js';
import { paymentCard } from './stripe-inbox.js';
import { toTopUp, type TopUpRecord } from './top-up-record.js';
import { selectTopUp, selectTopUpsOfWallets, selectTopUpsToReconcile, selectWalletTopUps } from './top-ups.queries.js';

/** Oldest top-up the reconciliation still asks Stripe about, in milliseconds (a week). */
const RECONCILE_AGE_MS_MAX = 7 * 86_400_000;

/**
 * For a customer whose balance did not move after paying: finds top-ups still waiting for Stripe's word
 * (PROCESSING, REQUIRES_ACTION) a while after their last change, retrieves each PaymentIntent and
 * applies what Stripe says now: a payment whose webhook was lost is credited this way, once.
 * Returns how many top-ups it looked at.
 */
export async function reconcileTopUps(em: EntityManager, deps: PaymentsDeps, nowMs: number): Promise<number> {
  const rows = await selectTopUpsToReconcile.all(em, {
    changedBeforeMs: nowMs - deps.config.topUpReconcileAfterMs,
    createdAfterMs: nowMs - RECONCILE_AGE_MS_MAX,
    limit: deps.config.topUpReconcileBatchSize,
  });
  for (const row of rows) await refreshFromStripe(em, deps, toTopUp(row));
  return rows.length;
}

/** Retrieves the top-up's PaymentIntent and applies it (a retrieval is current, so it is never stale). */
async function refreshFromStripe(em: EntityManager, deps: PaymentsDeps, topUp: TopUpRecord): Promise<TopUpRecord> {
  if (topUp.paymentIntentId === null) return topUp;
  const paymentIntent = await callStripe(() => deps.stripe.paymentIntents.retrieve(topUp.paymentIntentId!));
  const settled = await settleTopUp(em, deps, { paymentIntent, eventCreated: null, card: await paymentCard(deps, paymentIntent) });
  return settled?.topUp ?? topUp;
}

/**
 * The customer's "refresh" after paying (e.g. once 3-D Secure is done): asks Stripe now rather than
 * waiting for the webhook. @throws NotFoundError outside the caller's tenant.
 */
export async function refreshTopUp(em: EntityManager, deps: PaymentsDeps, principal: Principal, topUpId: string): Promise<TopUpRecord> {
  const topUp = await findTopUp(em, principal, topUpId);
  if (topUp.status === 'SUCCEEDED' || topUp.status === 'CANCELED') return topUp;
  return refreshFromStripe(em, deps, topUp);
}

/** A top-up within the caller's tenant. @throws NotFoundError otherwise. */
export async function findTopUp(em: EntityManager, principal: Principal, topUpId: string): Promise<TopUpRecord> {
  if (!isUuid(topUpId)) throw new NotFoundError('TopUp', topUpId);
  const row = await selectTopUp.maybeOne(em, { id: topUpId, scope: tenantScope(principal) });
  if (!row) throw new NotFoundError('TopUp', topUpId);
  return toTopUp(row);
}

/** A wallet's top-ups, newest first. */
export async function listTopUps(em: EntityManager, walletId: string, first: number): Promise<TopUpRecord[]> {
  return (await selectWalletTopUps.all(em, { walletId, first })).map(toTopUp);
}

/**
 * The top-ups (newest first) of each of `walletIds`, the same `first` rows as one wallet's list, in one statement (a
 * lateral join per wallet). Every id is in the map.
 */
export async function listTopUpsOfWallets(
  em: EntityManager,
  walletIds: readonly string[],
  first: number,
): Promise<Map<string, TopUpRecord[]>> {
  const rows = await selectTopUpsOfWallets.all(em, { walletIds, first });
  const lists = new Map<string, TopUpRecord[]>(walletIds.map((id) => [id, []]));
  for (const row of rows) lists.get(row.batch_wallet_id)?.push(toTopUp(row));
  return lists;
}
