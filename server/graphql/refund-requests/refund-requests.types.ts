import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { RefundRequestStatus, type RefundRequest } from '../../domain/refund-requests/refund-request-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { WalletObject } from '../wallets/wallet.type.js';

registerEnumType(RefundRequestStatus, {
  name: 'RefundRequestStatus',
  description: 'Where a refund request stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for platform staff; the owner may cancel it.' },
    APPROVED: { description: 'Refunded to the cards that paid (see transactionId).' },
    DECLINED: { description: 'Refused by platform staff (see declineReason); nothing was taken from the wallet.' },
    CANCELLED: { description: 'Withdrawn by the owner.' },
    FAILED: {
      description:
        'Approved, but the refund to the card failed at the payment provider (see failureReason): that credit (failedAmount) is back in the wallet; platform staff retry it.',
    },
  },
});

@ObjectType('RefundRequest', { description: "An owner's request of a refund of unused paid credit, decided by platform staff." })
export class RefundRequestObject {
  @Field(() => ID, { description: 'Unique id of the request.' })
  id!: string;
  @Field(() => ID, { description: 'The account.' })
  accountId!: string;
  @Field(() => String, { description: "The account's name." })
  accountName!: string;
  @Field(() => ID, { description: 'The wallet refunded from.' })
  walletId!: string;
  @Field(() => String, { description: "The wallet's currency (ISO 4217)." })
  currency!: string;
  @Field(() => MoneyScalar, { description: 'Credit asked for, in the wallet currency.' })
  amount!: bigint;
  @Field(() => String, { nullable: true, description: "The owner's reason, if given." })
  reason!: string | null;
  @Field(() => RefundRequestStatus, { description: 'Where it stands.' })
  status!: RefundRequestStatus;
  @Field(() => String, { nullable: true, description: "Platform staff's reason for declining; null unless DECLINED." })
  declineReason!: string | null;
  @Field(() => ID, { nullable: true, description: "The approval's wallet transaction (REFUND debit); null unless APPROVED or FAILED." })
  transactionId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The payment provider's reason the refund to the card failed (e.g. expired_or_canceled_card); null unless FAILED.",
  })
  failureReason!: string | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Credit that did not reach the card and is back in the wallet: what a retry refunds; null unless FAILED.',
  })
  failedAmount!: bigint | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the refund to the card failed; null unless FAILED.' })
  failedAt!: Date | null;
  @Field(() => Int, { description: 'Refunds run for it: 0 before approval, 1 at approval, one more per retry.' })
  attempts!: number;
  @Field(() => DateTimeResolver, { description: 'When it was asked for.' })
  createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was approved, declined or cancelled; null while PENDING.' })
  decidedAt!: Date | null;

  /** Actor text of who asked (resolved by `requestedBy`). */
  requestedByText!: string;
  /** Actor text of who decided (resolved by `decidedBy`). */
  decidedByText!: string | null;
}

/** The GraphQL view of a request. */
export function toRefundRequestObject(request: RefundRequest): RefundRequestObject {
  return Object.assign(new RefundRequestObject(), {
    id: request.id,
    accountId: request.accountId,
    accountName: request.accountName,
    walletId: request.walletId,
    currency: request.currency,
    amount: request.amountMicros,
    reason: request.reason,
    status: request.status,
    declineReason: request.declineReason,
    transactionId: request.walletTransactionId,
    failureReason: request.failureReason,
    failedAmount: request.failedMicros,
    failedAt: request.failedAt,
    attempts: request.attempts,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt,
    requestedByText: request.requestedBy,
    decidedByText: request.decidedBy,
  });
}

@InputType('RequestRefundInput', { description: 'A refund of unused paid credit to ask for.' })
export class RequestRefundInput {
  @Field(() => ID, { description: 'The wallet to refund from.' })
  walletId!: string;
  @Field(() => MoneyScalar, { description: 'Credit to refund: positive, whole cents, at most wallet.refundable.' })
  amount!: bigint;
  @Field(() => String, { nullable: true, description: 'Why (optional, up to 1,000 characters).' })
  reason?: string | null;
}

@InputType('DeclineRefundRequestInput', { description: 'A refund request to decline, and why.' })
export class DeclineRefundRequestInput {
  @Field(() => ID, { description: 'The request.' })
  id!: string;
  @Field(() => String, { description: 'Why (1 to 1,000 characters): the owner is told it by e-mail.' })
  reason!: string;
}

@ObjectType('RefundRequestPayload', { description: 'The result of a refund request mutation.' })
export class RefundRequestPayload {
  @Field(() => RefundRequestObject, { description: 'The request as it stands after the mutation.' })
  refundRequest!: RefundRequestObject;
  @Field(() => WalletObject, {
    nullable: true,
    description: 'The wallet after the mutation (after the refund for approveRefundRequest and retryRefundRequest).',
  })
  wallet!: WalletObject | null;
}
