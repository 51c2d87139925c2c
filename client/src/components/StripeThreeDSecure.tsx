import { useEffect, useRef, useState } from 'react';
import { handleStripeNextAction } from '../stripe/load-stripe';

/** Props of {@link StripeThreeDSecure}. */
export interface StripeThreeDSecureProps {
  publishableKey: string;
  clientSecret: string;
  /** Called once Stripe finished its challenge: the caller asks the server for the outcome (refreshTopUp). */
  onAnswered: () => Promise<boolean>;
}

/**
 * 3-D Secure in STRIPE mode: starts Stripe.js's own challenge (`handleNextAction`, in Stripe's
 * modal) as soon as it is shown, then asks the server how the payment ended. Offers to start it
 * again when Stripe reports an error.
 */
export function StripeThreeDSecure({ publishableKey, clientSecret, onAnswered }: StripeThreeDSecureProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Once per client secret, even when React runs the effect twice (StrictMode).
  const startedFor = useRef<string | null>(null);

  const authenticate = async () => {
    setBusy(true);
    setError(null);
    try {
      const stripeError = await handleStripeNextAction(publishableKey, clientSecret);
      // Whatever Stripe said, the server tells how the payment stands now (a refused challenge is FAILED).
      const answered = await onAnswered();
      if (stripeError !== null) setError(stripeError);
      else if (!answered) setError('The payment’s status could not be fetched. Try again.');
    } catch (unexpected) {
      setError(unexpected instanceof Error ? unexpected.message : String(unexpected));
    } finally {
      setBusy(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: started once per client secret on purpose; `authenticate` is a new closure every render and must not restart it.
  useEffect(() => {
    if (startedFor.current === clientSecret) return;
    startedFor.current = clientSecret;
    void authenticate();
    // Started once per client secret, on purpose: `authenticate` is not a dependency.
  }, [clientSecret]);

  return (
    <div className="notice" role="status">
      <p className="notice__summary">Your bank asks you to confirm this payment</p>
      <p className="notice__detail">
        {busy ? 'Follow the steps in the window from your bank…' : 'Confirm the payment with your bank to continue.'}
      </p>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!busy && (
        <div className="notice__actions">
          <button type="button" className="button button--primary" onClick={() => void authenticate()}>
            Confirm with your bank
          </button>
        </div>
      )}
    </div>
  );
}
