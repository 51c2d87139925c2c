/**
 * A switch that enforces Spendwire's call grants, for the chaos storm and the tests: it holds each
 * call it connected up to the last `fundedUntil` it saw (from startCall, then from polling
 * `callGrants`), hangs the call up locally when that grant runs out without a later one (Diameter
 * credit control's Credit-Control-Failure-Handling = TERMINATE), records when it did, and then
 * sends `endCall` with the same call id and that time as `endedAt` until the server acknowledges it
 * (endCall is idempotent; `endedAt` keeps an extension the switch never saw from being billed).
 * A party's hang-up ({@link SwitchSimulator.hangUp}) stops the call the same way. Nothing here
 * needs the server or its database to stop a call: while they are unreachable the calls end at
 * their grants.
 */
import type { ApiClient, Outcome } from './api-client.js';

/** What the switch did with one call. */
export interface SwitchCall {
  callId: string;
  /** The key its endCall goes with (the account that placed it). */
  token: string;
  /** The last grant seen: the call may stay up until this time (epoch ms, the server's clock). */
  grantMs: number;
  /** Grants later than the first one that the switch learned of (from the poll). */
  extensionsSeen: number;
  /** When the switch put the call through (epoch ms). */
  connectedAtMs: number;
  /** When the switch hung it up (epoch ms); undefined while it is up. */
  stoppedAtMs?: number;
  /**
   * Why: `grant` (its grant ran out with no later one seen), `party` (a party hung up), `server`
   * (a poll said the server had ended it), `late` (startCall's answer came after its grant: never
   * put through).
   */
  stopCause?: 'grant' | 'party' | 'server' | 'late';
  /** The server acknowledged its endCall (ok, or a refusal such as NOT_FOUND). */
  endAcknowledged: boolean;
}

/** Options of {@link SwitchSimulator}. */
export interface SwitchOptions {
  api: ApiClient;
  /** The key the poll runs with: the operator's sees every account's calls in one read. */
  pollToken: string;
  /** How often the grants of calls near their end are read, in ms. @default 250 (a quarter of the server's 1 s billing lead) */
  pollIntervalMs?: number;
  /** Longest wait for one poll's answer, in ms; a late answer is dropped. @default 1000 */
  pollTimeoutMs?: number;
  /** Calls whose grant ends within this are polled, in ms. @default 3000 */
  pollHorizonMs?: number;
  /** Resolution of the hang-up timer, in ms. @default 20 */
  tickMs?: number;
  /** Most ids per poll request (the server's callGrantIdsMax). @default 1000 */
  idsPerPollMax?: number;
}

const END_CALL = 'mutation E($input: EndCallInput!) { endCall(input: $input) { call { id status } } }';
const CALL_GRANTS = 'query G($ids: [ID!]!) { callGrants(ids: $ids) { grants { callId status fundedUntil } } }';

export class SwitchSimulator {
  /** Every call the switch connected (or was told of), by id. */
  readonly calls = new Map<string, SwitchCall>();
  /** Polls answered, and polls that failed or timed out. */
  polls = 0;
  pollFailures = 0;
  private readonly up = new Set<SwitchCall>();
  private readonly ending = new Set<Promise<Outcome>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private polling = false;
  private turn = 0;
  private closed = false;
  private readonly options: Required<SwitchOptions>;

  constructor(options: SwitchOptions) {
    this.options = { pollIntervalMs: 250, pollTimeoutMs: 1_000, pollHorizonMs: 3_000, tickMs: 20, idsPerPollMax: 1_000, ...options };
    this.timers.push(setInterval(() => this.tick(), this.options.tickMs));
    this.timers.push(setInterval(() => void this.poll(), this.options.pollIntervalMs));
  }

  /** Whether the call is up on this switch. */
  isUp(callId: string): boolean {
    const call = this.calls.get(callId);
    return call !== undefined && call.stoppedAtMs === undefined;
  }

  /**
   * Puts through a call startCall (or startCalls) answered ACTIVE with this grant. Told again of a
   * call it knows (a replayed start), it keeps the later grant; a call it hung up stays down. A call
   * whose grant had already run out when the answer came is never put through: it is ended at once.
   */
  connect(callId: string, token: string, fundedUntil: string): void {
    const grantMs = Date.parse(fundedUntil);
    const known = this.calls.get(callId);
    if (known) {
      if (known.stoppedAtMs === undefined && grantMs > known.grantMs) known.grantMs = grantMs;
      return;
    }
    const nowMs = Date.now();
    const call: SwitchCall = { callId, token, grantMs, extensionsSeen: 0, connectedAtMs: nowMs, endAcknowledged: false };
    this.calls.set(callId, call);
    this.up.add(call);
    if (grantMs <= nowMs) this.stop(call, 'late', nowMs);
  }

  /** A party hangs up: the call stops now (unless it already had) and its endCall is sent until acknowledged; resolves with endCall's last outcome. */
  hangUp(callId: string): Promise<Outcome> {
    const call = this.calls.get(callId);
    if (!call) throw new Error(`the switch never connected call ${callId}`);
    if (call.stoppedAtMs === undefined) return this.stop(call, 'party', Date.now());
    return this.sendEnd(call);
  }

  /** Hangs up every call still up (as parties would) and waits until every endCall sent is acknowledged or given up. */
  async endAll(): Promise<void> {
    for (const call of [...this.up]) void this.stop(call, 'party', Date.now());
    while (this.ending.size > 0) await Promise.allSettled([...this.ending]);
  }

  /** Stops the timers and the endCall retries (those in flight end with their current attempt). */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
  }

  /** Hangs up every call whose grant has run out. */
  private tick(): void {
    const nowMs = Date.now();
    for (const call of this.up) if (call.grantMs <= nowMs) void this.stop(call, 'grant', nowMs);
  }

  private stop(call: SwitchCall, cause: NonNullable<SwitchCall['stopCause']>, atMs: number): Promise<Outcome> {
    call.stoppedAtMs = atMs;
    call.stopCause = cause;
    this.up.delete(call);
    return this.sendEnd(call);
  }

  /** endCall with the same call id until the server answers it (each round is the API client's retries for 90 s). */
  private sendEnd(call: SwitchCall): Promise<Outcome> {
    const sending = (async () => {
      for (;;) {
        const input = { callId: call.callId, endedAt: reportedEndMs(call) };
        const outcome = await this.options.api.run(call.token, END_CALL, { input });
        if (outcome.kind !== 'unknown' || this.closed) {
          call.endAcknowledged = outcome.kind !== 'unknown';
          return outcome;
        }
      }
    })();
    this.ending.add(sending);
    void sending.finally(() => this.ending.delete(sending));
    return sending;
  }

  /** One read of the grants of the calls up whose grant ends within the horizon; one at a time, on the processes in turn. */
  private async poll(): Promise<void> {
    if (this.polling || this.closed) return;
    const horizonMs = Date.now() + this.options.pollHorizonMs;
    const ids = [...this.up].filter((call) => call.grantMs <= horizonMs).map((call) => call.callId);
    if (ids.length === 0) return;
    this.polling = true;
    try {
      for (let from = 0; from < ids.length; from += this.options.idsPerPollMax) {
        const body = JSON.stringify({ query: CALL_GRANTS, variables: { ids: ids.slice(from, from + this.options.idsPerPollMax) } });
        const answer = await this.options.api
          .attempt(this.turn++ % this.options.api.processCount, this.options.pollToken, body, this.options.pollTimeoutMs)
          .catch(() => undefined);
        const grants = answer?.status === 200 ? parseGrants(answer.body) : undefined;
        if (!grants) {
          this.pollFailures++;
          continue;
        }
        this.polls++;
        this.apply(grants);
      }
    } finally {
      this.polling = false;
    }
  }

  private apply(grants: { callId: string; status: string | null; fundedUntil: string | null }[]): void {
    const nowMs = Date.now();
    for (const grant of grants) {
      const call = this.calls.get(grant.callId);
      // A grant that arrives after the call was hung up is too late: the switch never brings a call back.
      if (!call || call.stoppedAtMs !== undefined || grant.status === null) continue;
      if (grant.status !== 'ACTIVE') {
        void this.stop(call, 'server', nowMs);
        continue;
      }
      const grantMs = grant.fundedUntil === null ? Number.NaN : Date.parse(grant.fundedUntil);
      if (grantMs > call.grantMs) {
        call.grantMs = grantMs;
        call.extensionsSeen++;
      }
    }
  }
}

/**
 * The hang-up time the switch reports as endCall's `endedAt`: when it hung up, but a call cut because its grant ran out
 * is reported at its grant (the hang-up timer's tick is this simulator's resolution, not time carried).
 */
function reportedEndMs(call: SwitchCall): string | null {
  if (call.stoppedAtMs === undefined) return null;
  return new Date(call.stopCause === 'grant' ? Math.min(call.stoppedAtMs, call.grantMs) : call.stoppedAtMs).toISOString();
}

function parseGrants(body: string): { callId: string; status: string | null; fundedUntil: string | null }[] | undefined {
  try {
    const parsed = JSON.parse(body) as { data?: { callGrants?: { grants: never[] } }; errors?: unknown[] };
    return parsed.errors ? undefined : parsed.data?.callGrants?.grants;
  } catch {
    return undefined;
  }
}
