import { RateLimited, type RateLimits } from '../transport/rate-limits/rate-limits.js';
import type { Metrics } from './metrics.js';

/**
 * `limits` counting each refusal in `rate_limit_refusals_total` by the limit's setting name
 * (GraphQL budgets, refusals before parsing, sign-in lockouts, sign-ups per IP, sockets and
 * subscriptions per key). The same limits otherwise: every decision is still theirs.
 */
export function countRateLimitRefusals(limits: RateLimits, metrics: Metrics | undefined): RateLimits {
  if (!metrics || !limits.enabled) return limits;
  const counted = <T>(answer: T): T => {
    if (answer instanceof RateLimited) metrics.rateLimitRefusals.inc({ limit: answer.limit });
    return answer;
  };
  const { signIn, signUp, sockets } = limits;
  if (signIn) {
    const begin = signIn.begin.bind(signIn);
    signIn.begin = async (subjects) => counted(await begin(subjects));
  }
  if (sockets) {
    const openSocket = sockets.openSocket.bind(sockets);
    const openSubscription = sockets.openSubscription.bind(sockets);
    sockets.openSocket = (key, socket) => {
      const admitted = openSocket(key, socket);
      if (!admitted) metrics.rateLimitRefusals.inc({ limit: 'socketsPerKeyMax' });
      return admitted;
    };
    sockets.openSubscription = (key, socket, id) => {
      const admitted = openSubscription(key, socket, id);
      if (!admitted) metrics.rateLimitRefusals.inc({ limit: 'subscriptionsPerKeyMax' });
      return admitted;
    };
  }
  return {
    ...limits,
    chargeOperation: (...args) => {
      const answer = limits.chargeOperation(...args);
      return answer instanceof Promise ? answer.then(counted) : counted(answer);
    },
    refusalBeforeParsing: (...args) => counted(limits.refusalBeforeParsing(...args)),
    signUp: signUp && (async (ip) => counted(await signUp(ip))),
  };
}
