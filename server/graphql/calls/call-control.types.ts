import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CallStatus } from '../enums.js';
import { CallObject, EndCallInput, StartCallInput } from './spend.types.js';

/** What became of one call of startCalls. */
export enum StartCallResultStatus {
  STARTED = 'STARTED',
  REPLAYED = 'REPLAYED',
  FAILED = 'FAILED',
}

registerEnumType(StartCallResultStatus, {
  name: 'StartCallResultStatus',
  description: 'What became of one call of startCalls.',
  valuesConfig: {
    STARTED: {
      description:
        'A new call, as startCall answers: ACTIVE, or REFUSED with its endReason (a call that cannot be funded; it stops the campaign, and the later calls of that campaign FAIL with CAMPAIGN_NOT_RUNNING).',
    },
    REPLAYED: { description: 'Its idempotency key had started this call already: `call` is that call; nothing new was started.' },
    FAILED: {
      description:
        'Not started, nothing written for it: `error` says why (what startCall would have thrown). The other calls are not affected.',
    },
  },
});

/** What became of one hang-up of endCalls. */
export enum EndCallResultStatus {
  ENDED = 'ENDED',
  UNCHANGED = 'UNCHANGED',
  FAILED = 'FAILED',
}

registerEnumType(EndCallResultStatus, {
  name: 'EndCallResultStatus',
  description: 'What became of one hang-up of endCalls.',
  valuesConfig: {
    ENDED: { description: 'This request ended the call: its time is billed and its cost posted.' },
    UNCHANGED: {
      description:
        'The call had already ended (the server stopped it, an earlier hang-up, or the same id earlier in the list): `call` as it is.',
    },
    FAILED: {
      description: 'Not ended: `error` says why (what endCall would have thrown, e.g. NOT_FOUND). The other calls are not affected.',
    },
  },
});

@InputType('StartCallsInput', { description: 'Many calls to place, started in the order given.' })
export class StartCallsInput {
  @Field(() => [StartCallInput], {
    description:
      '1 to callControlItemsMax (default 1,000) calls, each as startCall takes it; each counts as one mutation against the rate limit.',
  })
  calls!: StartCallInput[];
}

@InputType('EndCallsInput', { description: 'Many calls to hang up, in the order given.' })
export class EndCallsInput {
  @Field(() => [EndCallInput], {
    description:
      '1 to callControlItemsMax (default 1,000) calls, each as endCall takes it; each counts as one mutation against the rate limit.',
  })
  calls!: EndCallInput[];
}

@ObjectType('CallItemError', { description: 'Why one call of startCalls or endCalls failed.' })
export class CallItemError {
  @Field(() => String, {
    description:
      'A value of ErrorCode: NOT_FOUND, CAMPAIGN_NOT_RUNNING, LIMIT_EXCEEDED, BAD_USER_INPUT, IDEMPOTENCY_KEY_REUSED, EMAIL_NOT_VERIFIED, BILLING_CLOCK_BEHIND, …',
  })
  code!: string;

  @Field(() => String, { description: 'Human-readable; branch on code, never on the message.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The input field at fault, for BAD_USER_INPUT and IDEMPOTENCY_KEY_REUSED.' })
  field?: string | null;
}

@ObjectType('StartCallResult', { description: 'The result of one call of startCalls, at its index in the input.' })
export class StartCallResult {
  @Field(() => Int, { description: "The call's position in `calls`, from 0." })
  index!: number;

  @Field(() => StartCallResultStatus, { description: 'Started, replayed or failed.' })
  status!: StartCallResultStatus;

  @Field(() => CallObject, { nullable: true, description: 'The call (ACTIVE, or REFUSED with its endReason); null when FAILED.' })
  call?: CallObject | null;

  @Field(() => CallItemError, { nullable: true, description: 'Why it failed; null otherwise.' })
  error?: CallItemError | null;
}

@ObjectType('StartCallsPayload', { description: 'The result of startCalls: one result per call, in input order.' })
export class StartCallsPayload {
  @Field(() => [StartCallResult], { description: 'One per call, in input order.' })
  results!: StartCallResult[];

  @Field(() => Int, { description: 'Calls started now and ACTIVE.' })
  activeCount!: number;

  @Field(() => Int, { description: 'Calls started now but REFUSED (not funded: insufficient funds, budget, spend cap, suspended wallet).' })
  refusedCount!: number;

  @Field(() => Int, { description: 'Calls whose key had started them already.' })
  replayedCount!: number;

  @Field(() => Int, { description: 'Calls that failed (an error, nothing written).' })
  failedCount!: number;
}

@ObjectType('EndCallResult', { description: 'The result of one hang-up of endCalls, at its index in the input.' })
export class EndCallResult {
  @Field(() => Int, { description: "The hang-up's position in `calls`, from 0." })
  index!: number;

  @Field(() => EndCallResultStatus, { description: 'Ended, unchanged or failed.' })
  status!: EndCallResultStatus;

  @Field(() => CallObject, { nullable: true, description: 'The call as ended; null when FAILED.' })
  call?: CallObject | null;

  @Field(() => CallItemError, { nullable: true, description: 'Why it failed; null otherwise.' })
  error?: CallItemError | null;
}

@ObjectType('EndCallsPayload', { description: 'The result of endCalls: one result per hang-up, in input order.' })
export class EndCallsPayload {
  @Field(() => [EndCallResult], { description: 'One per hang-up, in input order.' })
  results!: EndCallResult[];

  @Field(() => Int, { description: 'Calls this request ended.' })
  endedCount!: number;

  @Field(() => Int, { description: 'Calls that had already ended.' })
  unchangedCount!: number;

  @Field(() => Int, { description: 'Hang-ups that failed.' })
  failedCount!: number;
}

@ObjectType('CallGrant', {
  description:
    "One call's grant, as a switch follows it: the switch hangs the call up at the last fundedUntil it saw, unless it has seen a later one.",
})
export class CallGrantObject {
  @Field(() => ID, { description: 'The id asked for, as given.' })
  callId!: string;

  @Field(() => CallStatus, {
    nullable: true,
    description:
      'ACTIVE, or how it ended (COMPLETED, STOPPED, REFUSED): hang up at once when not ACTIVE. Null: no call of the caller has this id.',
  })
  status!: CallStatus | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      'While ACTIVE: the time the call is paid up to (Call.fundedUntil), never earlier than a grant seen before. Null once ended or when unknown.',
  })
  fundedUntil!: Date | null;
}

@ObjectType('CallGrants', { description: 'The result of callGrants: one grant per id asked for, in input order.' })
export class CallGrantsObject {
  @Field(() => DateTimeResolver, {
    description:
      "The server's time of the read: a switch whose clock differs from it by more than a few ms should allow for the difference.",
  })
  at!: Date;

  @Field(() => [CallGrantObject], { description: 'One per id asked for, in input order.' })
  grants!: CallGrantObject[];
}
