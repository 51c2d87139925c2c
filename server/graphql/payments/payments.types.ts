import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { TransactionObject, WalletObject } from '../wallets/wallet.type.js';

export enum TopUpStatus {
  REQUIRES_PAYMENT_METHOD = 'REQUIRES_PAYMENT_METHOD',
  REQUIRES_ACTION = 'REQUIRES_ACTION',
  PROCESSING = 'PROCESSING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELED = 'CANCELED',
}
registerEnumType(TopUpStatus, {
  name: 'TopUpStatus',
  description: "Where a card top-up stands; mirrors its Stripe PaymentIntent. Only SUCCEEDED has credited the wallet.",
  valuesConfig: {
    REQUIRES_PAYMENT_METHOD: { description: 'Waiting for a card: confirm the clientSecret with Stripe Elements.' },
    REQUIRES_ACTION: { description: '3-D Secure: complete it with the clientSecret, then the webhook settles the top-up.' },
    PROCESSING: { description: 'Paid or being paid; the wallet is credited when Stripe confirms it (webhook or reconciliation).' },
    SUCCEEDED: { description: 'Credited once, with a receipt.' },
    FAILED: { description: 'Declined or not authenticated: see failureReason. Never credited.' },
    CANCELED: { description: 'Abandoned. Never credited.' },
  },
});

export enum TopUpOrigin {
  MANUAL = 'MANUAL',
  AUTO_RECHARGE = 'AUTO_RECHARGE',
  MONTHLY_RECHARGE = 'MONTHLY_RECHARGE',
}
registerEnumType(TopUpOrigin, { name: 'TopUpOrigin', description: 'Who started a top-up: a person, the auto-recharge, or the monthly recharge.' });

export enum TaxTreatment {
  UK_VAT = 'UK_VAT',
  EU_VAT = 'EU_VAT',
  EU_REVERSE_CHARGE = 'EU_REVERSE_CHARGE',
  US_SALES_TAX = 'US_SALES_TAX',
  NONE = 'NONE',
}
registerEnumType(TaxTreatment, { name: 'TaxTreatment', description: "Which tax rule applied, from the account's billing country and VAT number." });

export enum PaymentsMode {
  STRIPE = 'STRIPE',
  SANDBOX = 'SANDBOX',
}
registerEnumType(PaymentsMode, { name: 'PaymentsMode', description: 'STRIPE: real Stripe (test or live keys). SANDBOX: the loopback Stripe-compatible sandbox (offline).' });

export enum CreditRefundStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(CreditRefundStatus, { name: 'CreditRefundStatus', description: 'A card refund: PENDING until Stripe answers; FAILED restored the credit to the wallet.' });

export enum BankTransferStatus {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  CANCELED = 'CANCELED',
}
registerEnumType(BankTransferStatus, { name: 'BankTransferStatus', description: 'PENDING until support confirms the money arrived (COMPLETED: credited) or that it never will.' });

export enum AddCardStatus {
  SUCCEEDED = 'SUCCEEDED',
  REQUIRES_ACTION = 'REQUIRES_ACTION',
  REQUIRES_PAYMENT_METHOD = 'REQUIRES_PAYMENT_METHOD',
  FAILED = 'FAILED',
}
registerEnumType(AddCardStatus, { name: 'AddCardStatus', description: "Outcome of addCard's SetupIntent." });

@ObjectType('TopUpQuote', { description: "Seed 002's checkout summary: what the card is charged for a top-up, tax included." })
export class TopUpQuoteObject {
  @Field(() => ID)
  walletId!: string;
  @Field(() => String)
  currency!: string;
  @Field(() => MoneyScalar, { description: 'Credited to the wallet.' })
  amount!: bigint;
  @Field(() => MoneyScalar)
  tax!: bigint;
  @Field(() => String, { description: 'Percentage as a decimal string, e.g. "20", "7.25", "0".' })
  taxRate!: string;
  @Field(() => TaxTreatment)
  taxTreatment!: TaxTreatment;
  @Field(() => String, { description: 'e.g. "VAT 20% (United Kingdom)", "VAT reverse charge (…)".' })
  taxLabel!: string;
  @Field(() => MoneyScalar, { description: 'Charged to the card: amount + tax.' })
  total!: bigint;
  @Field(() => MoneyScalar, { description: "Smallest top-up in this currency." })
  minimum!: bigint;
}

@ObjectType('Receipt', { description: "Seed 002's receipt of a successful top-up." })
export class ReceiptObject {
  @Field(() => String)
  receiptNumber!: string;
  @Field(() => ID, { description: 'The TOP_UP transaction that credited the wallet.' })
  transactionId!: string;
  @Field(() => ID)
  topUpId!: string;
  @Field(() => MoneyScalar)
  amount!: bigint;
  @Field(() => MoneyScalar)
  tax!: bigint;
  @Field(() => String)
  taxRate!: string;
  @Field(() => String)
  taxLabel!: string;
  @Field(() => MoneyScalar)
  total!: bigint;
  @Field(() => String)
  currency!: string;
  @Field(() => DateTimeResolver)
  paidAt!: Date;
  @Field(() => String, { nullable: true, description: 'e.g. "visa".' })
  cardBrand!: string | null;
  @Field(() => String, { nullable: true })
  cardLast4!: string | null;
  @Field(() => String)
  paymentIntentId!: string;
}

@ObjectType('TopUp', { description: 'A card top-up and its Stripe PaymentIntent.' })
export class TopUpObject {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  walletId!: string;
  @Field(() => ID)
  accountId!: string;
  @Field(() => TopUpOrigin)
  origin!: TopUpOrigin;
  @Field(() => TopUpStatus)
  status!: TopUpStatus;
  @Field(() => String)
  currency!: string;
  @Field(() => MoneyScalar, { description: 'Credited to the wallet on success.' })
  amount!: bigint;
  @Field(() => MoneyScalar)
  tax!: bigint;
  @Field(() => String)
  taxRate!: string;
  @Field(() => String)
  taxLabel!: string;
  @Field(() => MoneyScalar, { description: 'Charged to the card.' })
  total!: bigint;
  @Field(() => String, { nullable: true, description: "For Stripe.js / the sandbox's 3-D Secure: confirm or authenticate with it." })
  clientSecret!: string | null;
  @Field(() => String, { nullable: true })
  paymentIntentId!: string | null;
  @Field(() => String, { nullable: true })
  cardBrand!: string | null;
  @Field(() => String, { nullable: true })
  cardLast4!: string | null;
  @Field(() => String, { nullable: true, description: 'Set once SUCCEEDED.' })
  receiptNumber!: string | null;
  @Field(() => String, { nullable: true, description: "Stripe's decline or error code, e.g. insufficient_funds, expired_card, authentication_required." })
  failureCode!: string | null;
  @Field(() => String, { nullable: true, description: 'What to tell the customer (seed 004 troubleshooting).' })
  failureReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The TOP_UP transaction, once SUCCEEDED.' })
  transactionId!: string | null;
  @Field(() => MoneyScalar, { description: 'Credit of this top-up refunded to the card so far.' })
  refunded!: bigint;
  @Field(() => ReceiptObject, { nullable: true, description: 'Once SUCCEEDED.' })
  receipt!: ReceiptObject | null;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}

@InputType()
export class TopUpInput {
  @Field(() => ID)
  walletId!: string;
  @Field(() => MoneyScalar, { description: 'Whole units, at least the minimum of the currency (seed 000).' })
  amount!: bigint;
  @Field(() => String, {
    nullable: true,
    description: 'A saved card id, a new PaymentMethod (Stripe Elements, or a test card such as pm_card_visa), or null for the default card (none: confirm the clientSecret in the browser).',
  })
  paymentMethodId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Keep the card for later top-ups and automatic funding (seed 002). Default false.' })
  savePaymentMethod?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The same key with the same request returns the same top-up (and PaymentIntent).' })
  idempotencyKey?: string | null;
}

@ObjectType()
export class TopUpPayload {
  @Field(() => TopUpObject)
  topUp!: TopUpObject;
}

@ObjectType('PaymentMethod', { description: 'A saved card: brand, last 4 digits and expiry only (card numbers stay with Stripe).' })
export class SavedCardObject {
  @Field(() => ID, { description: "Stripe's PaymentMethod id." })
  id!: string;
  @Field(() => String)
  brand!: string;
  @Field(() => String)
  last4!: string;
  @Field(() => Int)
  expMonth!: number;
  @Field(() => Int)
  expYear!: number;
  @Field(() => Boolean, { description: 'Used by automatic funding and pre-selected at checkout (seed 004).' })
  isDefault!: boolean;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

@InputType()
export class AddPaymentMethodInput {
  @Field(() => ID, { nullable: true, description: "The account; default the caller's." })
  accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'A PaymentMethod to set up now; null returns a SetupIntent client secret for Stripe Elements.' })
  paymentMethodId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Make it the default card. Default false (the first card always becomes the default).' })
  makeDefault?: boolean | null;
}

@ObjectType()
export class AddPaymentMethodPayload {
  @Field(() => AddCardStatus)
  status!: AddCardStatus;
  @Field(() => String)
  setupIntentId!: string;
  @Field(() => String, { nullable: true, description: 'For REQUIRES_ACTION / REQUIRES_PAYMENT_METHOD: finish in the browser; the card is saved when Stripe reports success.' })
  clientSecret!: string | null;
  @Field(() => SavedCardObject, { nullable: true })
  paymentMethod!: SavedCardObject | null;
  @Field(() => String, { nullable: true })
  failureReason!: string | null;
}

@ObjectType()
export class PaymentMethodPayload {
  @Field(() => SavedCardObject)
  paymentMethod!: SavedCardObject;
}

@ObjectType('AutoRecharge', { description: "A wallet's automatic funding from its account's default card." })
export class AutoRechargeObject {
  @Field(() => ID)
  walletId!: string;
  @Field(() => Boolean)
  enabled!: boolean;
  @Field(() => MoneyScalar, { description: 'Recharge when the available balance falls below this.' })
  threshold!: bigint;
  @Field(() => MoneyScalar, { description: 'Bring the available balance back to this, in one payment.' })
  target!: bigint;
  @Field(() => ID, { nullable: true, description: 'The recharge in flight (at most one per wallet).' })
  inFlightTopUpId!: string | null;
  @Field(() => DateTimeResolver, { nullable: true })
  lastAttemptAt!: Date | null;
  @Field(() => Int)
  consecutiveFailures!: number;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Set when automatic funding stopped; enabling again resumes it.' })
  pausedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'REPEATED_FAILURES, AUTHENTICATION_REQUIRED or NO_PAYMENT_METHOD.' })
  pausedReason!: string | null;
  @Field(() => Boolean, { description: "Seed 002's monthly recharge." })
  monthlyEnabled!: boolean;
  @Field(() => Int, { nullable: true, description: 'Day of the month (1–28, UTC).' })
  monthlyDay!: number | null;
  @Field(() => MoneyScalar, { nullable: true })
  monthlyAmount!: bigint | null;
}

@InputType()
export class SetAutoRechargeInput {
  @Field(() => ID)
  walletId!: string;
  @Field(() => Boolean)
  enabled!: boolean;
  @Field(() => MoneyScalar)
  threshold!: bigint;
  @Field(() => MoneyScalar, { description: 'At least threshold + the minimum top-up.' })
  target!: bigint;
}

@InputType()
export class SetMonthlyRechargeInput {
  @Field(() => ID)
  walletId!: string;
  @Field(() => Boolean)
  enabled!: boolean;
  @Field(() => Int, { description: '1–28.' })
  dayOfMonth!: number;
  @Field(() => MoneyScalar, { description: 'Whole units, at least the minimum top-up.' })
  amount!: bigint;
}

@ObjectType()
export class AutoRechargePayload {
  @Field(() => AutoRechargeObject)
  autoRecharge!: AutoRechargeObject;
}

@ObjectType('BillingProfile', { description: "Where the account is billed: decides the tax on top-ups (seed 003)." })
export class BillingProfileObject {
  @Field(() => ID)
  accountId!: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "GB".' })
  country!: string | null;
  @Field(() => String, { nullable: true, description: 'US state code.' })
  state!: string | null;
  @Field(() => String, { nullable: true, description: 'EU VAT number (normalized); exempts EU customers from VAT (reverse charge).' })
  vatNumber!: string | null;
  @Field(() => String, { nullable: true })
  email!: string | null;
}

@InputType()
export class UpdateBillingProfileInput {
  @Field(() => ID, { nullable: true })
  accountId?: string | null;
  @Field(() => String, { nullable: true })
  country?: string | null;
  @Field(() => String, { nullable: true })
  state?: string | null;
  @Field(() => String, { nullable: true })
  vatNumber?: string | null;
  @Field(() => String, { nullable: true })
  email?: string | null;
}

@ObjectType()
export class UpdateBillingProfilePayload {
  @Field(() => BillingProfileObject)
  billingProfile!: BillingProfileObject;
}

@ObjectType('CreditRefund', { description: 'Unused paid credit refunded to the card of one top-up.' })
export class CreditRefundObject {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  topUpId!: string;
  @Field(() => String)
  paymentIntentId!: string;
  @Field(() => MoneyScalar, { description: 'Credit taken from the wallet.' })
  amount!: bigint;
  @Field(() => MoneyScalar, { description: 'Back to the card: the credit plus its share of the tax.' })
  cardAmount!: bigint;
  @Field(() => CreditRefundStatus)
  status!: CreditRefundStatus;
  @Field(() => String, { nullable: true })
  stripeRefundId!: string | null;
  @Field(() => String, { nullable: true })
  failureReason!: string | null;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

@InputType()
export class RefundUnusedCreditInput {
  @Field(() => ID)
  walletId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Credit to refund; default all that is refundable (wallet.refundable).' })
  amount?: bigint | null;
  @Field(() => String)
  reason!: string;
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@ObjectType()
export class RefundUnusedCreditPayload {
  @Field(() => TransactionObject, { description: 'The REFUND debit.' })
  transaction!: TransactionObject;
  @Field(() => WalletObject)
  wallet!: WalletObject;
  @Field(() => [CreditRefundObject])
  refunds!: CreditRefundObject[];
}

@InputType()
export class GrantCreditInput {
  @Field(() => ID)
  walletId!: string;
  @Field(() => MoneyScalar)
  amount!: bigint;
  @Field(() => String)
  reason!: string;
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@ObjectType()
export class GrantCreditPayload {
  @Field(() => TransactionObject)
  transaction!: TransactionObject;
  @Field(() => WalletObject)
  wallet!: WalletObject;
}

@ObjectType('BankTransfer', { description: 'Seed 000: a bank transfer, PENDING until support confirms it (up to 3 business days).' })
export class BankTransferObject {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  walletId!: string;
  @Field(() => MoneyScalar)
  amount!: bigint;
  @Field(() => String)
  reference!: string;
  @Field(() => BankTransferStatus)
  status!: BankTransferStatus;
  @Field(() => DateTimeResolver)
  expectedBy!: Date;
  @Field(() => ID, { nullable: true })
  transactionId!: string | null;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true })
  settledAt!: Date | null;
}

@InputType()
export class RecordBankTransferInput {
  @Field(() => ID)
  walletId!: string;
  @Field(() => MoneyScalar)
  amount!: bigint;
  @Field(() => String, { description: 'The transfer reference on the bank statement.' })
  reference!: string;
}

@ObjectType()
export class BankTransferPayload {
  @Field(() => BankTransferObject)
  bankTransfer!: BankTransferObject;
}

@ObjectType('SandboxTestCard', { description: 'A test card of the offline sandbox.' })
export class SandboxTestCardObject {
  @Field(() => String, { description: 'Use as paymentMethodId.' })
  id!: string;
  @Field(() => String)
  label!: string;
  @Field(() => String)
  brand!: string;
  @Field(() => String)
  last4!: string;
  @Field(() => String)
  behaviour!: string;
}

@ObjectType('PaymentsConfig', { description: 'What the dashboard needs to take a card payment.' })
export class PaymentsConfigObject {
  @Field(() => PaymentsMode)
  mode!: PaymentsMode;
  @Field(() => String, { nullable: true, description: 'For Stripe Elements (STRIPE mode).' })
  publishableKey!: string | null;
  @Field(() => String, { nullable: true, description: "SANDBOX mode: the sandbox's base URL, for its simulated 3-D Secure challenge." })
  sandboxUrl!: string | null;
  @Field(() => [SandboxTestCardObject], { description: 'SANDBOX mode: the test cards.' })
  testCards!: SandboxTestCardObject[];
}
