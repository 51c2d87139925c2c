import { useId, useMemo, useState, type FormEvent } from 'react';
import type { WalletSummaryFieldsFragment as WalletSummary } from '../../gql/graphql.js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCampaignCreateMutation } from './hooks/useCampaignCreateMutation';
import { useCampaignEstimate } from './hooks/useCampaignEstimate';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import {
  CAMPAIGN_DRAFT_INITIAL,
  checkCampaignDraft,
  checkEstimateDraft,
  ratePlansFor,
  type CampaignDraft,
  type DraftErrors,
} from './campaign-form';
import type {
  CampaignFieldsFragment as CampaignFigures,
  EstimateCampaignCostQueryVariables,
  RatePlanOptionFieldsFragment as RatePlanOption,
} from '../../gql/graphql.js';
import { BudgetField, fieldErrorsOf, serverFieldErrors } from './CampaignFormFields';
import { CampaignEstimateSummary } from './CampaignEstimateSummary';

/** How long the estimate waits for typing to stop before asking the server, in milliseconds. @default 300 */
export const ESTIMATE_DEBOUNCE_MS = 300;

/** Props of {@link CreateCampaignForm}. */
export interface CreateCampaignFormProps {
  wallet: Pick<WalletSummary, 'id' | 'currency'>;
  /** Every rate plan (the form offers those in the wallet's currency), or undefined while loading. */
  ratePlans: readonly RatePlanOption[] | undefined;
  /** Why the rate plans could not be loaded, or null. */
  ratePlansError: unknown;
  onCreated: (campaign: CampaignFigures) => void;
  onCancel: () => void;
}

/**
 * "New campaign": name, rate plan, optional budget, and the pre-campaign estimate
 * (`estimateCampaignCost` for a typical destination, a number of calls and an average duration,
 * against the wallet's available balance), asked again as the inputs change. Creates the
 * campaign as a draft; starting it is a separate, deliberate click.
 */
export function CreateCampaignForm({ wallet, ratePlans, ratePlansError, onCreated, onCancel }: CreateCampaignFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<CampaignDraft>(CAMPAIGN_DRAFT_INITIAL);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [create, creation] = useCampaignCreateMutation();
  const plans = useMemo(() => ratePlansFor(ratePlans ?? [], wallet.currency), [ratePlans, wallet.currency]);
  const ratePlanId = draft.ratePlanId !== '' ? draft.ratePlanId : plans.length === 1 ? plans[0]!.id : '';
  const current = { ...draft, ratePlanId };

  const estimateCheck = checkEstimateDraft(current, wallet.id);
  const estimateKey = estimateCheck.valid ? JSON.stringify(estimateCheck.variables) : null;
  const settledKey = useDebouncedValue(estimateKey, ESTIMATE_DEBOUNCE_MS);
  const estimateVariables = useMemo(
    () => (settledKey === null ? null : (JSON.parse(settledKey) as EstimateCampaignCostQueryVariables)),
    [settledKey],
  );
  const estimate = useCampaignEstimate(estimateVariables);
  const estimateShown = estimateKey !== null && estimateKey === settledKey ? (estimate.data?.estimateCampaignCost ?? null) : null;

  const set = <K extends keyof CampaignDraft>(field: K, value: CampaignDraft[K]) => {
    setDraft((before) => ({ ...before, [field]: value }));
    setErrors((before) => ({ ...before, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkCampaignDraft(current, wallet);
    if (!checked.valid) {
      setErrors(checked.errors);
      return;
    }
    try {
      const result = await create({ variables: checked.variables });
      const campaign = result.data?.createCampaign.campaign;
      if (campaign) onCreated(campaign);
    } catch (error) {
      const fieldErrors = serverFieldErrors(error, ['name', 'budget', 'ratePlanId'] as const);
      if (fieldErrors) setErrors(fieldErrors);
    }
  };

  const shown = fieldErrorsOf<keyof CampaignDraft>(id, errors);
  const { fieldError, invalid } = shown;
  const estimateIdleHint = !estimateCheck.valid
    ? (Object.values(estimateCheck.errors)[0] ?? 'Fill in the estimate’s fields.')
    : 'Estimating…';

  return (
    <form className="campaign-form" aria-label="New campaign" onSubmit={(event) => void submit(event)} noValidate>
      <div className="campaign-form__fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={draft.name}
            onChange={(event) => set('name', event.target.value)}
            maxLength={400}
            autoComplete="off"
            {...invalid('name')}
          />
          {fieldError('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-plan`}>Rate plan</label>
          {ratePlansError ? (
            <ErrorNotice error={ratePlansError} />
          ) : ratePlans === undefined ? (
            <p className="muted">Loading rate plans…</p>
          ) : plans.length === 0 ? (
            <p className="notice notice--warning">No rate plan in {wallet.currency} yet: the platform operator creates rate plans.</p>
          ) : (
            <select
              id={`${id}-plan`}
              value={ratePlanId}
              onChange={(event) => set('ratePlanId', event.target.value)}
              {...invalid('ratePlanId')}
            >
              {plans.length > 1 && <option value="">Choose a rate plan…</option>}
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.name} ({plan.currency})
                </option>
              ))}
            </select>
          )}
          {fieldError('ratePlanId')}
        </div>
        <BudgetField
          formId={id}
          label="Budget (optional)"
          value={draft.budget}
          onChange={(value) => set('budget', value)}
          errors={shown}
          hint={<>A hard cap on the campaign’s spend, in {wallet.currency}: calls stop when it is reached.</>}
        />
        <label className="choice">
          <input type="checkbox" checked={draft.simulate} onChange={(event) => set('simulate', event.target.checked)} />
          Let the built-in dialer simulator place its calls (demo)
        </label>
      </div>

      <fieldset className="campaign-form__estimate">
        <legend>Cost estimate</legend>
        <div className="campaign-form__estimate-fields">
          <div className="field">
            <label htmlFor={`${id}-to`}>Typical destination</label>
            <input
              id={`${id}-to`}
              value={draft.to}
              onChange={(event) => set('to', event.target.value)}
              inputMode="tel"
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-calls`}>Calls</label>
            <input
              id={`${id}-calls`}
              value={draft.calls}
              onChange={(event) => set('calls', event.target.value)}
              inputMode="numeric"
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-duration`}>Average duration (seconds)</label>
            <input
              id={`${id}-duration`}
              value={draft.averageDurationSeconds}
              onChange={(event) => set('averageDurationSeconds', event.target.value)}
              inputMode="numeric"
              autoComplete="off"
            />
          </div>
        </div>
        <CampaignEstimateSummary
          estimate={estimateShown}
          calls={estimateCheck.valid ? estimateCheck.variables.input.calls : null}
          loading={estimateCheck.valid && (estimate.loading || estimateKey !== settledKey)}
          error={estimateCheck.valid && estimateKey === settledKey ? (estimate.error ?? null) : null}
          idleHint={estimateIdleHint}
        />
      </fieldset>

      {creation.error && !Object.values(errors).some(Boolean) && <ErrorNotice error={creation.error} />}
      <div className="campaign-form__actions">
        <button type="submit" className="button button--primary" disabled={creation.loading}>
          {creation.loading ? 'Creating…' : 'Create campaign'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={creation.loading}>
          Cancel
        </button>
      </div>
    </form>
  );
}
