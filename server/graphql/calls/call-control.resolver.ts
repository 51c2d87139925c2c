import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { CallStatus } from '../../domain/calls/call-record.js';
import { hangUpCalls } from '../../domain/calls/hang-up-calls.service.js';
import { readCallGrants } from '../../domain/calls/read-call-grants.service.js';
import { startCalls } from '../../domain/calls/start-calls.service.js';
import type { DomainError } from '../../errors.js';
import {
  CallGrantsObject,
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

/** Call control in bulk for switches and dialers: many starts or hang-ups per request, each answered on its own; grants polled in bulk. */
@Resolver()
export class CallControlResolver {
  @Query(() => CallGrantsObject, {
    description:
      'The grants of many calls in one read, for a switch that enforces them (Diameter credit control with Credit-Control-Failure-Handling ' +
      '= TERMINATE): the switch hangs each call up at the last fundedUntil it saw (from startCall, startCalls or this read) unless it has ' +
      'seen a later one, and then sends endCall (idempotent: retry it with the same call id until answered). The billing clock extends an ' +
      "ACTIVE call's grant billingClockLeadMs (default 1 s, at most one increment) before it runs out, so poll the calls whose grant ends " +
      'within about that lead, more often than the lead (e.g. every 250 ms). While the server or its database is unreachable no grant is ' +
      'extended and the calls end at their grants: a call with money left may be cut by an outage (fail-safe); a grant that ran out is ' +
      "never extended afterwards (the server ends the call at its fundedUntil as a hang-up), and endCall later bills min(its arrival, fundedUntil); send the switch's hang-up time as endCall's endedAt so that the increment reserved by an extension the switch did not see is not billed. One statement, nothing written; BAD_USER_INPUT on `ids` for none or more than callGrantIdsMax (1,000).",
  })
  async callGrants(
    @Arg('ids', () => [ID], {
      description: "1 to callGrantIdsMax (default 1,000) call ids; another account's or an unknown id has a null status.",
    })
    ids: string[],
    @Ctx() { principal, config, spend }: Context,
  ): Promise<CallGrantsObject> {
    const at = new Date(spend.clock.now());
    const grants = await readCallGrants(spend.sqlEm, { principal, callIds: ids, limits: config });
    return Object.assign(new CallGrantsObject(), {
      at,
      grants: grants.map((grant) => ({
        callId: grant.callId,
        status: grant.status,
        fundedUntil: grant.fundedUntilMs === null ? null : new Date(grant.fundedUntilMs),
      })),
    });
  }

  @Mutation(() => StartCallsPayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: starts many calls, each exactly as startCall (its own idempotency key, authorisation and refusals), ' +
      'decided in the order given through the same batches, so funds, budgets, spend caps and the concurrent-call limit hold as one at a time; ' +
      'each call is answered on its own (STARTED, REPLAYED, or FAILED with its error code) and never fails another. BAD_USER_INPUT on `calls` ' +
      'for none or more than callControlItemsMax (1,000). Each call counts as one mutation against the rate limit. While the billing clock is ' +
      'running late every call of the list not replayed is FAILED with BILLING_CLOCK_BEHIND (nothing written): retry them with their keys.',
  })
  async startCalls(
    @Arg('input', () => StartCallsInput, { description: 'The calls to place.' }) input: StartCallsInput,
    @Ctx() { principal, config, spend }: Context,
  ): Promise<StartCallsPayload> {
    const outcomes = await startCalls(spend.sqlEm, spend.callDeps, {
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
    @Ctx() { principal, config, spend }: Context,
  ): Promise<EndCallsPayload> {
    const outcomes = await hangUpCalls(spend.sqlEm, spend.callDeps, {
      principal,
      callIds: input.calls.map((call) => call.callId),
      endedAtsMs: input.calls.map((call) => call.endedAt?.getTime() ?? null),
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
