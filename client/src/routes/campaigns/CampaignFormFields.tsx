/**
 * What the "New campaign" and "Edit campaign" forms share: a field's error line and its ARIA
 * wiring, the server's field errors mapped onto the form, and the budget field (parsed by
 * `checkBudget` in campaign-form.ts).
 */
import type { ReactNode, Ref } from 'react';
import { describeError } from '../../apollo/describe-error';

/** A form's messages by field; a field without one is valid. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A field's error line and the attributes that tie its input to it, for the form whose `useId()` is `formId`. */
export function fieldErrorsOf<F extends string>(formId: string, errors: FieldErrors<F>) {
  return {
    /** The error line under the field, or nothing. */
    fieldError: (field: F): ReactNode =>
      errors[field] === undefined ? null : (
        <p className="field-error" id={`${formId}-${field}-error`}>
          {errors[field]}
        </p>
      ),
    /** `aria-invalid` and `aria-describedby` for the field's input while it has an error. */
    invalid: (field: F) =>
      errors[field] === undefined ? undefined : { 'aria-invalid': true as const, 'aria-describedby': `${formId}-${field}-error` },
  };
}

/**
 * The error the server answered, as the form's field errors: a BAD_USER_INPUT naming one of
 * `fields`, or a code of `codeFields` (BUDGET_BELOW_SPENT → budget); null for any other error
 * (the form shows it as a whole).
 */
export function serverFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  codeFields: Readonly<Partial<Record<string, F>>> = {},
): FieldErrors<F> | null {
  const described = describeError(error);
  const named = (error as { errors?: { extensions?: { field?: unknown } }[] }).errors?.[0]?.extensions?.field;
  const field =
    described.code !== null && codeFields[described.code] !== undefined
      ? codeFields[described.code]!
      : described.code === 'BAD_USER_INPUT' && (fields as readonly unknown[]).includes(named)
        ? (named as F)
        : null;
  if (field === null) return null;
  const errors: FieldErrors<F> = {};
  errors[field] = described.detail ?? described.summary;
  return errors;
}

/** Props of {@link BudgetField}. */
export interface BudgetFieldProps {
  /** The form's `useId()`: the input is `${formId}-budget`. */
  formId: string;
  label: string;
  /** As typed; empty for no budget. */
  value: string;
  onChange: (value: string) => void;
  /** The line under the input that says what the budget is. */
  hint: ReactNode;
  errors: ReturnType<typeof fieldErrorsOf<'budget'>>;
  inputRef?: Ref<HTMLInputElement>;
}

/** A campaign's budget: an amount typed in the wallet's currency, or empty for none. */
export function BudgetField({ formId, label, value, onChange, hint, errors, inputRef }: BudgetFieldProps) {
  return (
    <div className="field">
      <label htmlFor={`${formId}-budget`}>{label}</label>
      <input
        id={`${formId}-budget`}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        inputMode="decimal"
        placeholder="No budget"
        autoComplete="off"
        {...errors.invalid('budget')}
      />
      <span className="field__hint muted">{hint}</span>
      {errors.fieldError('budget')}
    </div>
  );
}
