import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BudgetField, fieldErrorsOf, serverFieldErrors } from './CampaignFormFields';
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
      const fieldErrors = serverFieldErrors<keyof CampaignEdit>(error, ['name', 'budget'], { BUDGET_BELOW_SPENT: 'budget' });
      if (fieldErrors) setErrors(fieldErrors);
    }
  };

  const shown = fieldErrorsOf<keyof CampaignEdit>(id, errors);
  const { fieldError, invalid } = shown;

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
        <BudgetField
          formId={id}
          label="Budget"
          value={edit.budget}
          onChange={(value) => set('budget', value)}
          inputRef={budgetRef}
          errors={shown}
          hint={
            <>
              In {currency}; at least the {formatMoney(campaign.committed, currency)} already committed. Empty: no budget.
            </>
          }
        />
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
