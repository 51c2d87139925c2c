import { useEffect, useId, useState, type FormEvent } from 'react';
import { fetchSignUpOptions, signUp, type SignUpOptionsResult } from '../../apollo/auth-requests';
import type { AuthFailure, SessionUser } from '../../utils/auth-response';
import { formatMoney } from '../../utils/money';
import { checkSignUpForm, COMPANY_LENGTH_MAX, countryOptions, type SignUpFormProblems, type SignUpFormValues } from '../../utils/sign-up';
import { PASSWORD_HINT, PASSWORD_LENGTH_MAX } from '../accept-invitation/password-rules';

/** Props of {@link SignUpPage}. */
export interface SignUpPageProps {
  /** Called once the server opened the account and signed the person in (the session cookie is set). */
  onSignedUp: (user: SessionUser) => void;
  /** Leaves for the sign-in page. */
  onGoToSignIn: () => void;
}

const EMPTY_FORM: SignUpFormValues = { email: '', password: '', name: '', company: '', country: '', currency: 'USD' };

/** The fields in the order the form shows them (a server refusal names one of them). */
const FIELDS = ['email', 'password', 'name', 'company', 'country', 'currency'] as const;

/**
 * `/sign-up`: a free trial without a card. E-mail, password, name, company, country and the wallet's
 * currency (`POST /auth/sign-up`); the person is signed in at once and asked to confirm the address
 * from the mail we send (the trial credit comes with the confirmation). When the operator turned
 * sign-up off (`SIGN_UP=0`, read from `POST /auth/sign-up/options`), the page says so and leads to
 * sign-in; when the server cannot be asked, it says that, with a retry.
 */
export function SignUpPage({ onSignedUp, onGoToSignIn }: SignUpPageProps) {
  const headingId = useId();
  const baseId = useId();
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${baseId}-${field}`])) as Record<(typeof FIELDS)[number], string>;
  const errorIds = Object.fromEntries(FIELDS.map((field) => [field, `${baseId}-${field}-error`])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const [answer, setAnswer] = useState<SignUpOptionsResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [countries] = useState(() => countryOptions());
  const [values, setValues] = useState<SignUpFormValues>(EMPTY_FORM);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's way to ask again.
  useEffect(() => {
    let live = true;
    setAnswer(null);
    void fetchSignUpOptions().then((result) => {
      if (live) setAnswer(result);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const problems: SignUpFormProblems = submitted ? checkSignUpForm(values) : {};
  const problemOf = (field: keyof SignUpFormValues) => problems[field] ?? (failure?.field === field ? failure.message : undefined);
  const formFailure = failure !== null && !FIELDS.includes(failure.field as (typeof FIELDS)[number]) ? failure : null;
  const taken = failure?.field === 'email' && failure.code === 'INVALID_STATE';

  const update = (field: keyof SignUpFormValues) => (event: { target: { value: string } }) => {
    setValues((previous) => ({ ...previous, [field]: event.target.value }));
    if (failure?.field === field) setFailure(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (Object.keys(checkSignUpForm(values)).length > 0) return;
    setPending(true);
    setFailure(null);
    const result = await signUp(values);
    if (result.ok) {
      onSignedUp(result.user);
      return;
    }
    setPending(false);
    setFailure(result);
  };

  if (answer === null) return <p className="placeholder">Loading…</p>;
  if (!answer.ok) {
    return (
      <section className="card sign-in" aria-labelledby={headingId}>
        <h1 id={headingId}>Start your free trial</h1>
        <p className="notice notice--error sign-in__error" role="alert">
          {answer.message}
        </p>
        <div className="sign-in__switch">
          <button type="button" className="button" onClick={() => setAttempt((previous) => previous + 1)}>
            Try again
          </button>
          <button type="button" className="button button--quiet" onClick={onGoToSignIn}>
            Go to sign-in
          </button>
        </div>
      </section>
    );
  }
  const options = answer.options;
  if (!options.enabled) {
    return (
      <section className="card sign-in" aria-labelledby={headingId}>
        <h1 id={headingId}>Sign-up is closed</h1>
        <p className="notice sign-in__notice" role="status">
          This Spendwire server does not open accounts by itself. Ask its operator for an account, or for an invitation to your team’s.
        </p>
        <p className="muted sign-in__lead">Already have an account? Sign in with your e-mail and password, or an API key.</p>
        <button type="button" className="button button--primary" onClick={onGoToSignIn}>
          Go to sign-in
        </button>
      </section>
    );
  }

  const trial = options.trialCredit[values.currency];
  const field = (name: keyof SignUpFormValues) => ({
    id: ids[name],
    'aria-invalid': problemOf(name) !== undefined,
    'aria-describedby': problemOf(name) !== undefined ? errorIds[name] : undefined,
  });
  const error = (name: keyof SignUpFormValues) =>
    problemOf(name) !== undefined && (
      <p id={errorIds[name]} className="field-error">
        {problemOf(name)}
      </p>
    );

  return (
    <section className="card sign-in" aria-labelledby={headingId}>
      <h1 id={headingId}>Start your free trial</h1>
      <p className="muted sign-in__lead">
        No card needed.{' '}
        {trial !== undefined
          ? `Confirm your e-mail address and your wallet gets ${formatMoney(trial, values.currency)} of trial credit.`
          : 'Confirm your e-mail address to start topping up.'}
      </p>
      <form
        className="sign-in__form"
        onSubmit={(event) => void submit(event)}
        aria-label="Create an account"
        aria-busy={pending}
        noValidate
      >
        <label htmlFor={ids.email}>Work e-mail</label>
        <input type="email" value={values.email} onChange={update('email')} autoComplete="email" spellCheck={false} {...field('email')} />
        {error('email')}
        {taken && (
          <p className="muted">
            <button type="button" className="button button--quiet" onClick={onGoToSignIn}>
              Sign in instead
            </button>
          </p>
        )}
        <label htmlFor={ids.password}>Password</label>
        <input
          type="password"
          value={values.password}
          onChange={update('password')}
          autoComplete="new-password"
          maxLength={PASSWORD_LENGTH_MAX * 2}
          {...field('password')}
        />
        {error('password') || <p className="muted">{PASSWORD_HINT}</p>}
        <label htmlFor={ids.name}>Your name</label>
        <input value={values.name} onChange={update('name')} autoComplete="name" maxLength={400} {...field('name')} />
        {error('name')}
        <label htmlFor={ids.company}>Company</label>
        <input
          value={values.company}
          onChange={update('company')}
          autoComplete="organization"
          maxLength={COMPANY_LENGTH_MAX * 2}
          {...field('company')}
        />
        {error('company')}
        <label htmlFor={ids.country}>Country</label>
        <select value={values.country} onChange={update('country')} autoComplete="country" {...field('country')}>
          <option value="">Choose…</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        {error('country')}
        <label htmlFor={ids.currency}>Wallet currency</label>
        <select value={values.currency} onChange={update('currency')} {...field('currency')}>
          {options.currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
        {error('currency')}
        {formFailure !== null && (
          <p className="notice notice--error sign-in__error" role="alert">
            {formFailure.message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <div className="sign-in__switch">
        <button type="button" className="button button--quiet" onClick={onGoToSignIn}>
          Already have an account? Sign in
        </button>
      </div>
    </section>
  );
}
