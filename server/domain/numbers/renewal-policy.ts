/**
 * What a monthly renewal does, for every monthly subscription renewed from the wallet (phone
 * numbers and sender IDs). Pure: the caller reads the state, acts, and makes every change
 * conditional on the state it decided from.
 */

/** Where a renewed subscription stands, as far as renewals are concerned. */
export type RenewedStatus = 'ACTIVE' | 'GRACE' | 'RENEWAL_OWED';

/** What a renewal pass does with one due subscription. */
export enum RenewalAction {
  /** Its account was closed: release (or cancel) it. */
  END_ACCOUNT_CLOSED = 'END_ACCOUNT_CLOSED',
  /** Its grace ended without a renewal the wallet could pay: release (or cancel) it. */
  END_GRACE_ENDED = 'END_GRACE_ENDED',
  /** The wallet is suspended and the policy keeps it: the renewal is deferred and owed. */
  OWE = 'OWE',
  /** The wallet is suspended and the policy is grace: GRACE at once (no debit can succeed). */
  GRACE = 'GRACE',
  /** Pay every month owed since it became owed, all or nothing. */
  PAY_OWED = 'PAY_OWED',
  /** Pay the next month. */
  PAY = 'PAY',
  /** Nothing to do on this pass (already owed while suspended, already in grace while suspended). */
  NONE = 'NONE',
}

/** What {@link decideRenewal} needs of a due subscription, its wallet and its account. */
export interface RenewalFacts {
  status: RenewedStatus;
  accountClosed: boolean;
  /** The wallet is SUSPENDED with nothing available (a funded wallet not yet reactivated is not). */
  walletSuspendedEmpty: boolean;
  graceUntilMs: number | null;
  nowMs: number;
  policy: 'keep' | 'grace';
}

/**
 * The rule: a closed account ends it; under `keep` a suspended wallet's subscription is kept,
 * owed (a GRACE one too: suspension stops its grace clock); a grace that ended ends it
 * (at `graceUntil` exactly it is still tried); under `grace` a suspended wallet's subscription
 * enters GRACE; otherwise the owed months or the next month are paid.
 */
export function decideRenewal(facts: RenewalFacts): RenewalAction {
  if (facts.accountClosed) return RenewalAction.END_ACCOUNT_CLOSED;
  if (facts.policy === 'keep' && facts.walletSuspendedEmpty) {
    return facts.status === 'RENEWAL_OWED' ? RenewalAction.NONE : RenewalAction.OWE;
  }
  if (facts.status === 'GRACE' && facts.graceUntilMs !== null && facts.nowMs > facts.graceUntilMs) return RenewalAction.END_GRACE_ENDED;
  if (facts.walletSuspendedEmpty) return facts.status === 'GRACE' ? RenewalAction.NONE : RenewalAction.GRACE;
  if (facts.status === 'RENEWAL_OWED') return RenewalAction.PAY_OWED;
  return RenewalAction.PAY;
}
