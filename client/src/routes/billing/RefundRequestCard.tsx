import { useId, useState, type FormEvent } from 'react';
import { describeError } from '../../apollo/describe-error';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RefundRequestTable, type RefundRequestTableRow } from '../../components/RefundRequestTable';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import { formatDateTime } from '../../utils/date-time';
import { compareMoney, formatMoney } from '../../utils/money';
import { refundFailureText } from '../../utils/refund-request-status';
import { useCancelRefundRequestMutation } from './hooks/useCancelRefundRequestMutation';
import { useRefundRequests } from './hooks/useRefundRequests';
import { useRequestRefundMutation } from './hooks/useRequestRefundMutation';

/** A failed cancellation in the dialog's words. */
function describeFailure(error: unknown): string {
  const { summary, detail } = describeError(error);
  return detail !== null && detail !== summary ? `${summary}: ${detail}` : summary;
}

/** Longest reason the form accepts (the server's `refundRequestReasonLengthMax`). */
export const REFUND_REASON_LENGTH_MAX = 1000;

/**
 * Refunds of unused credit (OWNER): how much of the wallet is refundable (unused paid card credit),
 * a form to ask for a refund of it (platform staff approve or decline; nothing leaves the wallet
 * before), the open request with a way to cancel it, a refund that failed to reach the card, and the
 * earlier requests with how they ended.
 */
export function RefundRequestCard({ walletId }: { walletId: string }) {
  const headingId = useId();
  const query = useRefundRequests(walletId);
  const wallet = query.data?.wallet;
  const requests = query.data?.refundRequests;
  const pending = requests?.find((request) => request.status === 'PENDING') ?? null;
  const failed = requests?.find((request) => request.status === 'FAILED') ?? null;
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
      {failed && <FailedRequest request={failed} />}
      {requests && requests.length > 0 && <RefundRequestTable label="Refund requests" requests={requests} />}
    </section>
  );
}

/** The open request: what was asked, and a way to withdraw it (confirmed). */
function PendingRequest({ id, amount, createdAt }: { id: string; amount: string; createdAt: string }) {
  const [cancel] = useCancelRefundRequestMutation();
  const confirming = useConfirmedAction<string>(describeFailure);
  return (
    <div className="billing-refund-pending" role="status">
      <p>
        Your request of a refund of <strong>{amount}</strong> ({formatDateTime(createdAt)}) is waiting for support. You get an e-mail when
        it is decided.
      </p>
      <button type="button" className="button" onClick={() => confirming.open(id)}>
        Cancel request
      </button>
      {confirming.target !== null && (
        <ConfirmDialog
          title={`Cancel your refund request of ${amount}?`}
          confirmLabel="Cancel request"
          destructive
          busy={confirming.busy}
          error={confirming.error}
          onCancel={confirming.close}
          onConfirm={() =>
            void confirming.confirm(async (target) => {
              await cancel({ variables: { id: target } });
            })
          }
        >
          <p>Nothing has been refunded yet. You can ask again later.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** An approved request whose refund to the card failed: the credit is back, support retries it. */
function FailedRequest({ request }: { request: RefundRequestTableRow }) {
  return (
    <div className="notice notice--warning billing-refund-failed" role="status">
      <p>{refundFailureText(request, formatMoney)} Support retries the refund; if your card was closed or replaced, tell support.</p>
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
