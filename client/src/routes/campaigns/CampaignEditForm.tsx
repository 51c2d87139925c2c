import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeError } from '../../apollo/describe-error';
import type { CampaignFieldsFragment as CampaignFigures } from '../../gql/graphql.js';
import { formatMoney } from '../../utils/money';
import { campaignEditFrom, checkCampaignEdit, type CampaignEdit, type CampaignEditErrors } from './campaign-edit';
import { useCampaignUpdateMutation } from './hooks/useCampaignUpdateMutation';

/** Props of {@link CampaignEditForm}. */
export interface CampaignEditFormProps {
  campaign: Pick<CampaignFigures, 'id' | 'name' | 'budget' | 'committed' | 'status'>;
  currency: string;
  /** Put the focus in the budget field (the "Raise budget" path) rather than the name. */
  focusBudget?: boolean;
  /** Called with the campaign as the server answered. */
  onSaved: (campaign: CampaignFigures) => void;
  onCancel: () => void;
}

/**
 * "Edit campaign": its name and its budget (the campaign's cap on spend; empty for none), never
 * below what it has already committed. Saving leaves the status alone: a campaign stopped at its
 * budget is then resumed with Resume.
 */
export function CampaignEditForm({ campaign, currency, focusBudget = false, onSaved, onCancel }: CampaignEditFormProps) {
  const id = useId();
  const [edit, setEdit] = useState<CampaignEdit>(() => campaignEditFrom(campaign));
  const [errors, setErrors] = useState<CampaignEditErrors>({});
  const [update, updating] = useCampaignUpdateMutation();
  const nameRef = useRef<HTMLInputElement>(null);
  const budgetRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (focusBudget ? budgetRef : nameRef).current?.focus();
  }, [focusBudget]);

  const set = (field: keyof CampaignEdit, value: string) => {
    setEdit((before) => ({ ...before, [field]: value }));
    setErrors((before) => ({ ...before, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkCampaignEdit(edit, campaign, currency);
    if (!checked.valid) {
      setErrors(checked.errors);
      return;
    }
    if (!checked.changed) {
      onCancel();
      return;
    }
    try {
      const result = await update({ variables: checked.variables });
      const saved = result.data?.updateCampaign.campaign;
      if (saved) onSaved(saved);
    } catch (error) {
      const described = describeError(error);
      const field = (error as { errors?: { extensions?: { field?: unknown } }[] }).errors?.[0]?.extensions?.field;
      if (described.code === 'BUDGET_BELOW_SPENT' || (described.code === 'BAD_USER_INPUT' && (field === 'name' || field === 'budget'))) {
        const key = described.code === 'BUDGET_BELOW_SPENT' ? 'budget' : (field as keyof CampaignEdit);
        setErrors({ [key]: described.detail ?? described.summary });
      }
    }
  };

  const fieldError = (field: keyof CampaignEdit) =>
    errors[field] === undefined ? null : (
      <p className="field-error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    );
  const invalid = (field: keyof CampaignEdit) =>
    errors[field] === undefined ? undefined : { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` };

  return (
    <form className="campaign-form campaign-edit" aria-label="Edit campaign" onSubmit={(event) => void submit(event)} noValidate>
      <div className="campaign-form__fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            value={edit.name}
            onChange={(event) => set('name', event.target.value)}
            maxLength={400}
            autoComplete="off"
            {...invalid('name')}
          />
          {fieldError('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-budget`}>Budget</label>
          <input
            id={`${id}-budget`}
            ref={budgetRef}
            value={edit.budget}
            onChange={(event) => set('budget', event.target.value)}
            inputMode="decimal"
            placeholder="No budget"
            autoComplete="off"
            {...invalid('budget')}
          />
          <span className="field__hint muted">
            In {currency}; at least the {formatMoney(campaign.committed, currency)} already committed. Empty: no budget.
          </span>
          {fieldError('budget')}
        </div>
      </div>
      {updating.error && !Object.values(errors).some(Boolean) && <ErrorNotice error={updating.error} />}
      <div className="campaign-form__actions">
        <button type="submit" className="button button--primary" disabled={updating.loading}>
          {updating.loading ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={updating.loading}>
          Cancel
        </button>
      </div>
    </form>
  );
}
