import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SenderIdTable } from '../../components/SenderIdTable';
import { graphql } from '../../gql/index.js';

/** How many pending sender IDs the queue shows at once (oldest first; deciding them brings the next). */
const QUEUE_SHOWN = 50;
/** Longest reason, in characters (the server's default senderIdReasonLengthMax). */
const REASON_LENGTH_MAX = 500;

export const PENDING_SENDER_IDS_QUERY = graphql(`
  query PendingSenderIds($first: Int!) {
    pendingSenderIds(first: $first) {
      accountName
      senderId {
        id
        accountId
        sender
        status
        createdAt
      }
    }
  }
`);

export const APPROVE_SENDER_ID_MUTATION = graphql(`
  mutation ApproveSenderId($input: DecideSenderIdInput!) {
    approveSenderId(input: $input) {
      senderId {
        id
        status
      }
    }
  }
`);

export const REJECT_SENDER_ID_MUTATION = graphql(`
  mutation RejectSenderId($input: DecideSenderIdInput!) {
    rejectSenderId(input: $input) {
      senderId {
        id
        status
      }
    }
  }
`);

type Decision = { kind: 'approve' | 'reject'; id: string; sender: string; accountName: string };

/**
 * Support's queue of sender IDs waiting for a decision, every account's, oldest first: approve
 * (the account's wallet is charged the first month) or reject, each with a reason the customer is
 * e-mailed.
 */
export function SenderIdQueuePage() {
  const query = useQuery(PENDING_SENDER_IDS_QUERY, { variables: { first: QUEUE_SHOWN }, fetchPolicy: 'cache-and-network' });
  const [approve, approveState] = useMutation(APPROVE_SENDER_ID_MUTATION, { refetchQueries: [PENDING_SENDER_IDS_QUERY] });
  const [reject, rejectState] = useMutation(REJECT_SENDER_ID_MUTATION, { refetchQueries: [PENDING_SENDER_IDS_QUERY] });
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const reasonId = useId();
  const rows = query.data?.pendingSenderIds;
  const state = decision?.kind === 'reject' ? rejectState : approveState;
  const reasonMissing = reason.trim().length === 0;

  const open = (next: Decision) => {
    approveState.reset();
    rejectState.reset();
    setReason('');
    setDecision(next);
  };

  const confirm = async () => {
    if (decision === null || reasonMissing) return;
    const input = { id: decision.id, reason: reason.trim() };
    try {
      if (decision.kind === 'approve') await approve({ variables: { input } });
      else await reject({ variables: { input } });
      setResult(`“${decision.sender}” of ${decision.accountName} was ${decision.kind === 'approve' ? 'approved' : 'rejected'}.`);
      setDecision(null);
    } catch {
      // The dialog shows the mutation's error.
    }
  };

  return (
    <div className="sender-id-queue">
      {result !== null && (
        <div className="notice notice--success" role="status">
          <p>{result}</p>
          <button type="button" className="button button--quiet" onClick={() => setResult(null)}>
            Dismiss
          </button>
        </div>
      )}
      <section className="card" aria-labelledby="sender-id-queue-title">
        <div className="section-header">
          <h2 id="sender-id-queue-title">Sender IDs waiting for approval</h2>
        </div>
        {query.error && (
          <ErrorNotice error={query.error}>
            <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
              Try again
            </button>
          </ErrorNotice>
        )}
        {rows === undefined && query.loading && <p className="placeholder">Loading the queue…</p>}
        {rows !== undefined && rows.length === 0 && <p className="placeholder">Nothing waiting: every sender ID has been decided.</p>}
        {rows !== undefined && rows.length > 0 && (
          <SenderIdTable
            label="Pending sender IDs"
            rows={rows.map((row) => ({ ...row.senderId, accountName: row.accountName }))}
            account={(row) => row.accountName}
            applied
            actions={(row) => (
              <>
                <button
                  type="button"
                  className="button button--primary"
                  aria-label={`Approve ${row.sender}`}
                  onClick={() => open({ kind: 'approve', id: row.id, sender: row.sender, accountName: row.accountName })}
                >
                  Approve
                </button>
                <button
                  type="button"
                  className="button"
                  aria-label={`Reject ${row.sender}`}
                  onClick={() => open({ kind: 'reject', id: row.id, sender: row.sender, accountName: row.accountName })}
                >
                  Reject
                </button>
              </>
            )}
          />
        )}
      </section>
      {decision !== null && (
        <ConfirmDialog
          title={`${decision.kind === 'approve' ? 'Approve' : 'Reject'} “${decision.sender}”?`}
          confirmLabel={decision.kind === 'approve' ? 'Approve' : 'Reject'}
          destructive={decision.kind === 'reject'}
          busy={state.loading}
          error={state.error ? state.error.message : reasonMissing && reason.length > 0 ? 'Give a reason.' : null}
          onConfirm={() => void confirm()}
          onCancel={() => setDecision(null)}
        >
          <p>
            {decision.kind === 'approve'
              ? `${decision.accountName}’s wallet is charged the first month now, then every month.`
              : `${decision.accountName} is told the reason; nothing is charged.`}
          </p>
          <div className="field">
            <label htmlFor={reasonId}>Reason (the customer reads it)</label>
            <textarea
              id={reasonId}
              rows={3}
              maxLength={REASON_LENGTH_MAX}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        </ConfirmDialog>
      )}
    </div>
  );
}
