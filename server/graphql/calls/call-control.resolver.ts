import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { CallStatus } from '../../domain/calls/call-record.js';
import { hangUpCalls } from '../../domain/calls/hang-up-calls.service.js';
import { startCalls } from '../../domain/calls/start-calls.service.js';
import type { DomainError } from '../../errors.js';
import {
  CallItemError,
  EndCallResultStatus,
  EndCallsInput,
  EndCallsPayload,
  StartCallResultStatus,
  StartCallsInput,
  StartCallsPayload,
} from './call-control.types.js';
import { toCallObject } from './spend.mappers.js';

function toItemError(error: DomainError): CallItemError {
  return { code: error.code, message: error.message, field: (error.extensions.field as string | undefined) ?? null };
}

/** Call control in bulk for switches and dialers: many starts or hang-ups per request, each answered on its own. */
@Resolver()
export class CallControlResolver {
  @Mutation(() => StartCallsPayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: starts many calls, each exactly as startCall (its own idempotency key, authorisation and refusals), ' +
      'decided in the order given through the same batches, so funds, budgets, spend caps and the concurrent-call limit hold as one at a time; ' +
      'each call is answered on its own (STARTED, REPLAYED, or FAILED with its error code) and never fails another. BAD_USER_INPUT on `calls` ' +
      'for none or more than callControlItemsMax (1,000). Each call counts as one mutation against the rate limit.',
  })
  async startCalls(
    @Arg('input', () => StartCallsInput, { description: 'The calls to place.' }) input: StartCallsInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<StartCallsPayload> {
    const outcomes = await startCalls(em, spend.callDeps, {
      principal,
      calls: input.calls.map((call) => ({ campaignId: call.campaignId, to: call.to, idempotencyKey: call.idempotencyKey })),
      limits: config,
    });
    const nowMs = spend.clock.now();
    const counts = { activeCount: 0, refusedCount: 0, replayedCount: 0, failedCount: 0 };
    const results = outcomes.map((outcome, index) => {
      if (outcome.status === 'FAILED') {
        counts.failedCount += 1;
        return { index, status: StartCallResultStatus.FAILED, call: null, error: toItemError(outcome.error) };
      }
      if (outcome.status === 'REPLAYED') counts.replayedCount += 1;
      else if (outcome.call.status === CallStatus.ACTIVE) counts.activeCount += 1;
      else counts.refusedCount += 1;
      return { index, status: StartCallResultStatus[outcome.status], call: toCallObject(outcome.call, nowMs), error: null };
    });
    return Object.assign(new StartCallsPayload(), { results, ...counts });
  }

  @Mutation(() => EndCallsPayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: hangs up many calls, each exactly as endCall (billed, cost posted; an ended call comes back as it is), ' +
      'through the same batches; each answered on its own (ENDED, UNCHANGED, or FAILED with its error code, e.g. NOT_FOUND). BAD_USER_INPUT on ' +
      '`calls` for none or more than callControlItemsMax (1,000). Each call counts as one mutation against the rate limit.',
  })
  async endCalls(
    @Arg('input', () => EndCallsInput, { description: 'The calls to hang up.' }) input: EndCallsInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<EndCallsPayload> {
    const outcomes = await hangUpCalls(em, spend.callDeps, {
      principal,
      callIds: input.calls.map((call) => call.callId),
      limits: config,
    });
    const nowMs = spend.clock.now();
    const counts = { endedCount: 0, unchangedCount: 0, failedCount: 0 };
    const results = outcomes.map((outcome, index) => {
      if (outcome.status === 'FAILED') {
        counts.failedCount += 1;
        return { index, status: EndCallResultStatus.FAILED, call: null, error: toItemError(outcome.error) };
      }
      if (outcome.status === 'ENDED') counts.endedCount += 1;
      else counts.unchangedCount += 1;
      return { index, status: EndCallResultStatus[outcome.status], call: toCallObject(outcome.call, nowMs), error: null };
    });
    return Object.assign(new EndCallsPayload(), { results, ...counts });
  }
}
