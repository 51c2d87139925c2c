/**
 * The spend caps' alerts: SPEND_CAP_WARNING when a period's committed spend reaches the warning
 * share of its cap, SPEND_CAP_REACHED when it reaches the cap or a spend is refused by it. Each is
 * raised once per cap and period: the dedupe key names the cap, the period and its first local day.
 */
import type { Db } from '../../database/sql.js';
import { AlertKind } from '../alerts/alert-kinds.js';
import { insertAlertCause } from '../alerts/alerts.queries.js';
import type { AlertCause, NewAlert } from '../alerts/raise-alerts.service.js';
import { formatMoneyForPeople } from '../wallets/money.js';
import type { CapRefusal } from './spend-cap-book.js';
import type { SpendCapUseRow } from './spend-caps.queries.js';

type Period = 'DAY' | 'MONTH';

/** The alert's dedupe key: one alert of a kind per cap and period. */
export function spendCapDedupeKey(kind: AlertKind, capId: string, period: Period, periodStart: string): string {
  return `${kind}:${capId}:${period}:${periodStart}`;
}

function describe(
  kind: AlertKind,
  scope: 'ACCOUNT' | 'WALLET',
  period: Period,
  capMicros: bigint,
  committedMicros: bigint,
  currency: string,
) {
  const periodWord = period === 'DAY' ? 'daily' : 'monthly';
  const whose = scope === 'ACCOUNT' ? `The account's ${currency} ${periodWord}` : `The ${currency} wallet's ${periodWord}`;
  const cap = formatMoneyForPeople(capMicros, currency, 'code');
  const committed = formatMoneyForPeople(committedMicros, currency, 'code');
  const when = period === 'DAY' ? 'today' : 'this month';
  const resets = period === 'DAY' ? 'at midnight' : 'on the 1st';
  return kind === AlertKind.SPEND_CAP_WARNING
    ? `${whose} spend cap of ${cap} is nearly used: ${committed} spent or held ${when}. Calls, messages and charges stop at the cap until it resets ${resets} (account timezone).`
    : `${whose} spend cap of ${cap} is reached (${committed} spent or held ${when}): calls, messages and charges are refused until it resets ${resets} (account timezone). Raise the cap in Settings to continue.`;
}

/**
 * Writes SPEND_CAP_REACHED for a refused spend to the outbox (an ALERT_CAUSE row) in `db`'s
 * transaction, or alone when `db` is the pool; the alert processor raises it once per cap and period.
 */
export async function publishSpendCapReached(db: Db, refusal: CapRefusal): Promise<void> {
  const cause: AlertCause = {
    kind: AlertKind.SPEND_CAP_REACHED,
    walletId: refusal.walletId,
    currency: refusal.currency,
    amountMicros: refusal.capMicros.toString(),
    message: describe(
      AlertKind.SPEND_CAP_REACHED,
      refusal.scope,
      refusal.period,
      refusal.capMicros,
      refusal.committedMicros,
      refusal.currency,
    ),
    dedupeKey: spendCapDedupeKey(AlertKind.SPEND_CAP_REACHED, refusal.capId, refusal.period, refusal.periodStart),
  };
  await insertAlertCause.run(db, { accountId: refusal.accountId, cause: JSON.stringify(cause) });
}

/**
 * The alerts the caps `caps` (as last written) call for: per cap and period with something committed,
 * SPEND_CAP_WARNING at `warningPercent` of the cap and SPEND_CAP_REACHED at the cap. The caller
 * inserts them; keys already raised are skipped there.
 */
export function judgeSpendCaps(caps: readonly SpendCapUseRow[], warningPercent: number, raisedAt: Date): NewAlert[] {
  const alerts: NewAlert[] = [];
  for (const cap of caps) {
    const currency = cap.currency.trim();
    const periods: [Period, string | null, string, string | null][] = [
      ['DAY', cap.daily_cap_micros, cap.day_committed_micros, cap.day_start],
      ['MONTH', cap.monthly_cap_micros, cap.month_committed_micros, cap.month_start],
    ];
    for (const [period, capText, committedText, periodStart] of periods) {
      if (capText === null || periodStart === null) continue;
      const capMicros = BigInt(capText);
      const committed = BigInt(committedText);
      if (committed <= 0n) continue;
      const kinds: AlertKind[] = [];
      if (committed * 100n >= capMicros * BigInt(warningPercent)) kinds.push(AlertKind.SPEND_CAP_WARNING);
      if (committed >= capMicros) kinds.push(AlertKind.SPEND_CAP_REACHED);
      for (const kind of kinds) {
        alerts.push({
          kind,
          accountId: cap.account_id,
          walletId: cap.wallet_id,
          currency,
          amountMicros: capMicros,
          message: describe(kind, cap.wallet_id === null ? 'ACCOUNT' : 'WALLET', period, capMicros, committed, currency),
          dedupeKey: spendCapDedupeKey(kind, cap.id, period, periodStart),
          raisedAt,
        });
      }
    }
  }
  return alerts;
}
