import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { setAutoRecharge, setMonthlyRecharge, type AutoRechargeSettings } from '../../domain/payments/auto-recharge.service.js';
import {
  findBankTransfer,
  recordBankTransfer,
  settleBankTransfer,
  type BankTransfer,
} from '../../domain/payments/bank-transfer.service.js';
import { findBillingProfileFor, updateBillingProfile, type BillingProfileRecord } from '../../domain/payments/billing-profile.service.js';
import { createTopUp } from '../../domain/payments/create-top-up.service.js';
import { grantCredit } from '../../domain/payments/grant-credit.service.js';
import { addCard, listSavedCards, removeCard, setDefaultCard } from '../../domain/payments/payment-methods.service.js';
import { previewTax } from '../../domain/payments/preview-tax.service.js';
import { quoteTopUp } from '../../domain/payments/quote-top-up.service.js';
import { findTopUp, refreshTopUp } from '../../domain/payments/reconcile-top-ups.service.js';
import { refundUnusedCredit, type CreditRefund } from '../../domain/payments/refund-unused-credit.service.js';
import type { SavedCard } from '../../domain/payments/saved-card.js';
import { euCountries, formatRatePercent } from '../../domain/payments/tax.js';
import type { TopUpRecord } from '../../domain/payments/top-up-record.js';
import { findWallet } from '../../domain/wallets/find-wallet.service.js';
import { findWalletTransaction } from '../../domain/wallets/find-wallet.service.js';
import { BadUserInputError } from '../../errors.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { toTransactionObject, toWalletObject, WalletObject } from '../wallets/wallet.type.js';
import {
  AddCardStatus,
  AddPaymentMethodInput,
  AddPaymentMethodPayload,
  AutoRechargeObject,
  AutoRechargePayload,
  BankTransferObject,
  BankTransferPayload,
  BankTransferStatus,
  BillingProfileObject,
  CountryObject,
  CreditRefundObject,
  CreditRefundStatus,
  GrantCreditInput,
  GrantCreditPayload,
  PaymentMethodPayload,
  PaymentsConfigObject,
  PaymentsMode,
  ReceiptObject,
  RecordBankTransferInput,
  RefundUnusedCreditInput,
  RefundUnusedCreditPayload,
  SavedCardObject,
  SetAutoRechargeInput,
  SetMonthlyRechargeInput,
  TaxPreviewObject,
  TaxTreatment,
  TopUpInput,
  TopUpObject,
  TopUpOrigin,
  TopUpPayload,
  TopUpQuoteObject,
  TopUpStatus,
  UpdateBillingProfileInput,
  UpdateBillingProfilePayload,
} from './payments.types.js';

/** Largest list of top-ups, refunds or transfers a wallet field returns. */
const LIST_SIZE_MAX = 100;

function listSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > LIST_SIZE_MAX)
    throw new BadUserInputError('first', `first must be 1 to ${LIST_SIZE_MAX}`);
  return size;
}

export function toTopUpObject(topUp: TopUpRecord): TopUpObject {
  const taxRate = formatRatePercent(topUp.taxRatePpm);
  const receipt =
    topUp.status === 'SUCCEEDED' && topUp.receiptNumber && topUp.walletTransactionId && topUp.paymentIntentId
      ? Object.assign(new ReceiptObject(), {
          receiptNumber: topUp.receiptNumber,
          transactionId: topUp.walletTransactionId,
          topUpId: topUp.id,
          amount: topUp.amountMicros,
          tax: topUp.taxMicros,
          taxRate,
          taxLabel: topUp.taxLabel,
          total: topUp.totalMicros,
          currency: topUp.currency,
          paidAt: topUp.succeededAt ?? topUp.updatedAt,
          cardBrand: topUp.cardBrand,
          cardLast4: topUp.cardLast4,
          paymentIntentId: topUp.paymentIntentId,
        })
      : null;
  return Object.assign(new TopUpObject(), {
    id: topUp.id,
    walletId: topUp.walletId,
    accountId: topUp.accountId,
    origin: topUp.origin as TopUpOrigin,
    status: topUp.status as TopUpStatus,
    currency: topUp.currency,
    amount: topUp.amountMicros,
    tax: topUp.taxMicros,
    taxRate,
    taxLabel: topUp.taxLabel,
    total: topUp.totalMicros,
    // The client secret is for the payer's browser while the payment is open; not kept on show afterwards.
    clientSecret: topUp.status === 'SUCCEEDED' || topUp.status === 'CANCELED' ? null : topUp.clientSecret,
    paymentIntentId: topUp.paymentIntentId,
    cardBrand: topUp.cardBrand,
    cardLast4: topUp.cardLast4,
    receiptNumber: topUp.receiptNumber,
    failureCode: topUp.failureCode,
    failureReason: topUp.failureReason,
    transactionId: topUp.walletTransactionId,
    refunded: topUp.refundedMicros,
    receipt,
    createdAt: topUp.createdAt,
    updatedAt: topUp.updatedAt,
  });
}

function toCardObject(card: SavedCard): SavedCardObject {
  return Object.assign(new SavedCardObject(), {
    id: card.id,
    brand: card.brand,
    last4: card.last4,
    expMonth: card.expMonth,
    expYear: card.expYear,
    isDefault: card.isDefault,
    createdAt: card.createdAt,
  });
}

function toAutoRechargeObject(settings: AutoRechargeSettings): AutoRechargeObject {
  return Object.assign(new AutoRechargeObject(), {
    walletId: settings.walletId,
    enabled: settings.enabled,
    threshold: settings.thresholdMicros,
    target: settings.targetMicros,
    inFlightTopUpId: settings.inFlightTopUpId,
    lastAttemptAt: settings.lastAttemptAt,
    consecutiveFailures: settings.consecutiveFailures,
    pausedAt: settings.pausedAt,
    pausedReason: settings.pausedReason,
    monthlyEnabled: settings.monthlyEnabled,
    monthlyDay: settings.monthlyDay,
    monthlyAmount: settings.monthlyAmountMicros,
  });
}

function toRefundObject(refund: CreditRefund): CreditRefundObject {
  return Object.assign(new CreditRefundObject(), {
    id: refund.id,
    topUpId: refund.topUpId,
    paymentIntentId: refund.paymentIntentId,
    amount: refund.amountMicros,
    cardAmount: refund.cardAmountMicros,
    status: refund.status as CreditRefundStatus,
    stripeRefundId: refund.stripeRefundId,
    failureReason: refund.failureReason,
    createdAt: refund.createdAt,
  });
}

function toBankTransferObject(transfer: BankTransfer): BankTransferObject {
  return Object.assign(new BankTransferObject(), {
    id: transfer.id,
    walletId: transfer.walletId,
    amount: transfer.amountMicros,
    reference: transfer.reference,
    status: transfer.status as BankTransferStatus,
    expectedBy: transfer.expectedBy,
    transactionId: transfer.walletTransactionId,
    createdAt: transfer.createdAt,
    settledAt: transfer.settledAt,
    createdByText: transfer.createdBy,
    settledByText: transfer.settledBy,
  });
}

function toBillingProfileObject(profile: BillingProfileRecord): BillingProfileObject {
  return Object.assign(new BillingProfileObject(), profile);
}

/** Card top-ups through Stripe, saved cards, automatic funding, refunds, grants and bank transfers. */
@Resolver()
export class PaymentsResolver {
  @Query(() => PaymentsConfigObject, {
    description: 'How the dashboard takes card payments: Stripe Elements, or the offline sandbox with its test cards.',
  })
  paymentsConfig(@Ctx() { payments }: Context): PaymentsConfigObject {
    return Object.assign(new PaymentsConfigObject(), {
      mode: payments.mode as PaymentsMode,
      publishableKey: payments.publishableKey,
      sandboxUrl: payments.sandboxUrl,
      testCards: payments.testCards,
    });
  }

  @Query(() => [CountryObject], {
    description:
      'The 27 EU member states, by code: a billing address in one of them pays its VAT, or reverse-charges it with a valid VAT number (the same list the tax rules use).',
  })
  euCountries(): CountryObject[] {
    return euCountries().map((country) => Object.assign(new CountryObject(), country));
  }

  @Query(() => TopUpQuoteObject, {
    description:
      "The checkout summary of a top-up: amount, tax (from the account's billing country and VAT number) and total. BAD_USER_INPUT below the minimum, above the cap, or not a whole amount.",
  })
  async quoteTopUp(
    @Arg('walletId', () => ID, { description: "The wallet to top up (one of the caller's)." }) walletId: string,
    @Arg('amount', () => MoneyScalar, { description: "The credit wanted, in whole units of the wallet's currency." }) amount: bigint,
    @Ctx() { em, principal, config }: Context,
  ): Promise<TopUpQuoteObject> {
    const quote = await quoteTopUp(em, { principal, walletId, amountMicros: amount, config });
    return Object.assign(new TopUpQuoteObject(), {
      walletId: quote.walletId,
      currency: quote.currency,
      amount: quote.amountMicros,
      tax: quote.taxMicros,
      taxRate: formatRatePercent(quote.ratePpm),
      taxTreatment: quote.treatment as TaxTreatment,
      taxLabel: quote.label,
      total: quote.totalMicros,
      minimum: quote.minimumMicros,
    });
  }

  @Query(() => TopUpObject, { nullable: true, description: 'A top-up of the caller; NOT_FOUND otherwise.' })
  async topUp(
    @Arg('id', () => ID, { description: 'Id of the top-up.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<TopUpObject> {
    return toTopUpObject(await findTopUp(em, principal, id));
  }

  @Query(() => [SavedCardObject], {
    description: "The account's saved cards, default first (the caller's account unless a platform role names one).",
  })
  async paymentMethods(
    @Arg('accountId', () => ID, { description: "The account; the caller's own when omitted.", nullable: true }) accountId: string | null,
    @Ctx() { em, principal }: Context,
  ): Promise<SavedCardObject[]> {
    return (await listSavedCards(em, principal, accountId)).map(toCardObject);
  }

  @Query(() => BillingProfileObject, {
    description: "The account's billing profile: legal name, postal address, country, US state, VAT number and e-mail.",
  })
  async billingProfile(
    @Arg('accountId', () => ID, { description: "The account; the caller's own when omitted.", nullable: true }) accountId: string | null,
    @Ctx() { em, principal }: Context,
  ): Promise<BillingProfileObject> {
    return toBillingProfileObject(await findBillingProfileFor(em, principal, accountId));
  }

  @Query(() => BankTransferObject, { nullable: true, description: 'A bank transfer of the caller; NOT_FOUND otherwise.' })
  async bankTransfer(
    @Arg('id', () => ID, { description: 'Id of the bank transfer.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<BankTransferObject> {
    return toBankTransferObject(await findBankTransfer(em, principal, id));
  }

  @Mutation(() => TopUpPayload, {
    name: 'topUp',
    description:
      'OWNER, CAMPAIGN_MANAGER, INTEGRATOR: pays into a wallet by card. Creates a Stripe PaymentIntent for amount + tax; the wallet is credited only when Stripe confirms the payment (webhook), once. Declines come back as status FAILED with failureReason; 3-D Secure as REQUIRES_ACTION with the clientSecret.',
  })
  async topUp_(
    @Arg('input', () => TopUpInput, { description: 'The wallet, the amount and how to pay.' }) input: TopUpInput,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<TopUpPayload> {
    const topUp = await createTopUp(em, payments.deps, {
      principal,
      walletId: input.walletId,
      amountMicros: input.amount,
      paymentMethodId: input.paymentMethodId ?? null,
      savePaymentMethod: input.savePaymentMethod ?? false,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    return { topUp: toTopUpObject(topUp) };
  }

  @Mutation(() => TopUpPayload, {
    description:
      "Asks Stripe for the top-up's current state now (after 3-D Secure, or when the balance has not moved after paying) instead of waiting for the " +
      'webhook. Any role that may see the top-up; NOT_FOUND otherwise, PAYMENT_PROVIDER_ERROR when Stripe cannot be reached.',
  })
  async refreshTopUp(
    @Arg('id', () => ID, { description: 'Id of the top-up to check with Stripe.' }) id: string,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<TopUpPayload> {
    return { topUp: toTopUpObject(await refreshTopUp(em, payments.deps, principal, id)) };
  }

  @Mutation(() => AddPaymentMethodPayload, {
    description: 'OWNER, CAMPAIGN_MANAGER: saves a card through a Stripe SetupIntent (3-D Secure may be needed: REQUIRES_ACTION).',
  })
  async addPaymentMethod(
    @Arg('input', () => AddPaymentMethodInput, { description: 'The account and the card to save.' }) input: AddPaymentMethodInput,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<AddPaymentMethodPayload> {
    const result = await addCard(em, payments.deps, {
      principal,
      accountId: input.accountId ?? null,
      paymentMethodId: input.paymentMethodId ?? null,
      makeDefault: input.makeDefault ?? false,
    });
    return Object.assign(new AddPaymentMethodPayload(), {
      status: result.status as AddCardStatus,
      setupIntentId: result.setupIntentId,
      clientSecret: result.clientSecret,
      paymentMethod: result.card ? toCardObject(result.card) : null,
      failureReason: result.failureReason,
    });
  }

  @Mutation(() => PaymentMethodPayload, {
    description: 'OWNER, CAMPAIGN_MANAGER: makes a saved card the default (used by automatic funding).',
  })
  async setDefaultPaymentMethod(
    @Arg('id', () => ID, { description: 'Id of the saved card (its Stripe PaymentMethod id).' }) id: string,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<PaymentMethodPayload> {
    return { paymentMethod: toCardObject(await setDefaultCard(em, payments.deps, principal, id)) };
  }

  @Mutation(() => PaymentMethodPayload, {
    description: 'OWNER, CAMPAIGN_MANAGER: removes a saved card (detached from the Stripe Customer).',
  })
  async removePaymentMethod(
    @Arg('id', () => ID, { description: 'Id of the saved card (its Stripe PaymentMethod id).' }) id: string,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<PaymentMethodPayload> {
    return { paymentMethod: toCardObject(await removeCard(em, payments.deps, principal, id)) };
  }

  @Mutation(() => AutoRechargePayload, {
    description:
      'OWNER: auto-recharge below a threshold back to a target, from the default card, with a cooldown, daily and monthly caps, and a pause after failures.',
  })
  async setAutoRecharge(
    @Arg('input', () => SetAutoRechargeInput, { description: 'The wallet, its threshold and target.' }) input: SetAutoRechargeInput,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<AutoRechargePayload> {
    const settings = await setAutoRecharge(em, payments.deps, {
      principal,
      walletId: input.walletId,
      enabled: input.enabled,
      thresholdMicros: input.threshold,
      targetMicros: input.target,
    });
    return { autoRecharge: toAutoRechargeObject(settings) };
  }

  @Mutation(() => AutoRechargePayload, { description: 'OWNER: a fixed top-up from the default card on a chosen day of each month.' })
  async setMonthlyRecharge(
    @Arg('input', () => SetMonthlyRechargeInput, { description: 'The wallet, the day of the month and the amount.' })
    input: SetMonthlyRechargeInput,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<AutoRechargePayload> {
    const settings = await setMonthlyRecharge(em, payments.deps, {
      principal,
      walletId: input.walletId,
      enabled: input.enabled,
      dayOfMonth: input.dayOfMonth,
      amountMicros: input.amount,
    });
    return { autoRecharge: toAutoRechargeObject(settings) };
  }

  @Mutation(() => UpdateBillingProfilePayload, {
    description:
      'OWNER, SUPPORT, PLATFORM_ADMIN: legal name, postal address, billing country, US state, VAT number (EU: reverse charge) and e-mail. BAD_USER_INPUT names the field refused; nothing is stored then.',
  })
  async updateBillingProfile(
    @Arg('input', () => UpdateBillingProfileInput, { description: 'The fields to change.' }) input: UpdateBillingProfileInput,
    @Ctx() { em, principal, config }: Context,
  ): Promise<UpdateBillingProfilePayload> {
    // Omitted fields arrive undefined and are kept; an explicit null clears.
    const { accountId, ...fields } = input;
    const profile = await updateBillingProfile(em, { principal, accountId: accountId ?? null, limits: config, ...fields });
    return { billingProfile: toBillingProfileObject(profile) };
  }

  @Query(() => TaxPreviewObject, {
    description:
      'OWNER, SUPPORT, PLATFORM_ADMIN: the tax a top-up of `amount` would carry with this country, US state and VAT number, before the profile is saved (the same answer quoteTopUp gives once it is). Nothing is stored.',
  })
  taxPreview(
    @Arg('amount', () => MoneyScalar, { description: 'The amount to tax, 0 up to the largest top-up.' }) amount: bigint,
    @Arg('country', () => String, { description: 'ISO 3166-1 alpha-2 code as typed; unknown or malformed is not taxed.', nullable: true })
    country: string | null,
    @Arg('state', () => String, { description: 'US state code (United States only).', nullable: true }) state: string | null,
    @Arg('vatNumber', () => String, { description: 'EU VAT number as typed.', nullable: true }) vatNumber: string | null,
    @Ctx() { principal, config }: Context,
  ): TaxPreviewObject {
    const preview = previewTax({
      principal,
      country: country ?? null,
      state: state ?? null,
      vatNumber: vatNumber ?? null,
      amountMicros: amount,
      config,
    });
    return Object.assign(new TaxPreviewObject(), {
      amount,
      tax: preview.taxMicros,
      total: preview.totalMicros,
      taxRate: formatRatePercent(preview.ratePpm),
      taxTreatment: preview.treatment as TaxTreatment,
      taxLabel: preview.label,
      vatNumber: preview.vatNumber,
      vatNumberAccepted: preview.vatNumberAccepted,
    });
  }

  @Mutation(() => RefundUnusedCreditPayload, {
    description:
      'SUPPORT, PLATFORM_ADMIN: refunds unused paid credit to the cards that paid it (used funds and grants are not refundable).',
  })
  async refundUnusedCredit(
    @Arg('input', () => RefundUnusedCreditInput, { description: 'The wallet, the amount to refund and why.' })
    input: RefundUnusedCreditInput,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<RefundUnusedCreditPayload> {
    const refunded = await refundUnusedCredit(em, payments.deps, {
      principal,
      walletId: input.walletId,
      amountMicros: input.amount ?? null,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    const transaction = await findWalletTransaction(em, refunded.walletTransactionId);
    const wallet = await findWallet(em.fork(), { principal, walletId: transaction.walletId });
    return Object.assign(new RefundUnusedCreditPayload(), {
      transaction: toTransactionObject(transaction),
      wallet: toWalletObject(wallet),
      refunds: refunded.refunds.map(toRefundObject),
    });
  }

  @Mutation(() => GrantCreditPayload, {
    description: 'SUPPORT, PLATFORM_ADMIN: trial or promotional credit, a GRANT kept apart from paid credit (spent first, never refunded).',
  })
  async grantCredit(
    @Arg('input', () => GrantCreditInput, { description: 'The wallet, the amount and why.' }) input: GrantCreditInput,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<GrantCreditPayload> {
    const posted = await grantCredit(em, payments.deps, {
      principal,
      walletId: input.walletId,
      amountMicros: input.amount,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    return Object.assign(new GrantCreditPayload(), {
      transaction: toTransactionObject(posted.transaction),
      wallet: toWalletObject(posted.wallet),
    });
  }

  @Mutation(() => BankTransferPayload, {
    description: 'OWNER, SUPPORT, PLATFORM_ADMIN: announces a bank transfer; PENDING (nothing credited) until support confirms it.',
  })
  async recordBankTransfer(
    @Arg('input', () => RecordBankTransferInput, { description: 'The wallet, the amount and the transfer reference.' })
    input: RecordBankTransferInput,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<BankTransferPayload> {
    const transfer = await recordBankTransfer(em, payments.deps, {
      principal,
      walletId: input.walletId,
      amountMicros: input.amount,
      reference: input.reference,
    });
    return { bankTransfer: toBankTransferObject(transfer) };
  }

  @Mutation(() => BankTransferPayload, {
    description: 'SUPPORT, PLATFORM_ADMIN: the money arrived: credits the wallet once (INVALID_STATE when already settled).',
  })
  async completeBankTransfer(
    @Arg('id', () => ID, { description: 'Id of the PENDING bank transfer.' }) id: string,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<BankTransferPayload> {
    return { bankTransfer: toBankTransferObject(await settleBankTransfer(em, payments.deps, { principal, id, outcome: 'COMPLETED' })) };
  }

  @Mutation(() => BankTransferPayload, { description: 'SUPPORT, PLATFORM_ADMIN: the money will not come; nothing is credited.' })
  async cancelBankTransfer(
    @Arg('id', () => ID, { description: 'Id of the PENDING bank transfer.' }) id: string,
    @Ctx() { em, principal, payments }: Context,
  ): Promise<BankTransferPayload> {
    return { bankTransfer: toBankTransferObject(await settleBankTransfer(em, payments.deps, { principal, id, outcome: 'CANCELED' })) };
  }
}

/** The wallet's payments: top-ups, automatic funding, refundable credit, refunds and bank transfers. */
@Resolver(() => WalletObject)
export class WalletPaymentsResolver {
  @FieldResolver(() => [TopUpObject], { description: 'Card top-ups, newest first (first: 1–100, default 20).' })
  async topUps(
    @Root() wallet: WalletObject,
    @Arg('first', () => Int, { description: 'How many, 1..100. Default 20.', nullable: true }) first: number | null,
    @Ctx() { loaders }: Context,
  ): Promise<TopUpObject[]> {
    return (await loaders.topUps.load({ walletId: wallet.id, first: listSize(first) })).map(toTopUpObject);
  }

  @FieldResolver(() => AutoRechargeObject, { nullable: true, description: 'Automatic funding settings; null when never set.' })
  async autoRecharge(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<AutoRechargeObject | null> {
    const settings = await loaders.autoRecharge.load(wallet.id);
    return settings ? toAutoRechargeObject(settings) : null;
  }

  @FieldResolver(() => MoneyScalar, {
    description: 'Unused paid card credit that may be refunded to the cards that paid it (grants and used funds are not).',
  })
  async refundable(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<bigint> {
    return loaders.refundable.load(wallet.id);
  }

  @FieldResolver(() => [CreditRefundObject], { description: 'Refunds to cards, newest first.' })
  async creditRefunds(
    @Root() wallet: WalletObject,
    @Arg('first', () => Int, { description: 'How many, 1..100. Default 20.', nullable: true }) first: number | null,
    @Ctx() { loaders }: Context,
  ): Promise<CreditRefundObject[]> {
    return (await loaders.creditRefunds.load({ walletId: wallet.id, first: listSize(first) })).map(toRefundObject);
  }

  @FieldResolver(() => [BankTransferObject], { description: 'Bank transfers, newest first; PENDING ones are credit on its way.' })
  async bankTransfers(
    @Root() wallet: WalletObject,
    @Arg('first', () => Int, { description: 'How many, 1..100. Default 20.', nullable: true }) first: number | null,
    @Ctx() { loaders }: Context,
  ): Promise<BankTransferObject[]> {
    return (await loaders.bankTransfers.load({ walletId: wallet.id, first: listSize(first) })).map(toBankTransferObject);
  }
}
