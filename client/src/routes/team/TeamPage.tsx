import { useId, useState, type ReactNode } from 'react';
import type { TeamInvitationFieldsFragment as TeamInvitation, TeamMemberFieldsFragment as TeamMember } from '../../gql/graphql.js';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListBody } from '../../components/ListBody';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { canInvite, INVITABLE_ROLES, type InvitableRole } from '../../utils/invitations';
import type { AccountPageProps } from '../account/account-page-props';
import { useChangeMemberRoleMutation } from './hooks/useChangeMemberRoleMutation';
import { useInviteUserMutation } from './hooks/useInviteUserMutation';
import { useRemoveMemberMutation } from './hooks/useRemoveMemberMutation';
import { useResendInvitationMutation } from './hooks/useResendInvitationMutation';
import { useRevokeInvitationMutation } from './hooks/useRevokeInvitationMutation';
import { useTeam } from './hooks/useTeam';
import { InviteCard } from './InviteCard';
import { INVITATION_STATUS_LABELS, teamActionErrorText, type InvitationStatusName } from './team';
import './team.css';

/** The action waiting for its confirmation. */
type Pending =
  | { kind: 'resend'; invitation: TeamInvitation }
  | { kind: 'revoke'; invitation: TeamInvitation }
  | { kind: 'invite-again'; invitation: TeamInvitation }
  | { kind: 'role'; member: TeamMember }
  | { kind: 'remove'; member: TeamMember };

/**
 * The Team page, for OWNERs: invite a teammate (the invitation is e-mailed), the members (name,
 * e-mail, role, since) with "Change role" and "Remove", and the open invitations (e-mail, role,
 * sent, expires) with "Resend" and "Revoke" (or "Invite again" once expired). Every change asks
 * for confirmation; the server refuses to demote or remove the last owner.
 */
export function TeamPage({ account, role }: AccountPageProps) {
  const owner = canInvite(role);
  if (!owner) {
    return (
      <section className="card" aria-label="Team">
        <h2>Team</h2>
        <p className="notice" role="status">
          As a {enumLabel(role).toLowerCase()}, you do not manage the team: an owner of the account does.
        </p>
      </section>
    );
  }
  return <TeamView accountId={account.id} />;
}

function TeamView({ accountId }: { accountId: string }) {
  const query = useTeam(accountId, false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const team = query.data?.team;
  const myUserId = query.data?.me.user?.id ?? null;

  return (
    <div className="team-page">
      <InviteCard accountId={accountId} />
      {done !== null && (
        <p className="notice team-page__done" role="status">
          {done}
        </p>
      )}
      <TeamSection title="Members">
        <ListBody
          items={team?.members}
          what="members"
          query={query}
          empty="No one signs in to this account yet: invite someone above."
          render={(members) => <MembersTable members={members} myUserId={myUserId} onAction={setPending} />}
        />
      </TeamSection>
      <TeamSection title="Invitations">
        <ListBody
          items={team?.invitations}
          what="invitations"
          query={query}
          empty="No open invitations."
          render={(invitations) => <InvitationsTable invitations={invitations} onAction={setPending} />}
        />
      </TeamSection>
      {pending !== null && (
        <PendingDialog
          key={`${pending.kind}:${'invitation' in pending ? pending.invitation.id : pending.member.id}`}
          accountId={accountId}
          pending={pending}
          onClose={() => setPending(null)}
          onDone={(message) => {
            setPending(null);
            setDone(message);
          }}
        />
      )}
    </div>
  );
}

/** A card of the Team page: a section named by its heading. */
function TeamSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card team-card" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{title}</h2>
      </div>
      {children}
    </section>
  );
}

function MembersTable({
  members,
  myUserId,
  onAction,
}: {
  members: readonly TeamMember[];
  myUserId: string | null;
  onAction: (pending: Pending) => void;
}) {
  return (
    <table className="team-table table--cards">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">E-mail</th>
          <th scope="col">Role</th>
          <th scope="col">Since</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.id} aria-label={member.name}>
            <td data-label="Name" className="team-table__main table--cards__lead">
              <span>
                {member.name}
                {member.id === myUserId && <span className="muted"> (you)</span>}
              </span>
            </td>
            <td data-label="E-mail" className="team-table__email">
              {member.email}
            </td>
            <td data-label="Role">{enumLabel(member.role)}</td>
            <td data-label="Since" className="team-table__time">
              {formatDateTime(member.createdAt)}
            </td>
            <td className="team-table__actions table--cards__actions">
              <div>
                <button
                  type="button"
                  className="button"
                  aria-label={`Change the role of ${member.name}`}
                  onClick={() => onAction({ kind: 'role', member })}
                >
                  Change role
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove ${member.name}`}
                  onClick={() => onAction({ kind: 'remove', member })}
                >
                  Remove
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InvitationsTable({ invitations, onAction }: { invitations: readonly TeamInvitation[]; onAction: (pending: Pending) => void }) {
  return (
    <table className="team-table table--cards">
      <thead>
        <tr>
          <th scope="col">E-mail</th>
          <th scope="col">Role</th>
          <th scope="col">Sent</th>
          <th scope="col">Expires</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <tr key={invitation.id} aria-label={invitation.email}>
            <td data-label="E-mail" className="team-table__main team-table__email table--cards__lead">
              {invitation.email}
            </td>
            <td data-label="Role">{enumLabel(invitation.role)}</td>
            <td data-label="Sent">
              <span>
                <span className="team-table__time">{formatDateTime(invitation.sentAt)}</span>
                {invitation.sendCount > 1 && <span className="muted"> ({invitation.sendCount} e-mails)</span>}
              </span>
            </td>
            <td data-label="Expires" className="team-table__time">
              {formatDateTime(invitation.expiresAt)}
            </td>
            <td data-label="Status">
              <span className={`team-status team-status--${invitation.status.toLowerCase()}`}>
                {INVITATION_STATUS_LABELS[invitation.status as InvitationStatusName] ?? enumLabel(invitation.status)}
              </span>
            </td>
            <td className="team-table__actions table--cards__actions">
              <div>
                {invitation.status === 'PENDING' ? (
                  <>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Resend the invitation to ${invitation.email}`}
                      onClick={() => onAction({ kind: 'resend', invitation })}
                    >
                      Resend
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Revoke the invitation to ${invitation.email}`}
                      onClick={() => onAction({ kind: 'revoke', invitation })}
                    >
                      Revoke
                    </button>
                  </>
                ) : (
                  invitation.status === 'EXPIRED' && (
                    <button
                      type="button"
                      className="button"
                      aria-label={`Invite ${invitation.email} again`}
                      onClick={() => onAction({ kind: 'invite-again', invitation })}
                    >
                      Invite again
                    </button>
                  )
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The confirmation of one pending action; runs it on confirm and says what happened. */
function PendingDialog({
  accountId,
  pending,
  onClose,
  onDone,
}: {
  accountId: string;
  pending: Pending;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const roleId = useId();
  const [resend, resendState] = useResendInvitationMutation();
  const [revoke, revokeState] = useRevokeInvitationMutation();
  const [invite, inviteState] = useInviteUserMutation();
  const [changeRole, changeRoleState] = useChangeMemberRoleMutation();
  const [remove, removeState] = useRemoveMemberMutation();
  const [newRole, setNewRole] = useState<InvitableRole>(
    pending.kind === 'role' && (INVITABLE_ROLES as readonly string[]).includes(pending.member.role)
      ? (pending.member.role as InvitableRole)
      : 'CAMPAIGN_MANAGER',
  );
  const states = [resendState, revokeState, inviteState, changeRoleState, removeState];
  const busy = states.some((state) => state.loading);
  const failed = states.find((state) => state.error)?.error;
  const error = failed ? teamActionErrorText(failed) : null;

  const run = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action();
      onDone(message);
    } catch {
      // The mutation's `error` shows why, in the dialog.
    }
  };

  switch (pending.kind) {
    case 'resend': {
      const { id, email } = pending.invitation;
      return (
        <ConfirmDialog
          title={`Resend the invitation to ${email}?`}
          confirmLabel="Resend"
          busy={busy}
          error={error}
          onCancel={onClose}
          onConfirm={() => void run(() => resend({ variables: { id } }), `Invitation e-mailed again to ${email}, with a new link.`)}
        >
          <p>We e-mail {email} a new link. The link sent before stops working.</p>
        </ConfirmDialog>
      );
    }
    case 'revoke': {
      const { id, email } = pending.invitation;
      return (
        <ConfirmDialog
          title={`Revoke the invitation to ${email}?`}
          confirmLabel="Revoke invitation"
          destructive
          busy={busy}
          error={error}
          onCancel={onClose}
          onConfirm={() =>
            void run(() => revoke({ variables: { id } }), `The invitation to ${email} was revoked: its link no longer works.`)
          }
        >
          <p>Its link stops working at once. You can invite them again later.</p>
        </ConfirmDialog>
      );
    }
    case 'invite-again': {
      const { email, role } = pending.invitation;
      return (
        <ConfirmDialog
          title={`Invite ${email} again?`}
          confirmLabel="Send invitation"
          busy={busy}
          error={error}
          onCancel={onClose}
          onConfirm={() =>
            void run(
              () => invite({ variables: { input: { accountId, email, role } } }),
              `A new invitation was e-mailed to ${email} as ${enumLabel(role)}.`,
            )
          }
        >
          <p>
            The invitation expired. We e-mail {email} a new one, as {enumLabel(role)}.
          </p>
        </ConfirmDialog>
      );
    }
    case 'role': {
      const { id, name } = pending.member;
      return (
        <ConfirmDialog
          title={`Change the role of ${name}?`}
          confirmLabel="Change role"
          busy={busy}
          error={error}
          onCancel={onClose}
          onConfirm={() =>
            void run(
              () => changeRole({ variables: { input: { accountId, userId: id, role: newRole } } }),
              `${name} is now ${enumLabel(newRole).toLowerCase()}.`,
            )
          }
        >
          <div className="field">
            <label htmlFor={roleId}>New role</label>
            <select id={roleId} value={newRole} onChange={(event) => setNewRole(event.target.value as InvitableRole)}>
              {INVITABLE_ROLES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {enumLabel(candidate)}
                </option>
              ))}
            </select>
          </div>
          <p className="muted">It applies to their next request. An account always keeps at least one owner.</p>
        </ConfirmDialog>
      );
    }
    case 'remove': {
      const { id, name } = pending.member;
      return (
        <ConfirmDialog
          title={`Remove ${name} from the team?`}
          confirmLabel="Remove"
          destructive
          busy={busy}
          error={error}
          onCancel={onClose}
          onConfirm={() =>
            void run(() => remove({ variables: { input: { accountId, userId: id } } }), `${name} was removed from the team.`)
          }
        >
          <p>They can no longer sign in, and their open sessions end. What they did stays in the history.</p>
        </ConfirmDialog>
      );
    }
  }
}
