import { SpendCapReachedError } from '../../errors.js';
import { formatMoney } from '../wallets/money.js';
import type { CapRefusal } from './spend-cap-book.js';

/** The error a refused charge or message answers: which cap, what it had committed, and when it resets. */
export function spendCapReachedError(refusal: CapRefusal, requestedMicros: bigint): SpendCapReachedError {
  const left = refusal.capMicros - refusal.committedMicros;
  const whose = refusal.scope === 'ACCOUNT' ? `The account's ${refusal.currency}` : "The wallet's";
  const period = refusal.period === 'DAY' ? 'daily' : 'monthly';
  return new SpendCapReachedError(
    `${whose} ${period} spend cap of ${formatMoney(refusal.capMicros)} ${refusal.currency} does not allow ${formatMoney(requestedMicros)} more: ` +
      `${formatMoney(left > 0n ? left : 0n)} ${refusal.currency} left until ${new Date(refusal.resetsAtMs).toISOString()}`,
    {
      scope: refusal.scope,
      period: refusal.period,
      cap: formatMoney(refusal.capMicros),
      committed: formatMoney(refusal.committedMicros),
      requested: formatMoney(requestedMicros),
      currency: refusal.currency,
      resetsAt: new Date(refusal.resetsAtMs).toISOString(),
      walletId: refusal.walletId,
    },
  );
}
