/** What posting an ended call's cost consists of: shared by the end batch (end-calls.ts, in its own transaction) and postCallCost (after it). */
import type { Config } from '../../config.js';
import { assert } from '../../errors.js';
import type { PostWalletTransactionOptions } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { INTERNAL_IDEMPOTENCY_KEY_PREFIX } from '../wallets/validate-input.js';
import { CallDirection, CallStatus, type CallRecord } from './call-record.js';

/** The posting of an ended call's cost (undefined when it is posted already or held nothing). */
export function callCostPosting(
  deps: { config: Pick<Config, 'walletBalanceMicrosMax'> },
  call: CallRecord,
  actor: string,
): PostWalletTransactionOptions | undefined {
  assert(call.status === CallStatus.COMPLETED || call.status === CallStatus.STOPPED, 'only an ended call is posted');
  if (call.transactionId !== null || call.reservedMicros === 0n) return undefined;
  assert(call.costMicros > 0n, 'a call holding credit costs something: its first increment or connect fee');
  const minutes = `${Math.floor(call.billedSeconds / 60)} min ${call.billedSeconds % 60} s`;
  return {
    walletId: call.walletId,
    accountScope: null,
    deltaMicros: -call.costMicros,
    kind: TransactionKind.CALL,
    counterparty: PlatformAccountCode.REVENUE,
    description: `${callSubject(call)}, ${minutes}${call.status === CallStatus.STOPPED ? ` (stopped: ${call.endReason})` : ''}`,
    campaignId: call.campaignId,
    actor,
    idempotencyKey: `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}call:${call.id}`,
    operation: 'call',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
    reservedReleaseMicros: call.reservedMicros,
  };
}

/** How a call's transaction names it: "Call to +44…", or "Inbound call from +1… to +44…". */
export function callSubject(call: Pick<CallRecord, 'direction' | 'to' | 'from'>): string {
  return call.direction === CallDirection.INBOUND ? `Inbound call from ${call.from} to ${call.to}` : `Call to ${call.to}`;
}
