import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SenderIdTable } from '../../components/SenderIdTable';
import type { SenderIdRowFieldsFragment as SenderIdRow } from '../../gql/graphql.js';
import type { AccountPageProps } from '../account/account-page-props';
import { CANCEL_SENDER_ID_MUTATION, REGISTER_SENDER_ID_MUTATION, SENDER_IDS_QUERY } from './sender-id-documents';
import { checkSenderId, isCancellable, SENDER_ID_LENGTH_MAX } from './sender-ids';
import './sender-ids.css';

/** How many sender IDs the page lists (an account holds a handful). */
const SENDER_IDS_SHOWN = 50;

/**
 * The Sender IDs page: apply for an alphanumeric sender ID (support approves it; then its monthly
 * fee is charged to the wallet and renewed each month), and the account's sender IDs with their
 * status, fee, next renewal and support's reason, to cancel.
 */
export function SenderIdsPage({ wallet, role }: AccountPageProps) {
  const [result, setResult] = useState<string | null>(null);
  const query = useQuery(SENDER_IDS_QUERY, { variables: { first: SENDER_IDS_SHOWN }, fetchPolicy: 'cache-and-network' });
  const [register, registerState] = useMutation(REGISTER_SENDER_ID_MUTATION, { refetchQueries: [SENDER_IDS_QUERY] });
  const [cancel, cancelState] = useMutation(CANCEL_SENDER_ID_MUTATION);
  const [pending, setPending] = useState<SenderIdRow | null>(null);
  const [sender, setSender] = useState('');
  const [touched, setTouched] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const mayManage = role === 'OWNER' || role === 'INTEGRATOR';
  const check = checkSenderId(sender);
  const rows = query.data?.senderIds.edges.map((edge) => edge.node);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!check.valid) return;
    try {
      await register({ variables: { input: { walletId: wallet.id, sender } } });
      setResult(`“${sender}” was sent for approval. Nothing is charged until support approves it.`);
      setSender('');
      setTouched(false);
    } catch {
      // The form shows the mutation's error.
    }
  };

  const confirmCancel = async () => {
    if (pending === null) return;
    try {
      await cancel({ variables: { id: pending.id } });
      setResult(`“${pending.sender}” was cancelled: messages can no longer use it, and nothing was refunded.`);
      setPending(null);
    } catch {
      // The dialog shows the mutation's error.
    }
  };

  return (
    <div className="sender-ids-page">
      {result !== null && (
        <div className="notice notice--success" role="status">
          <p>{result}</p>
          <button type="button" className="button button--quiet" onClick={() => setResult(null)}>
            Dismiss
          </button>
        </div>
      )}
      {mayManage ? (
        <section className="card" aria-labelledby="sender-id-register-title">
          <div className="section-header">
            <h2 id="sender-id-register-title">Apply for a sender ID</h2>
          </div>
          <p className="muted">
            Text from your company name instead of a number. Support reviews each one; once approved, its monthly fee is charged to the{' '}
            {wallet.currency} wallet on the approval’s day each month. Recipients cannot reply to a sender ID.
          </p>
          <form className="sender-id__form" aria-label="Apply for a sender ID" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor={inputId}>Sender ID</label>
              <input
                id={inputId}
                type="text"
                autoComplete="off"
                maxLength={SENDER_ID_LENGTH_MAX + 5}
                placeholder="ACME 24"
                value={sender}
                onChange={(event) => setSender(event.target.value)}
                aria-invalid={touched && !check.valid}
                aria-describedby={hintId}
              />
            </div>
            <button type="submit" className="button button--primary" disabled={registerState.loading}>
              {registerState.loading ? 'Sending…' : 'Apply'}
            </button>
          </form>
          <p id={hintId} className={touched && !check.valid ? 'field-error' : 'muted field__hint'}>
            {touched && !check.valid
              ? check.message
              : `Up to ${SENDER_ID_LENGTH_MAX} letters, digits and spaces, with at least one letter.`}
          </p>
          {registerState.error && <ErrorNotice error={registerState.error} />}
        </section>
      ) : (
        <p className="notice" role="status">
          Only an owner or an integrator applies for and cancels sender IDs.
        </p>
      )}
      <section className="card" aria-labelledby="sender-ids-title">
        <div className="section-header">
          <h2 id="sender-ids-title">Your sender IDs</h2>
        </div>
        {query.error && (
          <ErrorNotice error={query.error}>
            <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
              Try again
            </button>
          </ErrorNotice>
        )}
        {rows === undefined && query.loading && <p className="placeholder">Loading sender IDs…</p>}
        {rows !== undefined && rows.length === 0 && <p className="placeholder">No sender IDs yet.</p>}
        {rows !== undefined && rows.length > 0 && (
          <SenderIdTable
            label="Sender IDs"
            rows={rows}
            currency={wallet.currency}
            actions={(row) =>
              mayManage &&
              isCancellable(row.status) && (
                <button
                  type="button"
                  className="button"
                  aria-label={`Cancel ${row.sender}`}
                  onClick={() => {
                    cancelState.reset();
                    setPending(row);
                  }}
                >
                  Cancel
                </button>
              )
            }
          />
        )}
      </section>
      {pending !== null && (
        <ConfirmDialog
          title={`Cancel “${pending.sender}”?`}
          confirmLabel="Cancel sender ID"
          destructive
          busy={cancelState.loading}
          error={cancelState.error ? cancelState.error.message : null}
          onConfirm={() => void confirmCancel()}
          onCancel={() => setPending(null)}
        >
          <p>
            {pending.status === 'PENDING'
              ? 'The application is withdrawn; nothing was charged.'
              : 'Messages can no longer use it at once. The month already paid is not refunded.'}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
