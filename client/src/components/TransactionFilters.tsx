import { useId } from 'react';
import {
  TransactionKind,
  TransactionStatus,
  TransactionType,
  type CampaignOptionFieldsFragment as CampaignOption,
} from '../gql/graphql.js';
import { enumLabel } from '../utils/enum-label';

/** The schema's values of each filter, in schema order. */
const TRANSACTION_TYPES = Object.values(TransactionType);
const TRANSACTION_KINDS = Object.values(TransactionKind);
const TRANSACTION_STATUSES = Object.values(TransactionStatus);

/** The filters of the transaction list; null means "all". */
export interface TransactionFilterValues {
  type: TransactionType | null;
  kind: TransactionKind | null;
  status: TransactionStatus | null;
  /** First day shown, as the date input gives it ("2026-11-01"), in the browser's time zone; null: from the start. */
  fromDate: string | null;
  /** Last day shown (included); null: up to now. */
  toDate: string | null;
  campaignId: string | null;
}

/** No filter. */
export const NO_TRANSACTION_FILTERS: TransactionFilterValues = {
  type: null,
  kind: null,
  status: null,
  fromDate: null,
  toDate: null,
  campaignId: null,
};

/** Whether any filter is set. */
export function hasFilterValues(value: TransactionFilterValues): boolean {
  return Object.values(value).some((field) => field !== null);
}

/** The campaign filter's choices, when the list offers one. */
export interface CampaignFilterChoices {
  /** The wallet's campaigns, newest first. */
  options: readonly CampaignOption[];
  /** True while they load for the first time. */
  loading: boolean;
  /** True when they could not be listed: the select offers "All" only. */
  failed: boolean;
  /** True when the account has more campaigns than were listed (the oldest are left out). */
  truncated: boolean;
}

/** Props of {@link TransactionFilters}. */
export interface TransactionFiltersProps {
  value: TransactionFilterValues;
  onChange: (value: TransactionFilterValues) => void;
  /** The campaign select's choices; without, the list has no campaign filter. */
  campaigns?: CampaignFilterChoices;
  /** Why the dates cannot be used (the end before the start…), shown under them; null when fine. */
  dateError?: { field: 'from' | 'to'; message: string } | null;
}

/** Type, kind and status selects, a date range, and (when given choices) a campaign select for the transaction list. */
export function TransactionFilters({ value, onChange, campaigns, dateError = null }: TransactionFiltersProps) {
  const typeId = useId();
  const kindId = useId();
  const statusId = useId();
  const fromId = useId();
  const toId = useId();
  const campaignId = useId();
  const dateErrorId = useId();
  const set = (patch: Partial<TransactionFilterValues>) => onChange({ ...value, ...patch });
  // A campaign picked earlier stays listed while the choices reload or after it left the newest page.
  const campaignListed = value.campaignId === null || campaigns?.options.some((option) => option.id === value.campaignId) === true;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> brings its own border, padding, margin and min-inline-size, which would change the layout; role=group gives the same semantics.
    <div className="filters" role="group" aria-label="Filters">
      <div className="field field--inline">
        <label htmlFor={typeId}>Type</label>
        <select
          id={typeId}
          value={value.type ?? ''}
          onChange={(event) => set({ type: (event.target.value || null) as TransactionType | null })}
        >
          <option value="">All</option>
          {TRANSACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {enumLabel(type)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={kindId}>Kind</label>
        <select
          id={kindId}
          value={value.kind ?? ''}
          onChange={(event) => set({ kind: (event.target.value || null) as TransactionKind | null })}
        >
          <option value="">All</option>
          {TRANSACTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {enumLabel(kind)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={value.status ?? ''}
          onChange={(event) => set({ status: (event.target.value || null) as TransactionStatus | null })}
        >
          <option value="">All</option>
          {TRANSACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {enumLabel(status)}
            </option>
          ))}
        </select>
      </div>
      {campaigns !== undefined && (
        <div className="field field--inline">
          <label htmlFor={campaignId}>Campaign</label>
          <select
            id={campaignId}
            value={value.campaignId ?? ''}
            onChange={(event) => set({ campaignId: event.target.value || null })}
            aria-busy={campaigns.loading}
            title={campaigns.truncated ? `Only the ${campaigns.options.length} newest campaigns are listed.` : undefined}
          >
            <option value="">
              {campaigns.loading ? 'All (loading campaigns…)' : campaigns.failed ? 'All (campaigns unavailable)' : 'All'}
            </option>
            {!campaignListed && value.campaignId !== null && <option value={value.campaignId}>This campaign</option>}
            {campaigns.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field field--inline">
        <label htmlFor={fromId}>From</label>
        <input
          id={fromId}
          type="date"
          value={value.fromDate ?? ''}
          max={value.toDate ?? undefined}
          onChange={(event) => set({ fromDate: event.target.value || null })}
          aria-invalid={dateError?.field === 'from'}
          aria-describedby={dateError !== null ? dateErrorId : undefined}
        />
      </div>
      <div className="field field--inline">
        <label htmlFor={toId}>To</label>
        <input
          id={toId}
          type="date"
          value={value.toDate ?? ''}
          min={value.fromDate ?? undefined}
          onChange={(event) => set({ toDate: event.target.value || null })}
          aria-invalid={dateError?.field === 'to'}
          aria-describedby={dateError !== null ? dateErrorId : undefined}
        />
      </div>
      {hasFilterValues(value) && (
        <button type="button" className="button button--quiet" onClick={() => onChange(NO_TRANSACTION_FILTERS)}>
          Clear filters
        </button>
      )}
      {dateError !== null && (
        <p id={dateErrorId} className="field-error" role="alert">
          {dateError.message}
        </p>
      )}
    </div>
  );
}
