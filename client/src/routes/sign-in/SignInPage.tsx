import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { fetchSignUpOptions, signIn } from '../../apollo/auth-requests';
import { ApiKeyForm } from './ApiKeyForm';
import type { AuthFailure, SessionUser } from '../../utils/auth-response';

/** Props of {@link SignInPage}. */
export interface SignInPageProps {
  /** Why the person is here, when there is a reason ("Your session ended: sign in again."). */
  notice: string | null;
  /** Called once the server has signed the person in (the session cookie is set). */
  onSignedIn: (user: SessionUser) => void;
  /** Called with the trimmed key when an integrator signs in with an API key instead. */
  onApiKey: (apiKey: string) => void;
  /** Goes to the sign-up page (the link shows only when the server has sign-up on). */
  onSignUp: () => void;
}

/**
 * The dashboard's entry: e-mail and password (`POST /auth/sign-in`), the server's message when it
 * refuses. Integrators can switch to the API key form ("Use an API key instead").
 */
export function SignInPage({ notice, onSignedIn, onApiKey, onSignUp }: SignInPageProps) {
  const headingId = useId();
  const [method, setMethod] = useState<'password' | 'api-key'>('password');
  // Null while the server is being asked (the links' row is then aria-busy).
  const [signUpEnabled, setSignUpEnabled] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    // Shown only when the server says sign-up is on: off (SIGN_UP=0) or unanswered, no link to a form that cannot work.
    void fetchSignUpOptions().then((result) => {
      if (live) setSignUpEnabled(result.ok && result.options.enabled);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="card sign-in" aria-labelledby={headingId}>
      <h1 id={headingId}>Sign in</h1>
      <p className="muted sign-in__lead">
        {method === 'password'
          ? 'With the e-mail and password of your Spendwire user.'
          : 'With an API key of your account, for integrators.'}
      </p>
      {notice !== null && (
        <p className="notice sign-in__notice" role="status">
          {notice}
        </p>
      )}
      {method === 'password' ? <PasswordForm onSignedIn={onSignedIn} /> : <ApiKeyForm onSubmit={onApiKey} />}
      <div className="sign-in__switch" aria-busy={signUpEnabled === null}>
        <button type="button" className="button button--quiet" onClick={() => setMethod(method === 'password' ? 'api-key' : 'password')}>
          {method === 'password' ? 'Use an API key instead' : 'Use e-mail and password instead'}
        </button>
        {signUpEnabled === true && (
          <a
            className="button button--quiet"
            href="/sign-up"
            onClick={(event) => {
              event.preventDefault();
              onSignUp();
            }}
          >
            New here? Create an account
          </a>
        )}
      </div>
    </section>
  );
}

/** The e-mail and password form, with its loading state and the server's refusal. */
function PasswordForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setFailure(null);
    const result = await signIn({ email, password });
    if (result.ok) {
      onSignedIn(result.user);
      return;
    }
    setPending(false);
    setFailure(result);
    // A wrong password is the usual cause: put the cursor back where the fix goes.
    if (result.field !== 'email') passwordRef.current?.focus();
  };

  const emailInvalid = failure !== null && (failure.field === 'email' || failure.code === 'UNAUTHENTICATED');
  const passwordInvalid = failure !== null && (failure.field === 'password' || failure.code === 'UNAUTHENTICATED');
  return (
    <form
      className="sign-in__form"
      onSubmit={(event) => void submit(event)}
      aria-label="Sign in with e-mail and password"
      aria-busy={pending}
    >
      <label htmlFor={emailId}>E-mail</label>
      <input
        id={emailId}
        type="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        autoComplete="username"
        spellCheck={false}
        required
        aria-invalid={emailInvalid}
        aria-describedby={failure ? errorId : undefined}
      />
      <label htmlFor={passwordId}>Password</label>
      <input
        id={passwordId}
        ref={passwordRef}
        type="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        autoComplete="current-password"
        required
        aria-invalid={passwordInvalid}
        aria-describedby={failure ? errorId : undefined}
      />
      {failure !== null && (
        <p id={errorId} className="notice notice--error sign-in__error" role="alert">
          {failure.message}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
