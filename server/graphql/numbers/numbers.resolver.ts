import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import { encodeCreatedCursor } from '../../domain/campaigns/created-cursor.js';
import { findAvailableNumbers } from '../../domain/numbers/find-available-numbers.service.js';
import { findPhoneNumber, listPhoneNumbers } from '../../domain/numbers/find-phone-numbers.service.js';
import { isWithinRefundWindow, refundableUntilMs } from '../../domain/numbers/number-offers.js';
import { isHeld, PhoneNumberStatus, type PhoneNumberRecord } from '../../domain/numbers/phone-number-record.js';
import { monthsDueBy } from '../../domain/numbers/renewal-date.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { purchaseNumber } from '../../domain/numbers/purchase-number.service.js';
import { refundNumber } from '../../domain/numbers/refund-number.service.js';
import { releaseNumber } from '../../domain/numbers/release-number.service.js';
import {
  AvailablePhoneNumberObject,
  AvailablePhoneNumbersArgs,
  PhoneNumberConnection,
  PhoneNumberObject,
  PhoneNumbersArgs,
  PurchaseNumberInput,
  PurchaseNumberPayload,
  RefundNumberPayload,
  ReleaseNumberPayload,
} from './numbers.types.js';

/** The GraphQL view of a number. */
export function toPhoneNumberObject(number: PhoneNumberRecord): PhoneNumberObject {
  return Object.assign(new PhoneNumberObject(), {
    id: number.id,
    accountId: number.accountId,
    walletId: number.walletId,
    ratePlanId: number.ratePlanId,
    number: number.number,
    status: number.status,
    purchasePrice: number.purchaseMicros,
    monthlyPrice: number.monthlyMicros,
    purchasedAt: new Date(number.purchasedAtMs),
    renewsAt: isHeld(number.status) ? new Date(number.renewsAtMs) : null,
    graceUntil: number.graceUntilMs === null ? null : new Date(number.graceUntilMs),
    releasedAt: number.releasedAtMs === null ? null : new Date(number.releasedAtMs),
    releaseReason: number.releaseReason,
    periodsPaid: number.periodsPaid,
    transactionId: number.transactionId,
    refundTransactionId: number.refundTransactionId,
  });
}

/** Phone numbers: search, buy, list, release, refund. Renewals run as a job (renewNumbers). */
@Resolver(() => PhoneNumberObject)
export class NumbersResolver {
  @Query(() => [AvailablePhoneNumberObject], {
    description:
      'Numbers the wallet could buy now under a rate plan (none held by any account), each with its price, first charge, first renewal and refund deadline.',
  })
  async availablePhoneNumbers(
    @Args(() => AvailablePhoneNumbersArgs) args: AvailablePhoneNumbersArgs,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<AvailablePhoneNumberObject[]> {
    const offers = await findAvailableNumbers(em, {
      principal,
      walletId: args.walletId,
      ratePlanId: args.ratePlanId,
      startsWith: args.startsWith,
      first: args.first,
      nowMs: spend.deps.clock.now(),
      limits: config,
    });
    return offers.map((offer) =>
      Object.assign(new AvailablePhoneNumberObject(), {
        number: offer.number,
        ratePrefix: offer.ratePrefix,
        currency: offer.currency,
        purchasePrice: offer.purchaseMicros,
        monthlyPrice: offer.monthlyMicros,
        firstCharge: offer.firstChargeMicros,
        firstRenewalAt: new Date(offer.firstRenewalAtMs),
        refundableUntil: new Date(offer.refundableUntilMs),
      }),
    );
  }

  @Query(() => PhoneNumberConnection, {
    description: "The caller's phone numbers (every tenant's for SUPPORT and PLATFORM_ADMIN), newest first.",
  })
  async phoneNumbers(
    @Args(() => PhoneNumbersArgs) args: PhoneNumbersArgs,
    @Ctx() { em, principal, config }: Context,
  ): Promise<PhoneNumberConnection> {
    const page = await listPhoneNumbers(em, {
      principal,
      walletId: args.walletId,
      status: args.status,
      first: args.first,
      after: args.after,
      limits: config,
    });
    const edges = page.phoneNumbers.map((number) => ({
      cursor: encodeCreatedCursor(number.createdAtUs, number.id),
      node: toPhoneNumberObject(number),
    }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => PhoneNumberObject, { nullable: true, description: 'A phone number of the caller; NOT_FOUND otherwise.' })
  async phoneNumber(
    @Arg('id', () => ID, { description: 'Id of the phone number.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<PhoneNumberObject> {
    return toPhoneNumberObject(await findPhoneNumber(em, principal, id));
  }

  @Mutation(() => PurchaseNumberPayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: buys a number, debiting its one-time price plus the first month as one NUMBER transaction (INSUFFICIENT_FUNDS: nothing is written). Renewed monthly from the wallet.',
  })
  async purchaseNumber(
    @Arg('input', () => PurchaseNumberInput, { description: 'The number, the wallet that pays and the rate plan that prices it.' })
    input: PurchaseNumberInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<PurchaseNumberPayload> {
    const number = await purchaseNumber(em, spend.deps, {
      principal,
      walletId: input.walletId,
      ratePlanId: input.ratePlanId,
      number: input.number,
      idempotencyKey: input.idempotencyKey,
    });
    return { phoneNumber: toPhoneNumberObject(number) };
  }

  @Mutation(() => ReleaseNumberPayload, {
    description: 'OWNER, INTEGRATOR, PLATFORM_ADMIN: gives a held number up at once, without refund.',
  })
  async releaseNumber(
    @Arg('id', () => ID, { description: 'Id of the phone number to give up.' }) id: string,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<ReleaseNumberPayload> {
    return { phoneNumber: toPhoneNumberObject(await releaseNumber(em, spend.deps, { principal, phoneNumberId: id })) };
  }

  @Mutation(() => RefundNumberPayload, {
    description:
      'OWNER, PLATFORM_ADMIN: within the refund window after purchase, gives a held number back and credits its purchase and first month back, once.',
  })
  async refundNumber(
    @Arg('id', () => ID, { description: 'Id of the phone number to give back.' }) id: string,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<RefundNumberPayload> {
    return { phoneNumber: toPhoneNumberObject(await refundNumber(em, spend.deps, { principal, phoneNumberId: id })) };
  }

  @FieldResolver(() => DateTimeResolver, {
    nullable: true,
    description:
      'While held: the last moment refundNumber gives the purchase and first month back (refund window after purchase); null once released or refunded.',
  })
  refundableUntil(@Root() number: PhoneNumberObject, @Ctx() { config }: Context): Date | null {
    if (!isHeld(number.status)) return null;
    return new Date(refundableUntilMs(number.purchasedAt.getTime(), config.numberRefundDays));
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      'RENEWAL_OWED: what is owed now, every month due since owedSince at the monthly price (paid in one debit when the wallet is funded); null otherwise.',
  })
  owedAmount(@Root() number: PhoneNumberObject, @Ctx() { spend }: Context): bigint | null {
    if (number.status !== PhoneNumberStatus.RENEWAL_OWED) return null;
    const months = Math.max(1, monthsDueBy(number.purchasedAt.getTime(), number.periodsPaid, spend.deps.clock.now()));
    return number.monthlyPrice * BigInt(months);
  }

  @FieldResolver(() => DateTimeResolver, {
    nullable: true,
    description:
      'RENEWAL_OWED: since when its renewal is owed (the renewal date that fell while the wallet was suspended); null otherwise.',
  })
  owedSince(@Root() number: PhoneNumberObject): Date | null {
    return number.status === PhoneNumberStatus.RENEWAL_OWED ? number.renewsAt : null;
  }

  @FieldResolver(() => Boolean, { description: 'True while it is held and within its refund window: refundNumber would accept it now.' })
  refundable(@Root() number: PhoneNumberObject, @Ctx() { config, spend }: Context): boolean {
    return isHeld(number.status) && isWithinRefundWindow(number.purchasedAt.getTime(), spend.deps.clock.now(), config.numberRefundDays);
  }
}
