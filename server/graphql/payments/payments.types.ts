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
  description: 'Where a card top-up stands; mirrors its Stripe PaymentIntent. Only SUCCEEDED has credited the wallet.',
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
registerEnumType(TopUpOrigin, {
  name: 'TopUpOrigin',
  description: 'Who started a top-up: a person, the auto-recharge, or the monthly recharge.',
  valuesConfig: {
    MANUAL: { description: 'A person called topUp.' },
    AUTO_RECHARGE: { description: "The wallet's available balance fell below its auto-recharge threshold." },
    MONTHLY_RECHARGE: { description: "The wallet's monthly recharge day came." },
  },
});

export enum TaxTreatment {
  UK_VAT = 'UK_VAT',
  EU_VAT = 'EU_VAT',
  EU_REVERSE_CHARGE = 'EU_REVERSE_CHARGE',
  US_SALES_TAX = 'US_SALES_TAX',
  NONE = 'NONE',
}
registerEnumType(TaxTreatment, {
  name: 'TaxTreatment',
  description: "Which tax rule applied, from the account's billing country and VAT number.",
  valuesConfig: {
    UK_VAT: { description: 'United Kingdom VAT.' },
    EU_VAT: { description: "VAT of the customer's EU country (no valid VAT number)." },
    EU_REVERSE_CHARGE: { description: 'EU business with a VAT number: no VAT charged (reverse charge).' },
    US_SALES_TAX: { description: "Sales tax of the customer's US state." },
    NONE: { description: 'No tax applies.' },
  },
});

export enum PaymentsMode {
  STRIPE = 'STRIPE',
  SANDBOX = 'SANDBOX',
}
registerEnumType(PaymentsMode, {
  name: 'PaymentsMode',
  description: 'STRIPE: real Stripe (test or live keys). SANDBOX: the loopback Stripe-compatible sandbox (offline).',
  valuesConfig: {
    STRIPE: { description: 'Real Stripe, with test or live keys: use Stripe Elements with publishableKey.' },
    SANDBOX: { description: 'The loopback Stripe-compatible sandbox (offline): use testCards.' },
  },
});

export enum CreditRefundStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(CreditRefundStatus, {
  name: 'CreditRefundStatus',
  description: 'A card refund: PENDING until Stripe answers; FAILED restored the credit to the wallet.',
  valuesConfig: {
    PENDING: { description: 'Sent to Stripe; waiting for its answer.' },
    SUCCEEDED: { description: 'Refunded to the card.' },
    FAILED: { description: 'Stripe refused it; the credit went back to the wallet.' },
  },
});

export enum BankTransferStatus {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  CANCELED = 'CANCELED',
}
registerEnumType(BankTransferStatus, {
  name: 'BankTransferStatus',
  description: 'PENDING until support confirms the money arrived (COMPLETED: credited) or that it never will.',
  valuesConfig: {
    PENDING: { description: 'Announced; nothing credited yet.' },
    COMPLETED: { description: 'The money arrived and the wallet was credited, once.' },
    CANCELED: { description: 'The money will not come; nothing was credited.' },
  },
});

export enum AddCardStatus {
  SUCCEEDED = 'SUCCEEDED',
  REQUIRES_ACTION = 'REQUIRES_ACTION',
  REQUIRES_PAYMENT_METHOD = 'REQUIRES_PAYMENT_METHOD',
  FAILED = 'FAILED',
}
registerEnumType(AddCardStatus, {
  name: 'AddCardStatus',
  description: "Outcome of addCard's SetupIntent.",
  valuesConfig: {
    SUCCEEDED: { description: 'The card is saved.' },
    REQUIRES_ACTION: {
      description: '3-D Secure: finish it in the browser with clientSecret; the card is saved when Stripe reports success.',
    },
    REQUIRES_PAYMENT_METHOD: { description: 'No card yet: collect one with Stripe Elements and clientSecret.' },
    FAILED: { description: 'The card was declined: see failureReason.' },
  },
});

@ObjectType('TopUpQuote', { description: 'The checkout summary: what the card is charged for a top-up, tax included.' })
export class TopUpQuoteObject {
  @Field(() => ID, { description: 'The wallet the quote is for.' })
  walletId!: string;
  @Field(() => String, { description: "ISO 4217 code of the amounts (the wallet's)." })
  currency!: string;
  @Field(() => MoneyScalar, { description: 'Credited to the wallet.' })
  amount!: bigint;
  @Field(() => MoneyScalar, { description: 'Tax charged on top of the amount (0 when none applies).' })
  tax!: bigint;
  @Field(() => String, { description: 'Percentage as a decimal string, e.g. "20", "7.25", "0".' })
  taxRate!: string;
  @Field(() => TaxTreatment, { description: 'Which tax rule applied.' })
  taxTreatment!: TaxTreatment;
  @Field(() => String, { description: 'e.g. "VAT 20% (United Kingdom)", "VAT reverse charge (…)".' })
  taxLabel!: string;
  @Field(() => MoneyScalar, { description: 'Charged to the card: amount + tax.' })
  total!: bigint;
  @Field(() => MoneyScalar, { description: 'Smallest top-up in this currency.' })
  minimum!: bigint;
}

@ObjectType('Receipt', { description: 'The receipt of a successful top-up.' })
export class ReceiptObject {
  @Field(() => String, { description: 'Receipt number, unique and sequential per year, e.g. "SW-2026-00000042".' })
  receiptNumber!: string;
  @Field(() => ID, { description: 'The TOP_UP transaction that credited the wallet.' })
  transactionId!: string;
  @Field(() => ID, { description: 'The top-up it is the receipt of.' })
  topUpId!: string;
  @Field(() => MoneyScalar, { description: 'Credited to the wallet.' })
  amount!: bigint;
  @Field(() => MoneyScalar, { description: 'Tax charged on top of the amount.' })
  tax!: bigint;
  @Field(() => String, { description: 'Percentage as a decimal string, e.g. "20".' })
  taxRate!: string;
  @Field(() => String, { description: 'How the tax is named on the receipt, e.g. "VAT 20% (United Kingdom)".' })
  taxLabel!: string;
  @Field(() => MoneyScalar, { description: 'Charged to the card: amount + tax.' })
  total!: bigint;
  @Field(() => String, { description: 'ISO 4217 code of the amounts.' })
  currency!: string;
  @Field(() => DateTimeResolver, { description: 'When the payment succeeded.' })
  paidAt!: Date;
  @Field(() => String, { nullable: true, description: 'e.g. "visa".' })
  cardBrand!: string | null;
  @Field(() => String, { description: 'Last 4 digits of the card; null when Stripe did not say.', nullable: true })
  cardLast4!: string | null;
  @Field(() => String, { description: 'The Stripe PaymentIntent that was paid.' })
  paymentIntentId!: string;
}

@ObjectType('TopUp', { description: 'A card top-up and its Stripe PaymentIntent.' })
export class TopUpObject {
  @Field(() => ID, { description: 'Unique id of the top-up.' })
  id!: string;
  @Field(() => ID, { description: 'The wallet credited on success.' })
  walletId!: string;
  @Field(() => ID, { description: 'The account that pays.' })
  accountId!: string;
  @Field(() => TopUpOrigin, { description: 'Who started it.' })
  origin!: TopUpOrigin;
  @Field(() => TopUpStatus, { description: 'Where the payment stands; only SUCCEEDED has credited the wallet.' })
  status!: TopUpStatus;
  @Field(() => String, { description: "ISO 4217 code of the amounts (the wallet's)." })
  currency!: string;
  @Field(() => MoneyScalar, { description: 'Credited to the wallet on success.' })
  amount!: bigint;
  @Field(() => MoneyScalar, { description: 'Tax charged on top of the amount.' })
  tax!: bigint;
  @Field(() => String, { description: 'Percentage as a decimal string, e.g. "20", "7.25", "0".' })
  taxRate!: string;
  @Field(() => String, { description: 'How the tax is named on the receipt.' })
  taxLabel!: string;
  @Field(() => MoneyScalar, { description: 'Charged to the card.' })
  total!: bigint;
  @Field(() => String, { nullable: true, description: "For Stripe.js / the sandbox's 3-D Secure: confirm or authenticate with it." })
  clientSecret!: string | null;
  @Field(() => String, { description: 'The Stripe PaymentIntent (pi_…); null before it was created.', nullable: true })
  paymentIntentId!: string | null;
  @Field(() => String, { description: 'Brand of the card that paid, e.g. "visa"; null until known.', nullable: true })
  cardBrand!: string | null;
  @Field(() => String, { description: 'Last 4 digits of the card that paid; null until known.', nullable: true })
  cardLast4!: string | null;
  @Field(() => String, { nullable: true, description: 'Set once SUCCEEDED.' })
  receiptNumber!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Stripe's decline or error code, e.g. insufficient_funds, expired_card, authentication_required.",
  })
  failureCode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'What to tell the customer about a failure, in words (e.g. the card was declined: try another card); null unless FAILED.',
  })
  failureReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The TOP_UP transaction, once SUCCEEDED.' })
  transactionId!: string | null;
  @Field(() => MoneyScalar, { description: 'Credit of this top-up refunded to the card so far.' })
  refunded!: bigint;
  @Field(() => ReceiptObject, { nullable: true, description: 'Once SUCCEEDED.' })
  receipt!: ReceiptObject | null;
  @Field(() => DateTimeResolver, { description: 'When the top-up was created.' })
  createdAt!: Date;
  @Field(() => DateTimeResolver, { description: 'When its status last changed.' })
  updatedAt!: Date;
}

@InputType({ description: 'A card payment into a wallet.' })
export class TopUpInput {
  @Field(() => ID, { description: "The wallet to credit (one of the caller's)." })
  walletId!: string;
  @Field(() => MoneyScalar, {
    description:
      "Credit wanted: whole units of the wallet's currency, at least its top-up minimum (topUpMinimumMicros, default 10) and at most the cap " +
      '(100,000); BAD_USER_INPUT otherwise.',
  })
  amount!: bigint;
  @Field(() => String, {
    nullable: true,
    description:
      'A saved card id, a new PaymentMethod (Stripe Elements, or a test card such as pm_card_visa), or null for the default card (none: confirm the clientSecret in the browser).',
  })
  paymentMethodId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Keep the card for later top-ups and automatic funding. Default false.' })
  savePaymentMethod?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The same key with the same request returns the same top-up (and PaymentIntent).' })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'The result of topUp and refreshTopUp.' })
export class TopUpPayload {
  @Field(() => TopUpObject, { description: 'The top-up as it stands now.' })
  topUp!: TopUpObject;
}

@ObjectType('PaymentMethod', { description: 'A saved card: brand, last 4 digits and expiry only (card numbers stay with Stripe).' })
export class SavedCardObject {
  @Field(() => ID, { description: "Stripe's PaymentMethod id." })
  id!: string;
  @Field(() => String, { description: 'Card brand, e.g. "visa".' })
  brand!: string;
  @Field(() => String, { description: 'Last 4 digits of the card number.' })
  last4!: string;
  @Field(() => Int, { description: 'Expiry month, 1..12.' })
  expMonth!: number;
  @Field(() => Int, { description: 'Expiry year, four digits.' })
  expYear!: number;
  @Field(() => Boolean, {
    description: 'The default card: used by automatic funding and by top-ups without a card, and pre-selected at checkout.',
  })
  isDefault!: boolean;
  @Field(() => DateTimeResolver, { description: 'When it was saved.' })
  createdAt!: Date;
}

@InputType({ description: 'A card to save on an account.' })
export class AddPaymentMethodInput {
  @Field(() => ID, { nullable: true, description: "The account; default the caller's." })
  accountId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A PaymentMethod to set up now; null returns a SetupIntent client secret for Stripe Elements.',
  })
  paymentMethodId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Make it the default card. Default false (the first card always becomes the default).',
  })
  makeDefault?: boolean | null;
}

@ObjectType({ description: "The result of addPaymentMethod: the SetupIntent's outcome." })
export class AddPaymentMethodPayload {
  @Field(() => AddCardStatus, {
    description:
      'SUCCEEDED: the card is saved. REQUIRES_ACTION or REQUIRES_PAYMENT_METHOD: finish with clientSecret. FAILED: see failureReason.',
  })
  status!: AddCardStatus;
  @Field(() => String, { description: 'The Stripe SetupIntent (seti_…).' })
  setupIntentId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'For REQUIRES_ACTION / REQUIRES_PAYMENT_METHOD: finish in the browser; the card is saved when Stripe reports success.',
  })
  clientSecret!: string | null;
  @Field(() => SavedCardObject, { description: 'The saved card once SUCCEEDED; null otherwise.', nullable: true })
  paymentMethod!: SavedCardObject | null;
  @Field(() => String, { description: 'When FAILED: what to tell the customer.', nullable: true })
  failureReason!: string | null;
}

@ObjectType({ description: 'The result of setDefaultPaymentMethod and removePaymentMethod.' })
export class PaymentMethodPayload {
  @Field(() => SavedCardObject, { description: 'The card as it is after the change (as it was, when removed).' })
  paymentMethod!: SavedCardObject;
}

@ObjectType('AutoRecharge', { description: "A wallet's automatic funding from its account's default card." })
export class AutoRechargeObject {
  @Field(() => ID, { description: 'The wallet it funds.' })
  walletId!: string;
  @Field(() => Boolean, { description: 'Whether threshold recharges run.' })
  enabled!: boolean;
  @Field(() => MoneyScalar, { description: 'Recharge when the available balance falls below this.' })
  threshold!: bigint;
  @Field(() => MoneyScalar, { description: 'Bring the available balance back to this, in one payment.' })
  target!: bigint;
  @Field(() => ID, { nullable: true, description: 'The recharge in flight (at most one per wallet).' })
  inFlightTopUpId!: string | null;
  @Field(() => DateTimeResolver, { description: 'When the last automatic recharge was tried; null when never.', nullable: true })
  lastAttemptAt!: Date | null;
  @Field(() => Int, { description: 'Failed automatic recharges in a row; it pauses at autoRechargeFailuresMax (default 3).' })
  consecutiveFailures!: number;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Set when automatic funding stopped; enabling again resumes it.' })
  pausedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'REPEATED_FAILURES, AUTHENTICATION_REQUIRED or NO_PAYMENT_METHOD.' })
  pausedReason!: string | null;
  @Field(() => Boolean, { description: 'Whether the monthly recharge (a fixed top-up on monthlyDay) runs.' })
  monthlyEnabled!: boolean;
  @Field(() => Int, { nullable: true, description: 'Day of the month (1–28, UTC).' })
  monthlyDay!: number | null;
  @Field(() => MoneyScalar, { description: "The monthly top-up's amount; null when never set.", nullable: true })
  monthlyAmount!: bigint | null;
}

@InputType({ description: "A wallet's threshold recharge settings." })
export class SetAutoRechargeInput {
  @Field(() => ID, { description: 'The wallet to fund.' })
  walletId!: string;
  @Field(() => Boolean, { description: 'Turn threshold recharges on or off; turning on also resumes a paused one.' })
  enabled!: boolean;
  @Field(() => MoneyScalar, { description: 'Recharge when the available balance falls below this (≥ 0).' })
  threshold!: bigint;
  @Field(() => MoneyScalar, { description: 'At least threshold + the minimum top-up.' })
  target!: bigint;
}

@InputType({ description: "A wallet's monthly recharge settings." })
export class SetMonthlyRechargeInput {
  @Field(() => ID, { description: 'The wallet to fund.' })
  walletId!: string;
  @Field(() => Boolean, { description: 'Turn the monthly recharge on or off.' })
  enabled!: boolean;
  @Field(() => Int, { description: '1–28.' })
  dayOfMonth!: number;
  @Field(() => MoneyScalar, { description: 'Whole units, at least the minimum top-up.' })
  amount!: bigint;
}

@ObjectType({ description: 'The result of setAutoRecharge and setMonthlyRecharge.' })
export class AutoRechargePayload {
  @Field(() => AutoRechargeObject, { description: 'The settings after the change.' })
  autoRecharge!: AutoRechargeObject;
}

@ObjectType('BillingProfile', {
  description: 'Who and where the account is billed as: the country, US state and VAT number decide the tax on top-ups.',
})
export class BillingProfileObject {
  @Field(() => ID, { description: 'The account billed.' })
  accountId!: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "GB".' })
  country!: string | null;
  @Field(() => String, { nullable: true, description: 'US state code.' })
  state!: string | null;
  @Field(() => String, { nullable: true, description: 'EU VAT number (normalized); exempts EU customers from VAT (reverse charge).' })
  vatNumber!: string | null;
  @Field(() => String, { description: 'Where receipts and billing e-mail go; null when unset.', nullable: true })
  email!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The legal name receipts are addressed to (the company or person); null when unset.',
  })
  legalName!: string | null;
  @Field(() => String, { nullable: true, description: 'First line of the postal address; null when unset.' })
  addressLine1!: string | null;
  @Field(() => String, { nullable: true, description: 'Second line of the postal address; null when unset.' })
  addressLine2!: string | null;
  @Field(() => String, { nullable: true, description: 'City or town of the postal address; null when unset.' })
  city!: string | null;
  @Field(() => String, { nullable: true, description: 'Postal or ZIP code; null when unset.' })
  postalCode!: string | null;
}

@InputType({
  description:
    'Changes to where an account is billed: omitted fields stay as they are, null or "" clears one. The whole profile after the change is checked.',
})
export class UpdateBillingProfileInput {
  @Field(() => ID, { description: "The account; the caller's own when omitted.", nullable: true })
  accountId?: string | null;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code, e.g. "GB"; BAD_USER_INPUT when unknown.', nullable: true })
  country?: string | null;
  @Field(() => String, { description: 'US state code, e.g. "CA" (United States only).', nullable: true })
  state?: string | null;
  @Field(() => String, { description: 'EU VAT number with its country prefix; validated in form and normalized.', nullable: true })
  vatNumber?: string | null;
  @Field(() => String, { description: 'Billing e-mail address.', nullable: true })
  email?: string | null;
  @Field(() => String, { description: 'Legal name, at most billingProfileTextLengthMax (200) characters.', nullable: true })
  legalName?: string | null;
  @Field(() => String, { description: 'Address line 1, at most 200 characters.', nullable: true })
  addressLine1?: string | null;
  @Field(() => String, { description: 'Address line 2, at most 200 characters.', nullable: true })
  addressLine2?: string | null;
  @Field(() => String, { description: 'City, at most 200 characters.', nullable: true })
  city?: string | null;
  @Field(() => String, { description: 'Postal code, at most 200 characters.', nullable: true })
  postalCode?: string | null;
}

@ObjectType('Country', { description: 'A country by its ISO 3166-1 alpha-2 code, with its English name.' })
export class CountryObject {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code, upper case ("DE"; "GR" for Greece).' })
  code!: string;

  @Field(() => String, { description: 'English name ("Germany").' })
  name!: string;
}

@ObjectType('TaxPreview', {
  description: 'The tax a top-up would carry under a billing profile not yet saved: the same rules and rounding as quoteTopUp.',
})
export class TaxPreviewObject {
  @Field(() => MoneyScalar, { description: 'The amount taxed.' })
  amount!: bigint;
  @Field(() => MoneyScalar, { description: 'Tax on it (0 when none applies), rounded to the cent.' })
  tax!: bigint;
  @Field(() => MoneyScalar, { description: 'amount + tax.' })
  total!: bigint;
  @Field(() => String, { description: 'Percentage as a decimal string, e.g. "20", "7.25", "0".' })
  taxRate!: string;
  @Field(() => TaxTreatment, { description: 'Which tax rule applies.' })
  taxTreatment!: TaxTreatment;
  @Field(() => String, { description: 'e.g. "VAT 19% (Germany)", "VAT reverse charge (EU VAT number DE123456789)".' })
  taxLabel!: string;
  @Field(() => String, { nullable: true, description: 'The VAT number as it would be stored; null when none was given or it is invalid.' })
  vatNumber!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "True when the VAT number's format is valid for the EU country (reverse charge); false when not; null when none given.",
  })
  vatNumberAccepted!: boolean | null;
}

@ObjectType({ description: 'The result of updateBillingProfile.' })
export class UpdateBillingProfilePayload {
  @Field(() => BillingProfileObject, { description: 'The profile after the change.' })
  billingProfile!: BillingProfileObject;
}

@ObjectType('CreditRefund', { description: 'Unused paid credit refunded to the card of one top-up.' })
export class CreditRefundObject {
  @Field(() => ID, { description: 'Unique id of the card refund.' })
  id!: string;
  @Field(() => ID, { description: 'The top-up whose card is refunded.' })
  topUpId!: string;
  @Field(() => String, { description: 'The Stripe PaymentIntent refunded.' })
  paymentIntentId!: string;
  @Field(() => MoneyScalar, { description: 'Credit taken from the wallet.' })
  amount!: bigint;
  @Field(() => MoneyScalar, { description: 'Back to the card: the credit plus its share of the tax.' })
  cardAmount!: bigint;
  @Field(() => CreditRefundStatus, { description: 'Where the card refund stands.' })
  status!: CreditRefundStatus;
  @Field(() => String, { description: 'The Stripe Refund (re_…); null until Stripe answered.', nullable: true })
  stripeRefundId!: string | null;
  @Field(() => String, { description: 'When FAILED: why (the credit went back to the wallet).', nullable: true })
  failureReason!: string | null;
  @Field(() => DateTimeResolver, { description: 'When the card refund was created.' })
  createdAt!: Date;
}

@InputType({ description: 'Unused paid credit to refund to the cards that paid it.' })
export class RefundUnusedCreditInput {
  @Field(() => ID, { description: 'The wallet to refund from.' })
  walletId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Credit to refund; default all that is refundable (wallet.refundable).' })
  amount?: bigint | null;
  @Field(() => String, { description: "Why (1 to 500 characters); recorded as the REFUND's description." })
  reason!: string;
  @Field(() => String, {
    description: 'Retry-safe key: the same key and request return the first result and refund nothing more.',
    nullable: true,
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'The result of refundUnusedCredit.' })
export class RefundUnusedCreditPayload {
  @Field(() => TransactionObject, { description: 'The REFUND debit.' })
  transaction!: TransactionObject;
  @Field(() => WalletObject, { description: 'The wallet after the debit.' })
  wallet!: WalletObject;
  @Field(() => [CreditRefundObject], { description: 'One card refund per top-up refunded, newest top-up first.' })
  refunds!: CreditRefundObject[];
}

@InputType({ description: 'Trial or promotional credit for a wallet.' })
export class GrantCreditInput {
  @Field(() => ID, { description: 'The wallet to credit.' })
  walletId!: string;
  @Field(() => MoneyScalar, { description: "Credit to grant, > 0, in the wallet's currency." })
  amount!: bigint;
  @Field(() => String, { description: "Why (1 to 500 characters); recorded as the GRANT's description." })
  reason!: string;
  @Field(() => String, { description: 'Retry-safe key: the same key and request return the first grant.', nullable: true })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'The result of grantCredit.' })
export class GrantCreditPayload {
  @Field(() => TransactionObject, { description: 'The GRANT credit.' })
  transaction!: TransactionObject;
  @Field(() => WalletObject, { description: 'The wallet after the credit.' })
  wallet!: WalletObject;
}

@ObjectType('BankTransfer', {
  description:
    'A bank transfer into a wallet, PENDING until support confirms it (expected within bankTransferBusinessDays, default 3 business days).',
})
export class BankTransferObject {
  @Field(() => ID, { description: 'Unique id of the bank transfer.' })
  id!: string;
  @Field(() => ID, { description: 'The wallet credited when it completes.' })
  walletId!: string;
  @Field(() => MoneyScalar, { description: "Announced amount, in the wallet's currency." })
  amount!: bigint;
  @Field(() => String, { description: 'The reference on the bank statement.' })
  reference!: string;
  @Field(() => BankTransferStatus, { description: 'Where the transfer stands; only COMPLETED has credited the wallet.' })
  status!: BankTransferStatus;
  @Field(() => DateTimeResolver, { description: 'When the money should have arrived (bankTransferBusinessDays business days, default 3).' })
  expectedBy!: Date;
  @Field(() => ID, { description: 'The TOP_UP credit, once COMPLETED.', nullable: true })
  transactionId!: string | null;
  @Field(() => DateTimeResolver, { description: 'When it was announced.' })
  createdAt!: Date;
  @Field(() => DateTimeResolver, { description: 'When support completed or canceled it; null while PENDING.', nullable: true })
  settledAt!: Date | null;
  /** Who announced it, as stored: not a field; `recordedBy` names it (accounts/actor.resolver.ts). */
  createdByText!: string;
  /** Who completed or canceled it, as stored (null while PENDING): not a field; `settledBy` names it. */
  settledByText!: string | null;
}

@InputType({ description: 'A bank transfer on its way to a wallet.' })
export class RecordBankTransferInput {
  @Field(() => ID, { description: 'The wallet to credit when the money arrives.' })
  walletId!: string;
  @Field(() => MoneyScalar, { description: "Amount sent, > 0, in the wallet's currency." })
  amount!: bigint;
  @Field(() => String, { description: 'The transfer reference on the bank statement.' })
  reference!: string;
}

@ObjectType({ description: 'The result of recordBankTransfer, completeBankTransfer and cancelBankTransfer.' })
export class BankTransferPayload {
  @Field(() => BankTransferObject, { description: 'The transfer after the change.' })
  bankTransfer!: BankTransferObject;
}

@ObjectType('SandboxTestCard', { description: 'A test card of the offline sandbox.' })
export class SandboxTestCardObject {
  @Field(() => String, { description: 'Use as paymentMethodId.' })
  id!: string;
  @Field(() => String, { description: 'Name of the test card, e.g. "Visa".' })
  label!: string;
  @Field(() => String, { description: 'Card brand, e.g. "visa".' })
  brand!: string;
  @Field(() => String, { description: 'Last 4 digits shown for it.' })
  last4!: string;
  @Field(() => String, { description: 'What a payment with it does: succeeds, is declined (and why) or asks for 3-D Secure.' })
  behaviour!: string;
}

@ObjectType('PaymentsConfig', { description: 'What the dashboard needs to take a card payment.' })
export class PaymentsConfigObject {
  @Field(() => PaymentsMode, { description: 'Which payment backend the server talks to.' })
  mode!: PaymentsMode;
  @Field(() => String, { nullable: true, description: 'For Stripe Elements (STRIPE mode).' })
  publishableKey!: string | null;
  @Field(() => String, { nullable: true, description: "SANDBOX mode: the sandbox's base URL, for its simulated 3-D Secure challenge." })
  sandboxUrl!: string | null;
  @Field(() => [SandboxTestCardObject], { description: 'SANDBOX mode: the test cards.' })
  testCards!: SandboxTestCardObject[];
}
