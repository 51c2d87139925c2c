import { useId, useState, type FormEvent } from 'react';
import { acceptInvitation } from '../../apollo/auth-requests';
import type { AuthFailure, SessionUser } from '../../utils/auth-response';
import {
  checkInvitationForm,
  isInvitationFormValid,
  PASSWORD_HINT,
  PASSWORD_LENGTH_MAX,
  type InvitationFormProblems,
  type InvitationFormValues,
} from './password-rules';

/** Props of {@link AcceptInvitationPage}. */
export interface AcceptInvitationPageProps {
  /** The link's `token`, or null when the link has none. */
  token: string | null;
  /** Who is signed in in this browser already, if anyone: accepting signs them out of that session here. */
  signedInAs: SessionUser | null;
  /** Called once the server created the user and signed them in (the session cookie is set). */
  onAccepted: (user: SessionUser) => void;
  /** Leaves for the sign-in page (the invitation was used already, or the link is broken). */
  onGoToSignIn: () => void;
}

const EMPTY_FORM: InvitationFormValues = { name: '', password: '', confirmation: '' };

/**
 * `/accept-invitation?token=…`: the invitee chooses a name and a password (at least 10 characters,
 * typed twice) and is signed in (`POST /auth/accept-invitation`). The form checks the rules first;
 * the server's refusals are shown under the field they name, or above the form.
 */
export function AcceptInvitationPage({ token, signedInAs, onAccepted, onGoToSignIn }: AcceptInvitationPageProps) {
  const headingId = useId();
  const nameId = useId();
  const passwordId = useId();
  const passwordHintId = useId();
  const confirmationId = useId();
  const confirmationErrorId = useId();
  const nameErrorId = useId();
  const [values, setValues] = useState<InvitationFormValues>(EMPTY_FORM);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);

  // Problems show once the person has tried to submit, then follow the typing.
  const problems: InvitationFormProblems = submitted ? checkInvitationForm(values) : {};
  const serverProblem = (field: keyof InvitationFormValues) => (failure !== null && failure.field === field ? failure.message : undefined);
  const nameProblem = problems.name ?? serverProblem('name');
  const passwordProblem = problems.password ?? serverProblem('password');
  const formFailure = failure !== null && failure.field !== 'name' && failure.field !== 'password' ? failure : null;
  const alreadyUsed = formFailure?.code === 'INVALID_STATE';

  const update = (field: keyof InvitationFormValues) => (event: { target: { value: string } }) => {
    setValues((previous) => ({ ...previous, [field]: event.target.value }));
    if (failure?.field === field) setFailure(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || token === null) return;
    setSubmitted(true);
    if (!isInvitationFormValid(checkInvitationForm(values))) return;
    setPending(true);
    setFailure(null);
    const result = await acceptInvitation({ token, name: values.name, password: values.password });
    if (result.ok) {
      onAccepted(result.user);
      return;
    }
    setPending(false);
    setFailure(result);
  };

  return (
    <section className="card sign-in" aria-labelledby={headingId}>
      <h1 id={headingId}>Join your team</h1>
      <p className="muted sign-in__lead">You were invited to a Spendwire account. Choose your name and a password to sign in.</p>
      {signedInAs !== null && (
        <p className="notice sign-in__notice" role="status">
          This browser is signed in as {signedInAs.email}. Accepting signs you in as the invited person instead.
        </p>
      )}
      {token === null ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__summary">This invitation link has no token. Ask for a new link, or copy the whole link again.</p>
          <div className="notice__actions">
            <button type="button" className="button" onClick={onGoToSignIn}>
              Go to sign-in
            </button>
          </div>
        </div>
      ) : (
        <form
          className="sign-in__form"
          onSubmit={(event) => void submit(event)}
          aria-label="Accept the invitation"
          aria-busy={pending}
          noValidate
        >
          <label htmlFor={nameId}>Your name</label>
          <input
            id={nameId}
            value={values.name}
            onChange={update('name')}
            autoComplete="name"
            maxLength={400}
            aria-invalid={nameProblem !== undefined}
            aria-describedby={nameProblem !== undefined ? nameErrorId : undefined}
          />
          {nameProblem !== undefined && (
            <p id={nameErrorId} className="field-error">
              {nameProblem}
            </p>
          )}
          <label htmlFor={passwordId}>Password</label>
          <input
            id={passwordId}
            type="password"
            value={values.password}
            onChange={update('password')}
            autoComplete="new-password"
            maxLength={PASSWORD_LENGTH_MAX * 2}
            aria-invalid={passwordProblem !== undefined}
            aria-describedby={passwordHintId}
          />
          <p id={passwordHintId} className={passwordProblem !== undefined ? 'field-error' : 'muted'}>
            {passwordProblem ?? PASSWORD_HINT}
          </p>
          <label htmlFor={confirmationId}>Confirm password</label>
          <input
            id={confirmationId}
            type="password"
            value={values.confirmation}
            onChange={update('confirmation')}
            autoComplete="new-password"
            aria-invalid={problems.confirmation !== undefined}
            aria-describedby={problems.confirmation !== undefined ? confirmationErrorId : undefined}
          />
          {problems.confirmation !== undefined && (
            <p id={confirmationErrorId} className="field-error">
              {problems.confirmation}
            </p>
          )}
          {formFailure !== null && (
            <div className="notice notice--error sign-in__error" role="alert">
              <p className="notice__summary">{formFailure.message}</p>
              {alreadyUsed && (
                <div className="notice__actions">
                  <button type="button" className="button" onClick={onGoToSignIn}>
                    Go to sign-in
                  </button>
                </div>
              )}
            </div>
          )}
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Joining…' : 'Accept and sign in'}
          </button>
        </form>
      )}
    </section>
  );
}
