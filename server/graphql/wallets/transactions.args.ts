import { ArgsType, Field, ID, Int } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { TransactionKind, TransactionStatus, TransactionType } from '../enums.js';

/** Arguments of `Wallet.transactions`: a Relay page (newest first) and optional filters. */
@ArgsType()
export class TransactionsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;

  @Field(() => TransactionType, { description: 'Only credits or only debits.', nullable: true })
  type?: TransactionType | null;

  @Field(() => TransactionKind, { description: 'Only transactions of this kind.', nullable: true })
  kind?: TransactionKind | null;

  @Field(() => TransactionStatus, { description: 'Only transactions in this status.', nullable: true })
  status?: TransactionStatus | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Created at or after (inclusive).' })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Created before (exclusive).' })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: "Only the campaign's transactions (its calls, messages and charges)." })
  campaignId?: string | null;
}
