import { type MouseEvent, useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { formatMoney } from '../../utils/money';
import { actorLabel } from './actor-label';
import { useRefundRequestDecisions, useRefundRequestQueue } from './hooks/useRefundRequestQueue';
import { failureMessage } from './support-actions';
import { supportAccountPath } from './support-paths';

/** Longest decline reason the server takes (refundRequestReasonLengthMax). */
const DECLINE_REASON_LENGTH_MAX = 1000;

/** A decision waiting for its confirmation. */
interface Decision {
  kind: 'approve' | 'decline';
  id: string;
  accountName: string;
  amount: string;
}

/** Props of {@link RefundRequestsPage}. */
export interface RefundRequestsPageProps {
  navigate: (path: string) => void;
}

/**
 * Owners' requests of refunds of unused credit, every account: the PENDING queue (default) or every
 * request with how it ended. Approving refunds the amount to the cards that paid (re-checked: credit
 * spent meanwhile refuses it, and the request stays); declining needs the reason the owner is mailed.
 * Each decision is confirmed first and recorded under the staff member's name.
 */
export function RefundRequestsPage({ navigate }: RefundRequestsPageProps) {
  const [showAll, setShowAll] = useState(false);
  const query = useRefundRequestQueue(showAll ? null : 'PENDING');
  const { approve, decline } = useRefundRequestDecisions();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [declineReason, setDeclineReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const reasonId = useId();
  const toggleId = useId();
  const requests = query.data?.refundRequests;

  const open = (next: Decision) => {
    setDecisionError(null);
    setDeclineReason('');
    setDecision(next);
  };
  const confirm = async () => {
    if (!decision) return;
    if (decision.kind === 'decline' && declineReason.trim() === '') {
      setDecisionError('Say why: the owner is e-mailed the reason.');
      return;
    }
    setBusy(true);
    try {
      if (decision.kind === 'approve') {
        await approve({ variables: { id: decision.id } });
        setResult(`Approved: ${decision.amount} refunded to ${decision.accountName}'s card.`);
      } else {
        await decline({ variables: { input: { id: decision.id, reason: declineReason.trim() } } });
        setResult(`Declined the request of ${decision.amount} from ${decision.accountName}.`);
      }
      setDecision(null);
    } catch (failure) {
      setDecisionError(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const link = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };

  return (
    <section className="card" aria-label="Refund requests">
      <div className="section-header">
        <h2>Refund requests</h2>
        <label htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} /> Show decided
          requests too
        </label>
      </div>
      {result && (
        <p className="notice notice--success" role="status">
          {result}
        </p>
      )}
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {requests === undefined && !query.error && <p className="placeholder">Loading refund requests…</p>}
      {requests && requests.length === 0 && (
        <p className="placeholder">{showAll ? 'No refund requests yet.' : 'No refund requests are waiting.'}</p>
      )}
      {requests && requests.length > 0 && (
        <table className="transactions support-table" aria-label="Refund request queue">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col" className="numeric">
                Amount
              </th>
              <th scope="col">Reason</th>
              <th scope="col">Asked</th>
              <th scope="col">Status</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => {
              const amount = formatMoney(request.amount, request.currency);
              return (
                <tr key={request.id}>
                  <td data-label="Account">
                    <a href={supportAccountPath(request.accountId)} onClick={link(supportAccountPath(request.accountId))}>
                      {request.accountName}
                    </a>
                  </td>
                  <td data-label="Amount" className="numeric amount">
                    {amount}
                  </td>
                  <td data-label="Reason">{request.reason ?? '—'}</td>
                  <td data-label="Asked">
                    {formatDateTime(request.createdAt)}
                    <br />
                    <span className="muted">{actorLabel(request.requestedBy)}</span>
                  </td>
                  <td data-label="Status">
                    <span className={`status status--${request.status.toLowerCase()}`}>{enumLabel(request.status)}</span>
                  </td>
                  <td data-label="Decision">
                    {request.status === 'PENDING' ? (
                      <span className="support-refund-actions">
                        <button
                          type="button"
                          className="button button--primary"
                          onClick={() => open({ kind: 'approve', id: request.id, accountName: request.accountName, amount })}
                        >
                          Approve
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() => open({ kind: 'decline', id: request.id, accountName: request.accountName, amount })}
                        >
                          Decline
                        </button>
                      </span>
                    ) : (
                      <span className="muted">
                        {request.decidedAt ? formatDateTime(request.decidedAt) : ''}
                        {request.decidedBy ? ` · ${actorLabel(request.decidedBy)}` : ''}
                        {request.declineReason ? ` · “${request.declineReason}”` : ''}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {decision && (
        <ConfirmDialog
          title={
            decision.kind === 'approve'
              ? `Refund ${decision.amount} to ${decision.accountName}?`
              : `Decline ${decision.accountName}'s request of ${decision.amount}?`
          }
          confirmLabel={decision.kind === 'approve' ? `Refund ${decision.amount}` : 'Decline request'}
          destructive={decision.kind === 'decline'}
          busy={busy}
          error={decisionError}
          onConfirm={() => void confirm()}
          onCancel={() => setDecision(null)}
        >
          {decision.kind === 'approve' ? (
            <p>The amount leaves the wallet now and goes back to the cards that paid it. The owner is e-mailed.</p>
          ) : (
            <div className="field">
              <label htmlFor={reasonId}>Reason (the owner is e-mailed it)</label>
              <input
                id={reasonId}
                value={declineReason}
                maxLength={DECLINE_REASON_LENGTH_MAX}
                onChange={(event) => setDeclineReason(event.target.value)}
              />
            </div>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
