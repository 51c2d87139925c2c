// Goal: the budget bar shows spent and committed as exact shares of the budget (basis points on bigint micros), clamped for drawing, with what is left and whether the budget is reached; method: examples.
import { describe, expect, it } from 'vitest';
import { budgetUse } from '../../../../client/src/routes/campaigns/campaign-budget.js';

describe('budgetUse', () => {
  it('is null without a budget', () => {
    expect(budgetUse({ spent: '5', committed: '6', budget: null })).toBeNull();
  });

  it('gives spent and committed as shares of the budget, and what is left', () => {
    expect(budgetUse({ spent: '12.5', committed: '42.5', budget: '100' })).toEqual({
      spentPercent: 12.5,
      committedPercent: 42.5,
      label: '42%',
      remaining: '57.5',
      reached: false,
    });
  });

  it('is exact for sub-cent amounts and labels small shares with a decimal', () => {
    const use = budgetUse({ spent: '0.000001', committed: '0.005', budget: '1' })!;
    expect(use.spentPercent).toBe(0);
    expect(use.committedPercent).toBe(0.5);
    expect(use.label).toBe('0.5%');
    expect(budgetUse({ spent: '0', committed: '0.0001', budget: '1' })!.label).toBe('<0.1%');
    expect(budgetUse({ spent: '0', committed: '0', budget: '1' })!.label).toBe('0%');
  });

  it('clamps the bar at 100% and says when the budget is reached', () => {
    const use = budgetUse({ spent: '10', committed: '10.01', budget: '10' })!;
    expect(use.committedPercent).toBe(100);
    expect(use.reached).toBe(true);
    expect(use.remaining).toBe('0');
  });
});
