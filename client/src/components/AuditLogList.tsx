import { useState } from 'react';
import { useAuditLog } from '../hooks/useAuditLog';
import { auditChanges, AUDIT_ACTION_LABELS, fieldLabel } from '../utils/audit-log';
import { formatDateTime } from '../utils/date-time';
import { ErrorNotice } from './ErrorNotice';

/** Who acted, in a few words: "Olivia Owner (user)", "CRM sync (API key)", "Spendwire support". */
function actorWords(actor: { kind: string; name?: string | null; email?: string | null; staff: boolean }): string {
  if (actor.staff && actor.name == null) return 'Spendwire support';
  const staff = actor.staff ? ' · staff' : '';
  switch (actor.kind) {
    case 'USER':
      return `${actor.name ?? 'A user'}${actor.email ? ` <${actor.email}>` : ''}${staff}`;
    case 'API_KEY':
      return `${actor.name ?? 'An API key'} (API key)${staff}`;
    case 'OPERATOR_TOKEN':
      return 'Operator token · staff';
    default:
      return actor.name ?? 'The server';
  }
}

/**
 * An account's audit log, newest first (an owner's own when `accountId` is null): each change with
 * what was done, who did it, when, from which address, and the fields before → after; older entries
 * on demand. Loading, empty and error states included.
 */
export function AuditLogList({ accountId }: { accountId: string | null }) {
  const { data, previousData, error, loading, refetch, fetchMore } = useAuditLog(accountId);
  const [loadingMore, setLoadingMore] = useState(false);
  const shown = data ?? previousData;
  const page = shown?.auditLog;
  return (
    <>
      {error && (
        <ErrorNotice error={error}>
          <button type="button" className="button" onClick={() => void refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {page === undefined && !error && <p className="placeholder">Loading the audit log…</p>}
      {page && page.edges.length === 0 && (
        <p className="placeholder">Nothing recorded yet: changes to keys, team, settings and billing show here.</p>
      )}
      {page && page.edges.length > 0 && (
        <ol className="audit-log" aria-label="Audit log entries">
          {page.edges.map(({ node }) => {
            const changes = auditChanges(node.before, node.after);
            return (
              <li key={node.id} className="audit-log__entry">
                <div className="audit-log__head">
                  <strong>{AUDIT_ACTION_LABELS[node.action]}</strong>
                  <span>{actorWords(node.actor)}</span>
                  <span className="muted">
                    {formatDateTime(node.createdAt)}
                    {node.clientIp ? ` · from ${node.clientIp}` : ''}
                  </span>
                </div>
                {changes.length > 0 && (
                  <ul className="audit-log__changes">
                    {changes.map((change) => (
                      <li key={change.field}>
                        {fieldLabel(change.field)}:{' '}
                        {node.before !== null && node.after !== null
                          ? `${change.before ?? '—'} → ${change.after ?? '—'}`
                          : (change.after ?? change.before ?? '—')}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {page?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={loadingMore || loading}
          onClick={() => {
            setLoadingMore(true);
            void fetchMore({
              variables: { after: page.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                auditLog: {
                  ...fetchMoreResult.auditLog,
                  edges: [...previous.auditLog.edges, ...fetchMoreResult.auditLog.edges],
                },
              }),
            })
              .catch(() => undefined)
              .finally(() => setLoadingMore(false));
          }}
        >
          {loadingMore ? 'Loading…' : 'Show older entries'}
        </button>
      )}
    </>
  );
}
