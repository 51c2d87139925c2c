import { useId } from 'react';
import { AuditLogList } from '../../components/AuditLogList';
import { enumLabel } from '../../utils/enum-label';
import type { AccountPageProps } from '../account/account-page-props';

/**
 * The Audit log page (OWNER): who changed what in the account — API keys, the team, settings,
 * balance alerts, webhook endpoints, campaign budgets, billing — and what support did, newest first.
 * Other roles are told an owner reads it.
 */
export function AuditLogPage({ role }: AccountPageProps) {
  const headingId = useId();
  if (role !== 'OWNER') {
    return (
      <section className="card" aria-label="Audit log">
        <h2>Audit log</h2>
        <p className="notice" role="status">
          As a {enumLabel(role).toLowerCase()}, you do not read the audit log: an owner of the account does.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Audit log</h2>
        <p className="muted">Every change to keys, team, settings and billing, and every support action, with who and from where.</p>
      </div>
      <AuditLogList accountId={null} />
    </section>
  );
}
