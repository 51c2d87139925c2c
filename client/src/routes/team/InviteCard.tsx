import { useId, useRef, useState, type FormEvent } from 'react';
import type { InviteUserMutation } from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useInviteUserMutation } from './hooks/useInviteUserMutation';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { INVITABLE_ROLE_DEFAULT, INVITABLE_ROLES, invitationLink, type InvitableRole } from '../../utils/invitations';

/** Props of {@link InviteCard}. */
export interface InviteCardProps {
  /** The account teammates are invited into. */
  accountId: string;
}

type Invited = InviteUserMutation['inviteUser'];

/**
 * "Invite a teammate", for OWNERs: an e-mail address and a role (`inviteUser`). The server e-mails
 * the invitee a link to choose their name and password; the link is also shown here this once,
 * with a copy button, for sending it another way.
 */
export function InviteCard({ accountId }: InviteCardProps) {
  const headingId = useId();
  const [invited, setInvited] = useState<Invited | null>(null);

  return (
    <section className="card team" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Invite a teammate</h2>
      </div>
      {invited === null ? (
        <InviteForm accountId={accountId} onInvited={setInvited} />
      ) : (
        <InvitationLink invited={invited} onDone={() => setInvited(null)} />
      )}
    </section>
  );
}

function InviteForm({ accountId, onInvited }: { accountId: string; onInvited: (invited: Invited) => void }) {
  const emailId = useId();
  const roleId = useId();
  const emailErrorId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitableRole>(INVITABLE_ROLE_DEFAULT);
  const [invite, { loading, error, reset }] = useInviteUserMutation();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading || email.trim() === '') return;
    try {
      const result = await invite({ variables: { input: { accountId, email: email.trim(), role } } });
      if (result.data) onInvited(result.data.inviteUser);
    } catch {
      // The mutation's `error` shows why.
    }
  };

  const emailError = fieldErrorOf(error, 'email');
  return (
    <form className="team__form" onSubmit={(event) => void submit(event)} aria-label="Invite a teammate" aria-busy={loading}>
      <p className="muted">We e-mail them a link to choose their name and password; it works once.</p>
      <div className="team__fields">
        <div className="field team__email">
          <label htmlFor={emailId}>E-mail</label>
          <input
            id={emailId}
            type="email"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              if (error) reset();
            }}
            autoComplete="off"
            spellCheck={false}
            required
            aria-invalid={emailError !== null}
            aria-describedby={emailError !== null ? emailErrorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as InvitableRole)}>
            {INVITABLE_ROLES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {enumLabel(candidate)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={loading || email.trim() === ''}>
          {loading ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      {emailError !== null ? (
        <p id={emailErrorId} className="field-error" role="alert">
          {emailError}
        </p>
      ) : (
        error && <ErrorNotice error={error} />
      )}
    </form>
  );
}

/** The invitation just made: it was e-mailed; its link (shown only now) with a copy button, and the way back to the form. */
function InvitationLink({ invited, onDone }: { invited: Invited; onDone: () => void }) {
  const linkId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const link = invitationLink(window.location.origin, invited.token);
  const { email, role, expiresAt } = invited.invitation;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): select the link for Ctrl+C.
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="team__invited">
      <p role="status">
        Invitation e-mailed to <strong>{email}</strong> as {enumLabel(role)}, valid until {formatDateTime(expiresAt)}.
      </p>
      <div className="field">
        <label htmlFor={linkId}>Invitation link</label>
        <div className="team__link">
          <input id={linkId} ref={inputRef} value={link} readOnly spellCheck={false} onFocus={(event) => event.target.select()} />
          <button type="button" className="button" onClick={() => void copy()}>
            {copied === 'yes' ? 'Copied' : 'Copy link'}
          </button>
        </div>
        <p className={copied === 'failed' ? 'field-error' : 'muted field__hint'} aria-live="polite">
          {copied === 'failed'
            ? 'This browser did not allow copying: the link is selected, copy it with Ctrl+C (⌘C).'
            : 'The same link is in their e-mail; copy it to send it another way. It is shown only this once.'}
        </p>
      </div>
      <div>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Invite someone else
        </button>
      </div>
    </div>
  );
}
