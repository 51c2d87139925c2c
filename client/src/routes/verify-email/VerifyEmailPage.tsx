import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { verifyEmail, type VerifyEmailResult } from '../../apollo/auth-requests';
import { formatMoney } from '../../utils/money';

/** Props of {@link VerifyEmailPage}. */
export interface VerifyEmailPageProps {
  /** The link's `token`, or null when the link has none. */
  token: string | null;
  /** True when someone is signed in in this browser: the way on is the dashboard, else the sign-in page. */
  signedIn: boolean;
  /** Leaves for the dashboard (signed in) or the sign-in page. */
  onContinue: () => void;
}

/**
 * `/verify-email?token=…`, the link of the verification mail: posts the token once
 * (`POST /auth/verify-email`; the link works whatever browser opens it, signed in or not) and says
 * what happened: verified (with the trial credit, the first time), already verified, or a link that
 * no longer works (then: sign in and ask for a new one from the banner).
 */
export function VerifyEmailPage({ token, signedIn, onContinue }: VerifyEmailPageProps) {
  const headingId = useId();
  const [result, setResult] = useState<VerifyEmailResult | null>(null);
  // StrictMode runs effects twice in development: the token is posted once per page.
  const posted = useRef(false);

  useEffect(() => {
    if (token === null || posted.current) return;
    posted.current = true;
    void verifyEmail(token).then(setResult);
  }, [token]);

  const continueLabel = signedIn ? 'Go to the dashboard' : 'Go to sign-in';
  let body: ReactNode;
  if (token === null) {
    body = (
      <p className="notice notice--error" role="alert">
        This link has no token. Copy the whole link from the e-mail, or sign in and ask for a new one.
      </p>
    );
  } else if (result === null) {
    body = <p className="placeholder">Confirming your e-mail address…</p>;
  } else if (!result.ok) {
    body = (
      <p className="notice notice--error" role="alert">
        {result.message}
      </p>
    );
  } else {
    body = (
      <p className="notice" role="status">
        {result.alreadyVerified
          ? 'Your e-mail address was already confirmed.'
          : result.trialCredit !== null
            ? `Your e-mail address is confirmed, and ${formatMoney(result.trialCredit.amount, result.trialCredit.currency)} of trial credit is in your wallet.`
            : 'Your e-mail address is confirmed.'}
      </p>
    );
  }
  return (
    <section className="card sign-in" aria-labelledby={headingId}>
      <h1 id={headingId}>Confirm your e-mail address</h1>
      {body}
      {(token === null || result !== null) && (
        <button type="button" className="button button--primary" onClick={onContinue}>
          {continueLabel}
        </button>
      )}
    </section>
  );
}
