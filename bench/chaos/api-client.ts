/**
 * The storm's GraphQL client over HTTP: one keep-alive agent per server process, a per-attempt
 * timeout, and retries of unknown outcomes (network errors, timeouts, HTTP 5xx,
 * `SERVICE_UNAVAILABLE`, `OPERATION_TIMEOUT`, `INTERNAL_SERVER_ERROR`, `PAYMENT_PROVIDER_ERROR`)
 * with the same request — and so the same idempotency key — on the next process in turn, as a
 * client behind a load balancer would, until a deadline.
 */
import http from 'node:http';

/** Longest wait for one HTTP answer, in ms: past it the attempt counts as an unknown outcome. */
export const ATTEMPT_TIMEOUT_MS = 15_000;
/** How long one operation is retried before its outcome stays unknown, in ms. */
export const RETRY_BUDGET_MS = 90_000;
/** Error codes whose operation may or may not have happened: retried with the same key. */
const UNKNOWN_OUTCOME_CODES = new Set([
  'SERVICE_UNAVAILABLE',
  'OPERATION_TIMEOUT',
  // A retry that finds its own first attempt still running, or its outcome not yet known (a purchase under the same key).
  'OPERATION_IN_PROGRESS',
  'INTERNAL_SERVER_ERROR',
  'PAYMENT_PROVIDER_ERROR',
]);

/** How one operation ended, after its retries. */
export type Outcome = (
  | { kind: 'ok'; data: any }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'unknown'; reason: string }
) & {
  attempts: number;
  /** From the first attempt to the answer, retries included, in ms. */
  durationMs: number;
};

/** Where the server processes listen; `ports[i]` may change across a restart (it does not here). */
export interface ApiTargets {
  ports: number[];
}

export class ApiClient {
  private readonly agents: http.Agent[];
  private turn = 0;
  /** Attempts that ended in an unknown outcome and were retried. */
  retries = 0;
  /** Why attempts were retried: reason (its first 80 characters) → count. */
  readonly retryReasons = new Map<string, number>();

  constructor(
    private readonly targets: ApiTargets,
    concurrency: number,
  ) {
    this.agents = targets.ports.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency + 4 }));
  }

  /** How many server processes the client spreads its attempts over. */
  get processCount(): number {
    return this.targets.ports.length;
  }

  /** One attempt on process `index`, given up (rejected) after `timeoutMs`. */
  attempt(index: number, token: string, body: string, timeoutMs = ATTEMPT_TIMEOUT_MS): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.targets.ports[index],
          path: '/graphql',
          method: 'POST',
          agent: this.agents[index],
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', reject);
      request.end(body);
    });
  }

  /**
   * Runs one operation, retrying unknown outcomes on the processes in turn for up to
   * `budgetMs`; a domain error (any other `extensions.code`) is a refusal, not retried.
   */
  async run(token: string, query: string, variables: Record<string, unknown>, budgetMs = RETRY_BUDGET_MS): Promise<Outcome> {
    const body = JSON.stringify({ query, variables });
    const started = performance.now();
    const deadline = Date.now() + budgetMs;
    let reason = '';
    let delayMs = 50;
    for (let attempts = 1; ; attempts++) {
      const index = this.turn++ % this.targets.ports.length;
      try {
        const answer = await this.attempt(index, token, body);
        let parsed: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
        try {
          parsed = JSON.parse(answer.body);
        } catch {
          parsed = undefined;
        }
        const error = parsed?.errors?.[0];
        const code = error?.extensions?.code ?? '';
        if (answer.status === 200 && parsed?.data && !error)
          return { kind: 'ok', data: parsed.data, attempts, durationMs: performance.now() - started };
        if (error && !UNKNOWN_OUTCOME_CODES.has(code) && answer.status < 500) {
          return { kind: 'refused', code, message: error.message, attempts, durationMs: performance.now() - started };
        }
        reason = `HTTP ${answer.status} ${code} ${error?.message ?? answer.body.slice(0, 120)}`;
      } catch (failure) {
        reason = (failure as Error).message;
      }
      if (Date.now() + delayMs > deadline) return { kind: 'unknown', reason, attempts, durationMs: performance.now() - started };
      this.retries++;
      const shortReason = reason.slice(0, 80);
      this.retryReasons.set(shortReason, (this.retryReasons.get(shortReason) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(2_000, delayMs * 2);
    }
  }

  /** An operation that must succeed (set-up): retried like any other; @throws when it does not succeed. */
  async ok<T = any>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const outcome = await this.run(token, query, variables);
    if (outcome.kind !== 'ok') throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(outcome)}`);
    return outcome.data as T;
  }

  close(): void {
    for (const agent of this.agents) agent.destroy();
  }
}
