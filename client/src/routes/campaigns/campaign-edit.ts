/**
 * The campaign edit form's pure logic: what was typed, checked the way the server will check it
 * (a name of 1 to 200 characters; a budget that is a positive amount, or empty for none, and never
 * below what the campaign has already committed), turned into `updateCampaign` variables that
 * carry only what changed.
 */
import type { UpdateCampaignMutationVariables } from '../../gql/graphql.js';
import { formatMoney, moneyToMicros } from '../../utils/money.js';
import { CAMPAIGN_NAME_LENGTH_MAX, checkBudget } from './campaign-form.js';

/** What the edit form holds. */
export interface CampaignEdit {
  name: string;
  /** As typed: empty means no budget. */
  budget: string;
}

/** Problems with the typed fields, by field. */
export type CampaignEditErrors = Partial<Record<keyof CampaignEdit, string>>;

/** The form's starting values for a campaign: its name and budget as they are. */
export function campaignEditFrom(campaign: { name: string; budget: string | null }): CampaignEdit {
  return { name: campaign.name, budget: campaign.budget ?? '' };
}

/**
 * The `updateCampaign` variables for what changed, or the problems; `changed: false` when nothing
 * differs from the campaign.
 * @throws MoneyFormatError when the campaign's own amounts are not Money strings.
 */
export function checkCampaignEdit(
  edit: CampaignEdit,
  campaign: { id: string; name: string; budget: string | null; committed: string },
  currency: string,
): { valid: true; changed: boolean; variables: UpdateCampaignMutationVariables } | { valid: false; errors: CampaignEditErrors } {
  const errors: CampaignEditErrors = {};
  const name = edit.name.trim();
  if (name === '') errors.name = 'Give the campaign a name.';
  else if (name.length > CAMPAIGN_NAME_LENGTH_MAX)
    errors.name = `Use at most ${CAMPAIGN_NAME_LENGTH_MAX} characters (${name.length - CAMPAIGN_NAME_LENGTH_MAX} too many).`;
  const budget = checkBudget(edit.budget, currency);
  if (!budget.valid) errors.budget = budget.message;
  else if (budget.budget !== null && moneyToMicros(budget.budget) < moneyToMicros(campaign.committed)) {
    errors.budget = `The budget cannot go below the ${formatMoney(campaign.committed, currency)} already committed.`;
  }
  if (Object.keys(errors).length > 0 || !budget.valid) return { valid: false, errors };
  const input: UpdateCampaignMutationVariables['input'] = { id: campaign.id };
  if (name !== campaign.name) input.name = name;
  const before = campaign.budget === null ? null : moneyToMicros(campaign.budget);
  const after = budget.budget === null ? null : moneyToMicros(budget.budget);
  if (before !== after) input.budget = budget.budget;
  return { valid: true, changed: Object.keys(input).length > 1, variables: { input } };
}
