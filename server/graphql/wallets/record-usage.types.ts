import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../scalars/money.scalar.js';
import type { UsageEventOutcome } from '../../domain/wallets/record-usage.service.js';
import { TransactionObject, toTransactionObject } from './wallet.type.js';

/** What became of one usage event. */
export enum UsageEventStatus {
  POSTED = 'POSTED',
  REPLAYED = 'REPLAYED',
  REFUSED = 'REFUSED',
}

registerEnumType(UsageEventStatus, {
  name: 'UsageEventStatus',
  description: 'What became of one usage event of recordUsage.',
  valuesConfig: {
    POSTED: { description: 'Charged now: `transaction` is the new CHARGE.' },
    REPLAYED: {
      description: 'Its idempotency key and parameters were on record: nothing new was charged; `transaction` is the first one.',
    },
    REFUSED: { description: 'Not charged, nothing written for it: `error` says why. The other events are not affected.' },
  },
});

@InputType('UsageEventInput', { description: "One usage event: a charge of one of the caller's wallets, as ChargeInput describes it." })
export class UsageEventInput {
  @Field(() => ID, {
    description: "The wallet to debit (one of the caller's; another account's is refused NOT_FOUND for this event only).",
  })
  walletId!: string;

  @Field(() => MoneyScalar, { description: 'Positive amount to debit, in the wallet currency.' })
  amount!: bigint;

  @Field(() => String, { nullable: true, description: 'What it is for (1–500 characters). Default "Charge".' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Retry-safe key of this event, scoped to the account and shared with charge: the same key and parameters replay the first result.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The campaign the charge belongs to.', nullable: true })
  campaignId?: string | null;
}

@InputType('RecordUsageInput', { description: 'A batch of usage events, charged in the order given.' })
export class RecordUsageInput {
  @Field(() => [UsageEventInput], {
    description: '1 to usageEventsPerCallMax (default 1,000) events; each counts as one mutation against the rate limit.',
  })
  events!: UsageEventInput[];
}

// simpleResolvers: graphql reads these plain fields itself. Without it type-graphql wraps every field in
// a resolver that builds a middleware context per value, though the schema has no global middleware and
// no auth checker (the wrapper only returns root[field]); a 500-event recordUsage answer completes
// ~3,000 such fields. A @FieldResolver of these types keeps its own resolver; a global middleware added
// later would skip these fields (see schema.ts).
@ObjectType('UsageEventError', { description: 'Why a usage event was refused.', simpleResolvers: true })
export class UsageEventError {
  @Field(() => String, {
    description:
      'A value of ErrorCode: NOT_FOUND, INSUFFICIENT_FUNDS, BAD_USER_INPUT, IDEMPOTENCY_KEY_REUSED, SPEND_CAP_REACHED, WALLET_SUSPENDED, …',
  })
  code!: string;

  @Field(() => String, { description: 'Human-readable; branch on code, never on the message.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The event field at fault, for BAD_USER_INPUT and IDEMPOTENCY_KEY_REUSED.' })
  field?: string | null;
}

@ObjectType('UsageEventResult', { description: 'The result of one usage event, at its index in the input.', simpleResolvers: true })
export class UsageEventResult {
  @Field(() => Int, { description: "The event's position in `events`, from 0." })
  index!: number;

  @Field(() => UsageEventStatus, { description: 'Posted, replayed or refused.' })
  status!: UsageEventStatus;

  @Field(() => TransactionObject, {
    nullable: true,
    description: 'The CHARGE (on a replay: the one the key first made); null when refused.',
  })
  transaction?: TransactionObject | null;

  @Field(() => UsageEventError, { nullable: true, description: 'Why it was refused; null otherwise.' })
  error?: UsageEventError | null;
}

@ObjectType('RecordUsagePayload', {
  description: 'The result of recordUsage: one result per event, in input order.',
  simpleResolvers: true,
})
export class RecordUsagePayload {
  /** The service's outcomes, in input order: `results` reads them. */
  readonly #outcomes: readonly UsageEventOutcome[];
  #results: UsageEventResult[] | undefined;

  /**
   * Made when the operation first reads it, not before: a client that asks for the counts alone (as one
   * that reconciles later does) spares the server 500 transaction views for a 500-event batch. Declared
   * first: the schema lists the fields in declaration order.
   */
  @Field(() => [UsageEventResult], { description: 'One per event, in input order.' })
  get results(): UsageEventResult[] {
    this.#results ??= this.#outcomes.map(toUsageEventResult);
    return this.#results;
  }

  @Field(() => Int, { description: 'Events charged now.' })
  postedCount: number;

  @Field(() => Int, { description: 'Events that replayed an earlier result of their key.' })
  replayedCount: number;

  @Field(() => Int, { description: 'Events refused.' })
  refusedCount: number;

  /** The payload of `outcomes` (one per event, in input order). */
  constructor(outcomes: readonly UsageEventOutcome[]) {
    this.#outcomes = outcomes;
    const counts = { POSTED: 0, REPLAYED: 0, REFUSED: 0 };
    for (const outcome of outcomes) counts[outcome.status] += 1;
    this.postedCount = counts.POSTED;
    this.replayedCount = counts.REPLAYED;
    this.refusedCount = counts.REFUSED;
  }
}

/** The GraphQL view of one event's outcome, at its `index` in the input. */
function toUsageEventResult(outcome: UsageEventOutcome, index: number): UsageEventResult {
  return outcome.posted
    ? { index, status: outcome.status as UsageEventStatus, transaction: toTransactionObject(outcome.posted.transaction), error: null }
    : {
        index,
        status: UsageEventStatus.REFUSED,
        transaction: null,
        error: {
          code: outcome.error.code,
          message: outcome.error.message,
          field: (outcome.error.extensions.field as string | undefined) ?? null,
        },
      };
}
