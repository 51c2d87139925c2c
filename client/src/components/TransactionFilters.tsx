import { useId } from 'react';
import { TRANSACTION_KINDS, TRANSACTION_TYPES, type TransactionKind, type TransactionType } from '../apollo/types';
import { enumLabel } from '../utils/enum-label';

/** The filters of the transaction list; null means "all". */
export interface TransactionFilterValues {
  type: TransactionType | null;
  kind: TransactionKind | null;
}

/** No filter. */
export const NO_TRANSACTION_FILTERS: TransactionFilterValues = { type: null, kind: null };

/** Props of {@link TransactionFilters}. */
export interface TransactionFiltersProps {
  value: TransactionFilterValues;
  onChange: (value: TransactionFilterValues) => void;
}

/** Type and kind selects for the transaction list. */
export function TransactionFilters({ value, onChange }: TransactionFiltersProps) {
  const typeId = useId();
  const kindId = useId();
  return (
    <div className="filters">
      <div className="field field--inline">
        <label htmlFor={typeId}>Type</label>
        <select
          id={typeId}
          value={value.type ?? ''}
          onChange={(event) => onChange({ ...value, type: (event.target.value || null) as TransactionType | null })}
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
          onChange={(event) => onChange({ ...value, kind: (event.target.value || null) as TransactionKind | null })}
        >
          <option value="">All</option>
          {TRANSACTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {enumLabel(kind)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
