import { useId, useState, type FormEvent } from 'react';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { compareMoney, formatMoney } from '../../utils/money';
import { useCancelRefundRequestMutation } from './hooks/useCancelRefundRequestMutation';
import { useRefundRequests } from './hooks/useRefundRequests';
import { useRequestRefundMutation } from './hooks/useRequestRefundMutation';

/** Longest reason the form accepts (the server's `refundRequestReasonLengthMax`). */
export const REFUND_REASON_LENGTH_MAX = 1000;

/**
 * Refunds of unused credit (OWNER): how much of the wallet is refundable (unused paid card credit),
 * a form to ask for a refund of it (platform staff approve or decline; nothing leaves the wallet
 * before), the open request with a way to cancel it, and the earlier requests with how they ended.
 */
export function RefundRequestCard({ walletId }: { walletId: string }) {
  const headingId = useId();
  const query = useRefundRequests(walletId);
  const wallet = query.data?.wallet;
  const requests = query.data?.refundRequests;
  const pending = requests?.find((request) => request.status === 'PENDING') ?? null;
  return (
    <section className="card billing-card" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Refund of unused credit</h2>
      </div>
      <p className="muted">
        Unused paid credit goes back to the card that paid it, on request. Used funds and promotional credit are not refundable.
      </p>
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {wallet === undefined && !query.error && <p className="placeholder">Loading refundable credit…</p>}
      {wallet === null && <p className="placeholder">This wallet is no longer available.</p>}
      {wallet && (
        <>
          <p className="billing-refundable" data-testid="refundable">
            Refundable now: <strong>{formatMoney(wallet.refundable, wallet.currency)}</strong>
          </p>
          {pending ? (
            <PendingRequest id={pending.id} amount={formatMoney(pending.amount, pending.currency)} createdAt={pending.createdAt} />
          ) : compareMoney(wallet.refundable, '0') > 0 ? (
            <RequestRefundForm walletId={walletId} currency={wallet.currency} refundable={wallet.refundable} />
          ) : (
            <p className="placeholder">Nothing to refund: the wallet holds no unused paid card credit.</p>
          )}
        </>
      )}
      {requests && requests.length > 0 && (
        <table className="billing-table" aria-label="Refund requests">
          <thead>
            <tr>
              <th scope="col">Asked</th>
              <th scope="col" className="numeric">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Decided</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <td data-label="Asked">{formatDateTime(request.createdAt)}</td>
                <td data-label="Amount" className="amount numeric">
                  {formatMoney(request.amount, request.currency)}
                </td>
                <td data-label="Status">
                  <span className={`status status--${request.status.toLowerCase()}`}>{enumLabel(request.status)}</span>
                </td>
                <td data-label="Decided">{request.decidedAt ? formatDateTime(request.decidedAt) : '—'}</td>
                <td data-label="Note">{request.declineReason ?? request.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The open request: what was asked, and a way to withdraw it (confirmed). */
function PendingRequest({ id, amount, createdAt }: { id: string; amount: string; createdAt: string }) {
  const [confirming, setConfirming] = useState(false);
  const [cancel, cancelling] = useCancelRefundRequestMutation();
  return (
    <div className="billing-refund-pending" role="status">
      <p>
        Your request of a refund of <strong>{amount}</strong> ({formatDateTime(createdAt)}) is waiting for support. You get an e-mail when
        it is decided.
      </p>
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Cancel request
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Cancel your refund request of ${amount}?`}
          confirmLabel="Cancel request"
          destructive
          busy={cancelling.loading}
          error={cancelling.error ? cancelling.error.message : null}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            void cancel({ variables: { id } })
              .then(() => setConfirming(false))
              .catch(() => undefined);
          }}
        >
          <p>Nothing has been refunded yet. You can ask again later.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** The form: an amount up to the refundable credit (filled with all of it) and an optional reason. */
function RequestRefundForm({ walletId, currency, refundable }: { walletId: string; currency: string; refundable: string }) {
  const id = useId();
  const [amount, setAmount] = useState(refundable);
  const [reason, setReason] = useState('');
  const [request, requesting] = useRequestRefundMutation();
  const amountError = fieldErrorOf(requesting.error, 'amount');
  const reasonError = fieldErrorOf(requesting.error, 'reason');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await request({ variables: { input: { walletId, amount: amount.trim(), reason: reason.trim() || null } } });
    } catch {
      // `requesting.error` shows why.
    }
  };
  return (
    <form className="billing-transfer-form" aria-label="Ask for a refund" noValidate onSubmit={(event) => void submit(event)}>
      <div className="billing-form__row">
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount ({currency})</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={`${id}-amount-hint`}
            onChange={(event) => setAmount(event.target.value)}
          />
          <span id={`${id}-amount-hint`} className="field__hint">
            At most {formatMoney(refundable, currency)}.
          </span>
          {amountError && (
            <span className="field-error" role="alert">
              {amountError}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (optional)</label>
          <input
            id={`${id}-reason`}
            value={reason}
            maxLength={REFUND_REASON_LENGTH_MAX}
            aria-invalid={reasonError ? true : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonError && (
            <span className="field-error" role="alert">
              {reasonError}
            </span>
          )}
        </div>
      </div>
      {requesting.error && !amountError && !reasonError && <ErrorNotice error={requesting.error} />}
      <div className="billing-form__actions">
        <button type="submit" className="button" disabled={requesting.loading || amount.trim() === ''}>
          {requesting.loading ? 'Sending…' : 'Ask for a refund'}
        </button>
      </div>
    </form>
  );
}
