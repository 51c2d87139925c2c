/** Direction of a wallet transaction, from the wallet's point of view. */
export enum TransactionType {
  CREDIT = 'CREDIT',
  DEBIT = 'DEBIT',
}

/** What a wallet transaction was for.  */
export enum TransactionKind {
  TOP_UP = 'TOP_UP',
  CHARGE = 'CHARGE',
  ADJUSTMENT = 'ADJUSTMENT',
  REFUND = 'REFUND',
  GRANT = 'GRANT',
  /** A call's cost, posted when it ends. */
  CALL = 'CALL',
  /** A message's cost, posted on delivery. */
  SMS = 'SMS',
  /** A phone number's purchase or renewal. */
  NUMBER = 'NUMBER',
  /** A subscription plan's monthly fee. */
  SUBSCRIPTION = 'SUBSCRIPTION',
}

/** PENDING and FAILED are for recorded operations that settle later (top-ups); charges are COMPLETED. */
export enum TransactionStatus {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

/** The platform's ledger accounts, one per currency, on the other side of every wallet movement. */
export enum PlatformAccountCode {
  REVENUE = 'REVENUE',
  PAYMENT_CLEARING = 'PAYMENT_CLEARING',
  PROMOTIONAL_CREDIT = 'PROMOTIONAL_CREDIT',
  ADJUSTMENTS = 'ADJUSTMENTS',
}
