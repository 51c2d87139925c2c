import { useEffect, useId, useRef, useState } from 'react';
import { formatMoney } from '../../utils/money';
import { cardLabel } from '../../utils/card-label';
import {
  isChallengeAlreadyAnswered,
  sandboxAuthenticationRequest,
  sandboxErrorOf,
  type SandboxAuthenticationOutcome,
} from '../../utils/sandbox-three-d-secure';

/** Props of {@link SandboxThreeDSecure}. */
export interface SandboxThreeDSecureProps {
  /** `PaymentsConfig.sandboxUrl`. */
  sandboxUrl: string;
  paymentIntentId: string;
  clientSecret: string;
  /** What the bank shows the payer: the total charged and the card. */
  total: string;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  /**
   * Called once the sandbox took the answer: the caller asks the server for the outcome
   * (refreshTopUp) and resolves to whether it got it. The dialog stays busy until then, and
   * offers to ask again when it did not.
   */
  onAnswered: () => Promise<boolean>;
}

/**
 * The offline sandbox's stand-in for a bank's 3-D Secure page (SANDBOX mode): a modal dialog
 * "Your bank asks you to confirm this payment" with Complete and Fail, which answer the sandbox's
 * challenge of the PaymentIntent; the top-up then succeeds or fails as with a real bank.
 */
export function SandboxThreeDSecure(props: SandboxThreeDSecureProps) {
  const { sandboxUrl, paymentIntentId, clientSecret, onAnswered } = props;
  const titleId = useId();
  const descriptionId = useId();
  const completeRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState<SandboxAuthenticationOutcome | 'check' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Set once the sandbox took an answer: from then on only the server can say how it ended.
  const [answered, setAnswered] = useState(false);

  useEffect(() => {
    completeRef.current?.focus();
  }, []);

  const checkOutcome = async () => {
    setAnswered(true);
    if (!(await onAnswered())) setError('Your answer reached the bank, but the payment’s status could not be fetched. Check it again.');
  };

  const answer = async (outcome: SandboxAuthenticationOutcome) => {
    setBusy(outcome);
    setError(null);
    try {
      const request = sandboxAuthenticationRequest({ sandboxUrl, paymentIntentId, clientSecret, outcome });
      let response: Response;
      try {
        response = await fetch(request.url, request.init);
      } catch (networkError) {
        setError(`The card sandbox cannot be reached: ${networkError instanceof Error ? networkError.message : String(networkError)}`);
        return;
      }
      if (!response.ok) {
        const refusal = sandboxErrorOf(response.status, await response.text().catch(() => ''));
        if (isChallengeAlreadyAnswered(refusal)) await checkOutcome();
        else setError(refusal.message);
        return;
      }
      await checkOutcome();
    } finally {
      setBusy(null);
    }
  };

  const checkAgain = async () => {
    setBusy('check');
    setError(null);
    try {
      await checkOutcome();
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={descriptionId}>
        <p className="dialog__eyebrow muted">3-D Secure · card sandbox</p>
        <h2 id={titleId}>Your bank asks you to confirm this payment</h2>
        <p id={descriptionId}>
          {formatMoney(props.total, props.currency)} with {cardLabel(props.cardBrand, props.cardLast4)}. This simulated bank page lets you
          complete the authentication or make it fail.
        </p>
        {error !== null && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {busy !== null && (
          <p className="muted" role="status">
            {busy === 'succeed'
              ? 'Confirming with your bank…'
              : busy === 'fail'
                ? 'Declining the authentication…'
                : 'Checking the payment…'}
          </p>
        )}
        <div className="dialog__actions">
          {answered ? (
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void checkAgain()}>
              Check payment status
            </button>
          ) : (
            <>
              <button
                ref={completeRef}
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() => void answer('succeed')}
              >
                Complete
              </button>
              <button type="button" className="button" disabled={busy !== null} onClick={() => void answer('fail')}>
                Fail
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
