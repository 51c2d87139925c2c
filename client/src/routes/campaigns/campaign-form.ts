/**
 * The "New campaign" form as the user types it: the campaign (name, rate plan, optional budget,
 * simulator) and the pre-campaign estimate's inputs (a typical destination, how many calls, how
 * long on average). Checked here so the form answers at once, with the server's limits
 * (server/config.ts `nameLengthMax`, server/domain/rating/rating.ts `E164_PATTERN`, the
 * estimate's bounds); the server checks again and its BAD_USER_INPUT message wins.
 * Amounts stay decimal strings, never JS numbers.
 */
import type {
  CampaignEstimateFieldsFragment as CampaignEstimate,
  CreateCampaignMutationVariables,
  EstimateCampaignCostQueryVariables,
} from '../../gql/graphql.js';
import { formatMoney, MONEY_FRACTION_DIGITS_MAX } from '../../utils/money.js';
import { moneyToMicros } from '../../utils/money.js';

/** Longest campaign name, in characters after trimming (server `nameLengthMax`). @default 200 */
export const CAMPAIGN_NAME_LENGTH_MAX = 200;

/** Most calls an estimate may assume (server `ESTIMATE_CALLS_MAX`). */
export const ESTIMATE_CALLS_MAX = 10_000_000;

/** Longest average call an estimate may assume, in seconds (server `ESTIMATE_DURATION_SECONDS_MAX`). */
export const ESTIMATE_DURATION_SECONDS_MAX = 86_400;

/** Largest budget, in micro-units (server `operationAmountMicrosMax`: 10^9 major units). */
export const CAMPAIGN_BUDGET_MICROS_MAX = 1_000_000_000_000_000n;

/** An E.164 number as the server accepts it: "+", then 7 to 15 digits, not starting with 0. */
export const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;

/** What the form holds: every field as typed. */
export interface CampaignDraft {
  name: string;
  ratePlanId: string;
  /** Empty for no budget. */
  budget: string;
  /** The estimate's typical destination. */
  to: string;
  /** The estimate's number of calls. */
  calls: string;
  /** The estimate's average call duration, in seconds. */
  averageDurationSeconds: string;
  simulate: boolean;
}

/** The form's starting values (no rate plan chosen yet). */
export const CAMPAIGN_DRAFT_INITIAL: CampaignDraft = {
  name: '',
  ratePlanId: '',
  budget: '',
  to: '+447700900123',
  calls: '1000',
  averageDurationSeconds: '60',
  simulate: false,
};

/** A field's problem, in a sentence for the person at the screen. */
export type DraftErrors = Partial<Record<keyof CampaignDraft, string>>;

/** What {@link checkBudget} found. */
export type BudgetCheck = { valid: true; budget: string | null } | { valid: false; message: string };

/**
 * Reads a typed budget: empty means none; spaces and thousands commas are ignored; a positive
 * amount with at most 6 decimals, at most 10^9. Returns the Money string ("250", "12.5") or why not.
 */
export function checkBudget(input: string, currency: string): BudgetCheck {
  const typed = input.replace(/[\s,]/g, '');
  if (typed === '') return { valid: true, budget: null };
  const match = /^([0-9]{1,16})(?:\.([0-9]*))?$/.exec(typed);
  if (!match) return { valid: false, message: `Enter the budget as an amount of ${currency}, e.g. 250 or 99.50, or leave it empty.` };
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > MONEY_FRACTION_DIGITS_MAX) return { valid: false, message: `Use at most ${MONEY_FRACTION_DIGITS_MAX} decimals.` };
  const budget = `${match[1]!.replace(/^0+(?=[0-9])/, '')}${fraction === '' ? '' : `.${fraction}`}`;
  const micros = moneyToMicros(budget);
  if (micros <= 0n) return { valid: false, message: 'A budget must be more than zero (leave it empty for none).' };
  if (micros > CAMPAIGN_BUDGET_MICROS_MAX) return { valid: false, message: 'That budget is above the largest amount the server accepts.' };
  return { valid: true, budget };
}

/** A whole number typed in a field, within bounds; null when it is not one. */
function wholeNumber(input: string, minimum: number, maximum: number): number | null {
  const typed = input.replace(/[\s,]/g, '');
  if (!/^[0-9]{1,9}$/.test(typed)) return null;
  const value = Number(typed);
  return value >= minimum && value <= maximum ? value : null;
}

/**
 * The estimate's variables, or the problems with its fields (and none with the others). Needs a
 * rate plan: without one there is nothing to price. A valid budget goes with it (the estimate
 * covers calls only up to it); a budget still being typed is left out rather than blocking it.
 */
export function checkEstimateDraft(
  draft: CampaignDraft,
  walletId: string,
): { valid: true; variables: EstimateCampaignCostQueryVariables } | { valid: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const to = draft.to.replace(/[\s\-().]/g, '');
  if (!E164_PATTERN.test(to)) errors.to = 'Enter a number in international format, e.g. +447700900123.';
  const calls = wholeNumber(draft.calls, 1, ESTIMATE_CALLS_MAX);
  if (calls === null) errors.calls = `Enter a whole number of calls from 1 to ${ESTIMATE_CALLS_MAX.toLocaleString('en-US')}.`;
  const seconds = wholeNumber(draft.averageDurationSeconds, 0, ESTIMATE_DURATION_SECONDS_MAX);
  if (seconds === null)
    errors.averageDurationSeconds = `Enter whole seconds from 0 to ${ESTIMATE_DURATION_SECONDS_MAX.toLocaleString('en-US')}.`;
  if (draft.ratePlanId === '') errors.ratePlanId = 'Choose a rate plan.';
  if (Object.keys(errors).length > 0 || calls === null || seconds === null) return { valid: false, errors };
  const budget = checkBudget(draft.budget, '');
  return {
    valid: true,
    variables: {
      input: {
        ratePlanId: draft.ratePlanId,
        to,
        calls,
        averageDurationSeconds: seconds,
        walletId,
        budget: budget.valid ? budget.budget : null,
      },
    },
  };
}

/** The `createCampaign` variables, or the problems with the campaign's own fields. */
export function checkCampaignDraft(
  draft: CampaignDraft,
  wallet: { id: string; currency: string },
): { valid: true; variables: CreateCampaignMutationVariables } | { valid: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the campaign a name.';
  else if (name.length > CAMPAIGN_NAME_LENGTH_MAX)
    errors.name = `Use at most ${CAMPAIGN_NAME_LENGTH_MAX} characters (${name.length - CAMPAIGN_NAME_LENGTH_MAX} too many).`;
  if (draft.ratePlanId === '') errors.ratePlanId = 'Choose a rate plan.';
  const budget = checkBudget(draft.budget, wallet.currency);
  if (!budget.valid) errors.budget = budget.message;
  if (Object.keys(errors).length > 0 || !budget.valid) return { valid: false, errors };
  return {
    valid: true,
    variables: { input: { walletId: wallet.id, name, ratePlanId: draft.ratePlanId, budget: budget.budget, simulate: draft.simulate } },
  };
}

/** The rate plans a wallet's campaigns may use: the server refuses a plan in another currency. */
export function ratePlansFor<P extends { currency: string }>(plans: readonly P[], currency: string): P[] {
  const code = currency.trim().toUpperCase();
  return plans.filter((plan) => plan.currency.trim().toUpperCase() === code);
}

/** A line of the estimate summary. */
export interface EstimateLine {
  label: string;
  value: string;
  /** The total: drawn as the summary's last, stronger line. */
  emphasis?: boolean;
  /** A problem: the wallet does not cover the total. */
  warning?: boolean;
}

/**
 * The estimate as lines for people: the rate that applies (per minute, increments, connect fee),
 * billed seconds and cost per call, the total, and against the wallet: what is available, what is
 * missing and how many calls it covers.
 * @throws MoneyFormatError when an amount is not a Money string.
 */
export function estimateLines(estimate: CampaignEstimate, calls: number): EstimateLine[] {
  const currency = estimate.currency;
  const rate = estimate.rate;
  const callCount = calls.toLocaleString('en-US');
  const lines: EstimateLine[] = [
    {
      label: `Rate (${rate.prefix === '' ? 'all destinations' : `+${rate.prefix}…`})`,
      value: `${formatMoney(rate.perMinute, currency, { precision: 'unit-price' })}/min, billed ${rate.firstIncrementSeconds}/${rate.nextIncrementSeconds} s${
        moneyToMicros(rate.connectFee) > 0n ? `, ${formatMoney(rate.connectFee, currency, { precision: 'unit-price' })} to connect` : ''
      }`,
    },
    { label: 'Billed per call', value: `${estimate.billedSecondsPerCall.toLocaleString('en-US')} s` },
    { label: 'Cost per call', value: formatMoney(estimate.costPerCall, currency, { precision: 'unit-price' }) },
  ];
  if (estimate.available !== null) lines.push({ label: 'Available in the wallet', value: formatMoney(estimate.available, currency) });
  if (estimate.budget !== null) lines.push({ label: 'Budget', value: formatMoney(estimate.budget, currency) });
  if (estimate.coveredCalls !== null) {
    const covered = estimate.coveredCalls.toLocaleString('en-US');
    const short = estimate.shortfall !== null && moneyToMicros(estimate.shortfall) > 0n;
    // What limits the calls: the lesser of the wallet's credit and the budget (the server says which when short).
    const limit =
      estimate.limitedBy ??
      (estimate.budget !== null && (estimate.available === null || moneyToMicros(estimate.budget) <= moneyToMicros(estimate.available))
        ? 'BUDGET'
        : 'WALLET');
    lines.push({
      label: limit === 'BUDGET' ? 'Calls the budget covers' : 'Calls the wallet covers',
      value: short ? `${covered} of ${callCount}` : `All ${callCount}`,
      warning: short,
    });
    if (short) {
      lines.push({
        label: estimate.limitedBy === 'BUDGET' ? 'Over the budget by' : 'Missing to cover the total',
        value: formatMoney(estimate.shortfall!, currency),
        warning: true,
      });
    }
  }
  lines.push({ label: `Estimated total for ${callCount} calls`, value: formatMoney(estimate.total, currency), emphasis: true });
  return lines;
}
