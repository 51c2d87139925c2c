import type { Db } from '../../database/sql.js';
import { LruMap } from '../../lru-map.js';
import { findRatePlan, type RatePlanRecord } from './rate-plan.service.js';

type Rate = RatePlanRecord['rates'][number];

/** A cached plan with its rates by prefix (the longest matching prefix is found in at most 16 look-ups). */
interface CachedPlan {
  plan: RatePlanRecord;
  ratesByPrefix: Map<string, Rate>;
  longestPrefix: number;
}

/**
 * Rate plans by id, kept in this process: a plan and its rates are never changed once created (a
 * new price is a new plan), so a cached plan is never stale. Saves call set-up the two statements
 * that read a plan and every one of its rates per call, and finds a number's rate by its longest
 * prefix without scanning the plan. Holds at most `entriesMax` plans (the least recently used leaves).
 */
export class RatePlanCache {
  private readonly plans: LruMap<string, CachedPlan>;

  constructor(entriesMax: number) {
    this.plans = new LruMap(entriesMax);
  }

  /**
   * The plan `ratePlanId` and its rate for `e164` (undefined when no prefix matches).
   * @throws NotFoundError for an unknown plan (never cached).
   */
  async rateFor(db: Db, ratePlanId: string, e164: string): Promise<{ plan: RatePlanRecord; rate: Rate | undefined }> {
    let cached = this.plans.get(ratePlanId);
    if (!cached) {
      const plan = await findRatePlan(db, ratePlanId);
      cached = { plan, ratesByPrefix: new Map(plan.rates.map((rate) => [rate.prefix, rate])), longestPrefix: 0 };
      for (const rate of plan.rates) cached.longestPrefix = Math.max(cached.longestPrefix, rate.prefix.length);
      this.plans.set(ratePlanId, cached);
    }
    const digits = e164.startsWith('+') ? e164.slice(1) : e164;
    for (let length = Math.min(digits.length, cached.longestPrefix); length >= 0; length--) {
      const rate = cached.ratesByPrefix.get(digits.slice(0, length));
      if (rate) return { plan: cached.plan, rate };
    }
    return { plan: cached.plan, rate: undefined };
  }

  /** Whether plan `ratePlanId` is held now (for tests). */
  cached(ratePlanId: string): boolean {
    return this.plans.has(ratePlanId);
  }

  /** Plans held now. */
  get size(): number {
    return this.plans.size;
  }
}
