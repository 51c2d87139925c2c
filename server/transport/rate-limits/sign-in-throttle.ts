import { createHash } from 'node:crypto';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { RateLimited } from './shared-budget.js';

/** One thing whose failed attempts are counted: an e-mail, an invitation, a client IP address. */
export interface ThrottleSubject {
  /** e.g. `email:ann@example.com`; stored hashed. */
  key: string;
  /** Failures after which the subject is locked out. */
  failuresBeforeLockout: number;
  /** The setting named in a refusal. */
  limit: string;
  /** Whether a success forgets the subject's failures (the e-mail's: yes; the IP's: no, a valid account must not launder a spray). */
  resetOnSuccess: boolean;
}

/** An attempt under way: settle it once the credential was checked. */
export interface ThrottledAttempt {
  /** The credential was right: forgets the failures of the subjects that reset, and takes back this attempt's count from the others. */
  succeeded(): Promise<void>;
}

/** Options of {@link SignInThrottle}. */
export interface SignInThrottleOptions {
  /** Failure counters: rate-limiter-flexible's PostgreSQL store, `duration` = how long failures are remembered. */
  failures: RateLimiterPostgres;
  /** Lockouts (`block`ed keys) in the same table. */
  lockouts: RateLimiterPostgres;
  /** First lockout, in milliseconds; each further failure doubles it. */
  lockoutInitialMs: number;
  /** Longest lockout, in milliseconds. */
  lockoutMaxMs: number;
}

const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');

/**
 * Exponential lockout of password guessing, shared by every server process (PostgreSQL), checked
 * BEFORE the scrypt check so a locked-out guess costs no hashing.
 *
 * {@link begin} refuses while any subject is locked out; otherwise it counts the attempt as a
 * failure at once (so concurrent guesses count before any of them finishes), and a subject that
 * reaches `failuresBeforeLockout` failures is locked out for `lockoutInitialMs`, doubled at each
 * further failure, at most `lockoutMaxMs`. A success undoes its count.
 */
export class SignInThrottle {
  constructor(private readonly options: SignInThrottleOptions) {}

  /** @returns a refusal while a subject is locked out, else the attempt to settle. */
  async begin(subjects: readonly ThrottleSubject[]): Promise<RateLimited | ThrottledAttempt> {
    const keys = subjects.map((subject) => hashed(subject.key));
    const locks = await Promise.all(keys.map((key) => this.options.lockouts.get(key)));
    let refusal: RateLimited | undefined;
    locks.forEach((lock, index) => {
      // A blocked key holds more points than the store allows (rate-limiter-flexible's `block`).
      if (lock && lock.consumedPoints > this.options.lockouts.points && lock.msBeforeNext > 0) {
        if (!refusal || lock.msBeforeNext > refusal.retryAfterMs) refusal = new RateLimited(lock.msBeforeNext, subjects[index]!.limit);
      }
    });
    if (refusal) return refusal;
    const counts = await Promise.all(keys.map((key) => this.options.failures.penalty(key, 1)));
    /** The subjects this attempt locked out (undone if it succeeds). */
    const locked = await Promise.all(
      subjects.map(async (subject, index) => {
        const failures = counts[index]!.consumedPoints;
        if (failures < subject.failuresBeforeLockout) return false;
        const lockoutMs = Math.min(
          this.options.lockoutInitialMs * 2 ** Math.min(failures - subject.failuresBeforeLockout, 40),
          this.options.lockoutMaxMs,
        );
        await this.options.lockouts.block(keys[index]!, lockoutMs / 1000);
        return true;
      }),
    );
    return {
      succeeded: async () => {
        await Promise.all(
          subjects.map(async (subject, index) => {
            const key = keys[index]!;
            if (subject.resetOnSuccess) {
              await Promise.all([this.options.failures.delete(key), this.options.lockouts.delete(key)]);
              return;
            }
            // Not a failure after all: its count, and the lockout it set, are taken back.
            await this.options.failures.reward(key, 1);
            if (locked[index]) await this.options.lockouts.delete(key);
          }),
        );
      },
    };
  }
}
