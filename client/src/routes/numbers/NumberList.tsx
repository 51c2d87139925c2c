import { useState } from 'react';
import type { PhoneNumberRowFieldsFragment as PhoneNumberRow, Role } from '../../gql/graphql.js';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { formatMoney, sumMoney } from '../../utils/money';
import { ConnectionPager, useCursorPages } from '../../components/ConnectionPager';
import { usePhoneNumbers } from './hooks/usePhoneNumbers';
import { useRefundNumberMutation } from './hooks/useRefundNumberMutation';
import { useReleaseNumberMutation } from './hooks/useReleaseNumberMutation';
import { actionErrorText, isHeldNumber, numberActions } from './numbers';

/** Props of {@link NumberList}. */
export interface NumberListProps {
  walletId: string;
  currency: string;
  role: Role;
  /** Tells the page what an action did, for its result line. */
  onResult: (message: string) => void;
}

type Pending = { kind: 'release' | 'refund'; number: PhoneNumberRow };

/**
 * The wallet's numbers, newest first: each with its status, monthly price and next renewal (in
 * GRACE: the renewal that failed and the deadline before release; RENEWAL_OWED: the amount owed and
 * since when, shown apart from GRACE), the refund deadline while it
 * runs, and Release / Refund for the roles that may (each confirmed first).
 */
export function NumberList({ walletId, currency, role, onResult }: NumberListProps) {
  const pages = useCursorPages();
  const query = usePhoneNumbers(walletId, pages.after);
  const [release, releaseState] = useReleaseNumberMutation();
  const [refund, refundState] = useRefundNumberMutation();
  const [pending, setPending] = useState<Pending | null>(null);
  const connection = query.data?.phoneNumbers;
  const rows = connection?.edges.map((edge) => edge.node);
  const actionState = pending?.kind === 'refund' ? refundState : releaseState;

  const confirm = async () => {
    if (pending === null) return;
    const { number, kind } = pending;
    try {
      if (kind === 'release') {
        await release({ variables: { id: number.id } });
        onResult(`${number.number} was released: it no longer renews, and nothing was refunded.`);
      } else {
        await refund({ variables: { id: number.id } });
        onResult(
          `${number.number} was refunded: ${formatMoney(sumMoney(number.purchasePrice, number.monthlyPrice), currency)} was credited back to the wallet.`,
        );
      }
      setPending(null);
    } catch {
      // The dialog shows the mutation's error.
    }
  };

  return (
    <section className="card" aria-labelledby="numbers-title">
      <div className="section-header">
        <h2 id="numbers-title">Your numbers</h2>
      </div>
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {rows === undefined && query.loading && <p className="placeholder">Loading numbers…</p>}
      {rows !== undefined && rows.length === 0 && pages.stack.length === 0 && (
        <p className="placeholder">No numbers yet. Search above to buy one.</p>
      )}
      {rows !== undefined && rows.length > 0 && (
        <div className={query.loading ? 'table-scroll table-scroll--stale' : 'table-scroll'}>
          <table className="transactions stack-table numbers-table table--cards" aria-label="Phone numbers">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Monthly
                </th>
                <th scope="col">Next renewal</th>
                <th scope="col">Refund</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((number) => {
                const actions = numberActions(number, role);
                return (
                  <tr key={number.id}>
                    <th scope="row" className="numeric stack-table__title table--cards__title">
                      {number.number}
                    </th>
                    <td data-label="Status">
                      <NumberStatus number={number} currency={currency} />
                    </td>
                    <td data-label="Monthly" className="numeric amount">
                      {formatMoney(number.monthlyPrice, currency, { precision: 'unit-price' })}
                    </td>
                    <td data-label="Next renewal">{nextRenewalText(number)}</td>
                    <td data-label="Refund">{refundText(number)}</td>
                    <td className="stack-table__actions table--cards__actions">
                      <div>
                        {actions.release && (
                          <button
                            type="button"
                            className="button"
                            onClick={() => openDialog(setPending, 'release', number, releaseState.reset)}
                          >
                            Release
                          </button>
                        )}
                        {actions.refund && (
                          <button
                            type="button"
                            className="button"
                            onClick={() => openDialog(setPending, 'refund', number, refundState.reset)}
                          >
                            Refund
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConnectionPager label="Number pages" pages={pages} pageInfo={connection?.pageInfo} busy={query.loading} />
      {pending?.kind === 'release' && (
        <ConfirmDialog
          title={`Release ${pending.number.number}?`}
          confirmLabel="Release"
          destructive
          busy={actionState.loading}
          error={actionState.error ? actionErrorText(actionState.error) : null}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        >
          <p>
            It stops renewing at once and anyone may buy it. Nothing is refunded
            {pending.number.refundable ? ': to get this month back, refund it instead.' : '.'}
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'refund' && (
        <ConfirmDialog
          title={`Refund ${pending.number.number}?`}
          confirmLabel={`Refund ${formatMoney(sumMoney(pending.number.purchasePrice, pending.number.monthlyPrice), currency)}`}
          destructive
          busy={actionState.loading}
          error={actionState.error ? actionErrorText(actionState.error) : null}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        >
          <p>
            The number is given back and its purchase price and first month,{' '}
            {formatMoney(sumMoney(pending.number.purchasePrice, pending.number.monthlyPrice), currency)}, are credited to the wallet. Later
            months are not refunded.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function openDialog(setPending: (pending: Pending) => void, kind: Pending['kind'], number: PhoneNumberRow, reset: () => void) {
  reset();
  setPending({ kind, number });
}

function NumberStatus({ number, currency }: { number: PhoneNumberRow; currency: string }) {
  if (number.status === 'RENEWAL_OWED') {
    return (
      <span className="number-status">
        <span className="status status--pending">Renewal owed</span>
        <span className="number-status__detail">
          {number.owedAmount ? formatMoney(number.owedAmount, currency) : '—'} owed since{' '}
          {number.owedSince ? formatDateTime(number.owedSince) : '—'}: kept while the wallet is suspended, paid first when it is funded.
        </span>
      </span>
    );
  }
  if (number.status === 'GRACE') {
    return (
      <span className="number-status">
        <span className="status status--failed">Grace</span>
        <span className="number-status__detail">
          Renewal unpaid: released on {number.graceUntil ? formatDateTime(number.graceUntil) : '—'} unless the wallet can pay before.
        </span>
      </span>
    );
  }
  const className = number.status === 'ACTIVE' ? 'status status--completed' : 'status status--pending';
  return (
    <span className="number-status">
      <span className={className}>{enumLabel(number.status)}</span>
      {number.releasedAt && <span className="number-status__detail">on {formatDateTime(number.releasedAt)}</span>}
    </span>
  );
}

function nextRenewalText(number: PhoneNumberRow): string {
  if (!isHeldNumber(number) || !number.renewsAt) return '—';
  if (number.status === 'RENEWAL_OWED') return `Owed since ${formatDateTime(number.renewsAt)}`;
  return number.status === 'GRACE' ? `Due since ${formatDateTime(number.renewsAt)}` : formatDateTime(number.renewsAt);
}

function refundText(number: PhoneNumberRow): string {
  if (number.status === 'REFUNDED') return 'Refunded';
  if (number.refundable && number.refundableUntil) return `Until ${formatDateTime(number.refundableUntil)}`;
  return isHeldNumber(number) ? 'Window passed' : '—';
}
