import { type MouseEvent, useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RefundRequestTable } from '../../components/RefundRequestTable';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import { formatDateTime } from '../../utils/date-time';
import { formatMoney } from '../../utils/money';
import { actorLabel } from './actor-label';
import { REFUND_QUEUE_STATUSES, useRefundRequestDecisions, useRefundRequestQueue } from './hooks/useRefundRequestQueue';
import { failureMessage } from './support-actions';
import { supportAccountPath } from './support-paths';

/** Longest decline reason the server takes (refundRequestReasonLengthMax). */
const DECLINE_REASON_LENGTH_MAX = 1000;

/** A decision waiting for its confirmation. */
interface Decision {
  kind: 'approve' | 'decline' | 'retry';
  id: string;
  accountName: string;
  /** The amount the decision moves: the request's, or for a retry what failed to reach the card. */
  amount: string;
}

/** Props of {@link RefundRequestsPage}. */
export interface RefundRequestsPageProps {
  navigate: (path: string) => void;
}

/**
 * Owners' requests of refunds of unused credit, every account: the queue (default: waiting for a
 * decision, and approved ones whose refund to the card failed) or every request with how it ended.
 * Approving refunds the amount to the cards that paid (re-checked: credit spent meanwhile refuses it,
 * and the request stays); declining needs the reason the owner is mailed; a failed refund is retried
 * (the credit that did not reach the card is refunded again). Each decision is confirmed first and
 * recorded under the staff member's name.
 */
export function RefundRequestsPage({ navigate }: RefundRequestsPageProps) {
  const [showAll, setShowAll] = useState(false);
  const query = useRefundRequestQueue(showAll ? null : REFUND_QUEUE_STATUSES);
  const { approve, decline, retry } = useRefundRequestDecisions();
  const decision = useConfirmedAction<Decision>(failureMessage);
  const [declineReason, setDeclineReason] = useState('');
  const [result, setResult] = useState<{ text: string; failed: boolean } | null>(null);
  const reasonId = useId();
  const toggleId = useId();
  const requests = query.data?.refundRequests;

  const open = (next: Decision) => {
    setDeclineReason('');
    decision.open(next);
  };
  const confirm = async () => {
    if (decision.target?.kind === 'decline' && declineReason.trim() === '') {
      decision.refuse('Say why: the owner is e-mailed the reason.');
      return;
    }
    await decision.confirm(async (target) => {
      if (target.kind === 'approve') {
        const done = await approve({ variables: { id: target.id } });
        setResult(
          done.data?.approveRefundRequest.refundRequest.status === 'FAILED'
            ? {
                text: `Approved, but the refund of ${target.amount} to ${target.accountName}'s card failed: it is in the queue to retry.`,
                failed: true,
              }
            : { text: `Approved: ${target.amount} refunded to ${target.accountName}'s card.`, failed: false },
        );
      } else if (target.kind === 'retry') {
        const done = await retry({ variables: { id: target.id } });
        setResult(
          done.data?.retryRefundRequest.refundRequest.status === 'FAILED'
            ? { text: `The refund of ${target.amount} to ${target.accountName}'s card failed again.`, failed: true }
            : { text: `Retried: ${target.amount} refunded to ${target.accountName}'s card.`, failed: false },
        );
      } else {
        await decline({ variables: { input: { id: target.id, reason: declineReason.trim() } } });
        setResult({ text: `Declined the request of ${target.amount} from ${target.accountName}.`, failed: false });
      }
    });
  };
  const link = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  const target = decision.target;

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
        <p className={result.failed ? 'notice notice--warning' : 'notice notice--success'} role="status">
          {result.text}
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
        <RefundRequestTable
          label="Refund request queue"
          requests={requests}
          account={(request) => (
            <a href={supportAccountPath(request.accountId)} onClick={link(supportAccountPath(request.accountId))}>
              {request.accountName}
            </a>
          )}
          askedBy={(request) => actorLabel(request.requestedBy)}
          actions={(request) => {
            const amount = formatMoney(request.amount, request.currency);
            const about = { id: request.id, accountName: request.accountName };
            if (request.status === 'PENDING') {
              return (
                <span className="support-refund-actions">
                  <button type="button" className="button button--primary" onClick={() => open({ kind: 'approve', ...about, amount })}>
                    Approve
                  </button>
                  <button type="button" className="button" onClick={() => open({ kind: 'decline', ...about, amount })}>
                    Decline
                  </button>
                </span>
              );
            }
            if (request.status === 'FAILED') {
              const failed = formatMoney(request.failedAmount ?? request.amount, request.currency);
              return (
                <button type="button" className="button button--primary" onClick={() => open({ kind: 'retry', ...about, amount: failed })}>
                  Retry refund
                </button>
              );
            }
            return (
              <span className="muted">
                {request.decidedAt ? formatDateTime(request.decidedAt) : ''}
                {request.decidedBy ? ` · ${actorLabel(request.decidedBy)}` : ''}
              </span>
            );
          }}
        />
      )}
      {target && (
        <ConfirmDialog
          title={
            target.kind === 'approve'
              ? `Refund ${target.amount} to ${target.accountName}?`
              : target.kind === 'retry'
                ? `Retry the refund of ${target.amount} to ${target.accountName}?`
                : `Decline ${target.accountName}'s request of ${target.amount}?`
          }
          confirmLabel={
            target.kind === 'decline' ? 'Decline request' : target.kind === 'retry' ? `Retry ${target.amount}` : `Refund ${target.amount}`
          }
          destructive={target.kind === 'decline'}
          busy={decision.busy}
          error={decision.error}
          onConfirm={() => void confirm()}
          onCancel={decision.close}
        >
          {target.kind === 'approve' && (
            <p>The amount leaves the wallet now and goes back to the cards that paid it. The owner is e-mailed.</p>
          )}
          {target.kind === 'retry' && (
            <p>
              The card refused this refund before and the credit went back to the wallet. It leaves the wallet again now and goes to the
              cards that paid it; if the card refuses again, it comes back again.
            </p>
          )}
          {target.kind === 'decline' && (
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
