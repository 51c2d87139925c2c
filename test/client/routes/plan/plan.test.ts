// Goal: the Plan page lets only owners change the plan and shows call time, the allowance's share used and the overage rate as people read them; method: examples at the boundaries (no allowance, over 100 %, whole and partial minutes).
import { describe, expect, it } from 'vitest';
import {
  allowanceUsedPercent,
  canChangePlan,
  formatCallTime,
  overageText,
  roleWithArticle,
} from '../../../../client/src/routes/plan/plan.js';

describe('plan', () => {
  it('lets only owners subscribe and cancel', () => {
    expect(['OWNER', 'INTEGRATOR', 'CAMPAIGN_MANAGER'].map((role) => canChangePlan(role as never))).toEqual([true, false, false]);
  });

  it('writes call time in minutes and seconds', () => {
    expect(formatCallTime(0)).toBe('0 min');
    expect(formatCallTime(45)).toBe('45 s');
    expect(formatCallTime(60)).toBe('1 min');
    expect(formatCallTime(90)).toBe('1 min 30 s');
    expect(formatCallTime(60_000 * 60)).toBe('60,000 min');
  });

  it('counts calls in progress as used, and caps the share at 100 %', () => {
    expect(allowanceUsedPercent({ allowanceSeconds: 600, usedSeconds: 60, reservedSeconds: 0 })).toBe(10);
    expect(allowanceUsedPercent({ allowanceSeconds: 600, usedSeconds: 60, reservedSeconds: 60 })).toBe(20);
    expect(allowanceUsedPercent({ allowanceSeconds: 600, usedSeconds: 700, reservedSeconds: 0 })).toBe(100);
    expect(allowanceUsedPercent({ allowanceSeconds: 0, usedSeconds: 0, reservedSeconds: 0 })).toBe(100);
  });

  it("names the overage rate, or each destination's own", () => {
    expect(overageText('0.5', 'USD')).toBe('$0.50/min');
    expect(overageText(null, 'USD')).toBe("each destination's own per-minute rate");
  });
});

describe('roleWithArticle', () => {
  it('uses "an" before a vowel', () => {
    expect(roleWithArticle('INTEGRATOR')).toBe('an integrator');
    expect(roleWithArticle('OWNER')).toBe('an owner');
    expect(roleWithArticle('CAMPAIGN_MANAGER')).toBe('a campaign manager');
  });
});
