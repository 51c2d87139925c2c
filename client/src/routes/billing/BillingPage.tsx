import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { BillingProfileFieldsFragment as BillingProfile } from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { formatMoney } from '../../utils/money';
import type { AccountPageProps } from '../account/account-page-props';
import {
  BILLING_FORM_FIELDS,
  BILLING_TEXT_LENGTH_MAX,
  type BillingForm,
  formOf,
  inputOf,
  isChanged,
  isEuCountry,
  normalizeCountry,
  suggestedCountries,
  type Country,
  TAX_PREVIEW_AMOUNT,
  TAX_PREVIEW_DEBOUNCE_MS,
  taxExplanation,
} from './billing-form';
import { useBankTransfers } from './hooks/useBankTransfers';
import { useRecordBankTransferMutation } from './hooks/useRecordBankTransferMutation';
import { useBillingProfile } from './hooks/useBillingProfile';
import { useTaxPreview, type TaxPreviewVariables } from './hooks/useTaxPreview';
import { useUpdateBillingProfileMutation } from './hooks/useUpdateBillingProfileMutation';
import { RefundRequestCard } from './RefundRequestCard';
import './billing.css';

/**
 * The Billing page (OWNER): who and where the account is billed as (legal name, postal address,
 * country, VAT number, billing e-mail) with a live preview of the tax a top-up carries, the
 * wallet's bank transfers, and refunds of its unused credit on request. Other roles are told an owner manages billing.
 */
export function BillingPage({ account, wallet, role }: AccountPageProps) {
  if (role !== 'OWNER') {
    return (
      <section className="card" aria-label="Billing">
        <h2>Billing</h2>
        <p className="notice" role="status">
          As a {enumLabel(role).toLowerCase()}, you do not manage billing: an owner of the account does.
        </p>
      </section>
    );
  }
  return (
    <div className="billing">
      <BillingProfileCard key={account.id} accountId={account.id} currency={wallet.currency} />
      <BankTransfersCard key={wallet.id} walletId={wallet.id} />
      <RefundRequestCard key={`refunds-${wallet.id}`} walletId={wallet.id} />
    </div>
  );
}

/** A card of the page, named by its heading. */
function BillingCard({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card billing-card" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{title}</h2>
      </div>
      {children}
    </section>
  );
}

/** The profile: loading, error, then the form. */
function BillingProfileCard({ accountId, currency }: { accountId: string; currency: string }) {
  const query = useBillingProfile(accountId);
  const profile = query.data?.billingProfile;
  const euCountries = query.data?.euCountries;
  return (
    <BillingCard title="Billing profile">
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {profile === undefined || euCountries === undefined ? (
        !query.error && <p className="placeholder">Loading the billing profile…</p>
      ) : (
        <BillingProfileForm profile={profile} currency={currency} euCountries={euCountries} />
      )}
    </BillingCard>
  );
}

/** Props of {@link BillingProfileForm}. */
export interface BillingProfileFormProps {
  profile: BillingProfile;
  /** The wallet's currency, for the tax preview's amounts. */
  currency: string;
  /** The EU member states, as the server's tax rules know them (`euCountries`). */
  euCountries: readonly Country[];
}

/** Labels of the form's fields, and hints where the format matters. */
const FIELD_LABELS: Record<keyof BillingForm, { label: string; hint?: string; autoComplete: string }> = {
  legalName: { label: 'Legal name', hint: 'The company or person receipts are addressed to.', autoComplete: 'organization' },
  addressLine1: { label: 'Address line 1', autoComplete: 'address-line1' },
  addressLine2: { label: 'Address line 2', autoComplete: 'address-line2' },
  city: { label: 'City', autoComplete: 'address-level2' },
  postalCode: { label: 'Postal code', autoComplete: 'postal-code' },
  country: { label: 'Country', hint: 'Two-letter code, e.g. GB, DE, US.', autoComplete: 'country' },
  state: { label: 'State', hint: 'Two-letter code, e.g. CA.', autoComplete: 'address-level1' },
  vatNumber: { label: 'VAT number', hint: 'With its country prefix, e.g. DE123456789.', autoComplete: 'off' },
  email: { label: 'Billing e-mail', hint: 'Receipts go here when no user gets them.', autoComplete: 'email' },
};

/**
 * The profile's fields, saved together. The tax preview follows the country, state and VAT number
 * as they are typed (asked of the server, which applies the checkout's rules); a field the server
 * refuses shows its reason under it and nothing is stored.
 */
export function BillingProfileForm({ profile, currency, euCountries }: BillingProfileFormProps) {
  const [form, setForm] = useState<BillingForm>(() => formOf(profile));
  // The profile as last stored: the query's, then each save's answer (BillingProfile has no id, so the cache does not merge it).
  const [base, setBase] = useState<BillingProfile>(profile);
  const [saved, setSaved] = useState(false);
  const [update, saving] = useUpdateBillingProfileMutation();
  const listId = useId();
  const idPrefix = useId();
  const country = normalizeCountry(form.country);
  const showState = country === 'US';
  const showVat = isEuCountry(country, euCountries);
  const suggestions = useMemo(() => suggestedCountries(euCountries), [euCountries]);
  const changed = isChanged(form, base, euCountries);

  const set = (field: keyof BillingForm, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    try {
      const result = await update({ variables: { input: inputOf(form, euCountries) } });
      const stored = result.data?.updateBillingProfile.billingProfile;
      if (stored) {
        setBase(stored);
        setForm(formOf(stored));
      }
      setSaved(true);
    } catch {
      // `saving.error` shows why, under the field the server named.
    }
  };

  const unplacedError = saving.error && BILLING_FORM_FIELDS.every((field) => fieldErrorOf(saving.error, field) === null);

  const field = (name: keyof BillingForm, options: { type?: string; list?: string; maxLength?: number; className?: string } = {}) => {
    const { label, hint, autoComplete } = FIELD_LABELS[name];
    const id = `${idPrefix}-${name}`;
    const error = fieldErrorOf(saving.error, name);
    const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field billing-form__${options.className ?? name}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={name}
          type={options.type ?? 'text'}
          value={form[name]}
          list={options.list}
          maxLength={options.maxLength ?? BILLING_TEXT_LENGTH_MAX}
          autoComplete={autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => set(name, event.target.value)}
        />
        {hint && (
          <span id={`${id}-hint`} className="field__hint muted">
            {hint}
          </span>
        )}
        {error && (
          <span id={`${id}-error`} className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <form className="billing-form" aria-label="Billing profile" noValidate onSubmit={(event) => void submit(event)}>
      <fieldset className="billing-form__group">
        <legend>Billed to</legend>
        {field('legalName')}
        {field('addressLine1')}
        {field('addressLine2')}
        <div className="billing-form__row">
          {field('city')}
          {field('postalCode', { maxLength: BILLING_TEXT_LENGTH_MAX })}
        </div>
        {field('email', { type: 'email', maxLength: 254 })}
      </fieldset>
      <fieldset className="billing-form__group">
        <legend>Tax</legend>
        <div className="billing-form__row">
          {field('country', { list: listId, maxLength: 2 })}
          {showState && field('state', { maxLength: 2 })}
        </div>
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion.code} value={suggestion.code}>
              {suggestion.name}
            </option>
          ))}
        </datalist>
        {showVat && field('vatNumber', { maxLength: 40 })}
        <TaxPreview form={form} currency={currency} euCountries={euCountries} />
      </fieldset>
      {unplacedError && <ErrorNotice error={saving.error} />}
      <div className="billing-form__actions">
        <button type="submit" className="button button--primary" disabled={saving.loading || !changed}>
          {saving.loading ? 'Saving…' : 'Save billing profile'}
        </button>
        {saved && !changed && (
          <span className="billing-form__saved" role="status">
            Billing profile saved.
          </span>
        )}
      </div>
    </form>
  );
}

/**
 * What a top-up of {@link TAX_PREVIEW_AMOUNT} would cost with the country, state and VAT number in
 * the form, asked of the server once typing pauses. The last answer stays while the next loads.
 */
function TaxPreview({ form, currency, euCountries }: { form: BillingForm; currency: string; euCountries: readonly Country[] }) {
  const sent = inputOf(form, euCountries);
  // Debounced as a string: an object would be new on every render and never settle.
  const settledKey = useDebouncedValue(
    JSON.stringify({ amount: TAX_PREVIEW_AMOUNT, country: sent.country, state: sent.state, vatNumber: sent.vatNumber }),
    TAX_PREVIEW_DEBOUNCE_MS,
  );
  const variables = useMemo(() => JSON.parse(settledKey) as TaxPreviewVariables, [settledKey]);
  const query = useTaxPreview(variables);
  const preview = query.data?.taxPreview ?? query.previousData?.taxPreview;
  return (
    <section className="tax-preview" aria-label="Tax preview" aria-live="polite" aria-busy={query.loading}>
      <h3>Tax preview</h3>
      {query.error && <ErrorNotice error={query.error} />}
      {preview === undefined ? (
        !query.error && <p className="muted">Working out the tax…</p>
      ) : (
        <>
          <dl className="summary-lines tax-preview__lines">
            <div>
              <dt>Top-up</dt>
              <dd className="amount">{formatMoney(preview.amount, currency)}</dd>
            </div>
            <div>
              <dt>{preview.taxLabel}</dt>
              <dd className="amount" data-testid="tax-preview-tax">
                {formatMoney(preview.tax, currency)}
              </dd>
            </div>
            <div className="tax-preview__total">
              <dt>Charged to the card</dt>
              <dd className="amount">{formatMoney(preview.total, currency)}</dd>
            </div>
          </dl>
          <p className="muted tax-preview__why">{taxExplanation(preview, sent.vatNumber !== null)}</p>
        </>
      )}
    </section>
  );
}

/** Amount and reference of a bank transfer on its way, announced so support can match it. */
function AnnounceBankTransferForm({ walletId, currency }: { walletId: string; currency: string }) {
  const id = useId();
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [announced, setAnnounced] = useState<string | null>(null);
  const [record, recording] = useRecordBankTransferMutation();
  const amountError = fieldErrorOf(recording.error, 'amount');
  const referenceError = fieldErrorOf(recording.error, 'reference');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAnnounced(null);
    try {
      const result = await record({ variables: { input: { walletId, amount: amount.trim(), reference: reference.trim() } } });
      const transfer = result.data?.recordBankTransfer.bankTransfer;
      if (transfer) {
        setAnnounced(
          `Announced: ${formatMoney(transfer.amount, currency)} with reference ${transfer.reference}, expected by ${formatDateTime(transfer.expectedBy)}.`,
        );
        setAmount('');
        setReference('');
      }
    } catch {
      // `recording.error` shows why.
    }
  };
  return (
    <form className="billing-transfer-form" aria-label="Announce a bank transfer" noValidate onSubmit={(event) => void submit(event)}>
      <div className="billing-form__row">
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount ({currency})</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            aria-invalid={amountError ? true : undefined}
            onChange={(event) => setAmount(event.target.value)}
          />
          {amountError && (
            <span className="field-error" role="alert">
              {amountError}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reference`}>Transfer reference</label>
          <input
            id={`${id}-reference`}
            value={reference}
            maxLength={BILLING_TEXT_LENGTH_MAX}
            aria-invalid={referenceError ? true : undefined}
            onChange={(event) => setReference(event.target.value)}
          />
          {referenceError && (
            <span className="field-error" role="alert">
              {referenceError}
            </span>
          )}
        </div>
      </div>
      {recording.error && !amountError && !referenceError && <ErrorNotice error={recording.error} />}
      <div className="billing-form__actions">
        <button type="submit" className="button" disabled={recording.loading || amount.trim() === '' || reference.trim() === ''}>
          {recording.loading ? 'Announcing…' : 'Announce transfer'}
        </button>
        {announced && (
          <span className="billing-form__saved" role="status">
            {announced}
          </span>
        )}
      </div>
    </form>
  );
}

/** The wallet's bank transfers, newest first. */
function BankTransfersCard({ walletId }: { walletId: string }) {
  const query = useBankTransfers(walletId);
  const wallet = query.data?.wallet;
  let body: ReactNode;
  if (wallet === undefined) {
    body = query.error ? null : <p className="placeholder">Loading bank transfers…</p>;
  } else if (wallet === null) {
    body = <p className="placeholder">This wallet is no longer available.</p>;
  } else if (wallet.bankTransfers.length === 0) {
    body = (
      <p className="placeholder">No bank transfers into this wallet. A transfer announced to support shows here until it is credited.</p>
    );
  } else {
    body = (
      <table className="billing-table table--cards" aria-label="Bank transfers">
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Expected by</th>
            <th scope="col">Settled</th>
          </tr>
        </thead>
        <tbody>
          {wallet.bankTransfers.map((transfer) => (
            <tr key={transfer.id}>
              <td data-label="Reference">{transfer.reference}</td>
              <td data-label="Amount" className="amount numeric">
                {formatMoney(transfer.amount, wallet.currency)}
              </td>
              <td data-label="Status">
                <span className={`status status--${transfer.status.toLowerCase()}`}>{enumLabel(transfer.status)}</span>
              </td>
              <td data-label="Expected by">{formatDateTime(transfer.expectedBy)}</td>
              <td data-label="Settled">{transfer.settledAt ? formatDateTime(transfer.settledAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <BillingCard title="Bank transfers">
      <p className="muted">
        Paying by bank transfer? Announce it here with the reference on your transfer; it is credited once support sees the money arrive.
      </p>
      {wallet && <AnnounceBankTransferForm walletId={walletId} currency={wallet.currency} />}
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {body}
    </BillingCard>
  );
}
