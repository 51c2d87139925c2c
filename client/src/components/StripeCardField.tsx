import { CardElement, Elements, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Stripe } from '@stripe/stripe-js';
import { useEffect, useId, useState, type RefObject } from 'react';
import { loadStripeOnce } from '../stripe/load-stripe';

/** What the checkout asks of the card field on submit. */
export interface StripeCardHandle {
  /**
   * Creates a Stripe PaymentMethod from what was typed; resolves to its id.
   * @throws Error with Stripe's sentence when the card is incomplete or refused.
   */
  createPaymentMethod: () => Promise<string>;
}

/** The card field's state, for the checkout's submit button. */
export interface StripeCardState {
  /** Stripe.js is loaded and the field ready. */
  ready: boolean;
  /** Every part of the card is filled in and plausible. */
  complete: boolean;
  /** Stripe's sentence about what was typed, or about loading Stripe.js; null when none. */
  error: string | null;
}

/** Props of {@link StripeCardField}. */
export interface StripeCardFieldProps {
  /** `PaymentsConfig.publishableKey`. */
  publishableKey: string;
  /** Set while the field is mounted and ready; cleared on unmount. */
  handleRef: RefObject<StripeCardHandle | null>;
  onStateChange: (state: StripeCardState) => void;
  disabled?: boolean;
}

/**
 * A card typed into Stripe Elements (STRIPE mode only): Stripe's CardElement inside its
 * `<Elements>` provider. Loaded with React.lazy, so neither this module nor Stripe.js is fetched
 * unless the server runs with Stripe. Card numbers never touch this page's code: only the
 * PaymentMethod id Stripe creates is sent to the server.
 */
export default function StripeCardField({ publishableKey, handleRef, onStateChange, disabled = false }: StripeCardFieldProps) {
  const [stripe] = useState<Promise<Stripe | null>>(() =>
    // Elements is given a promise that never rejects; the failure is shown by the effect below.
    loadStripeOnce(publishableKey).catch(() => null),
  );
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    loadStripeOnce(publishableKey).then(
      (loadedStripe) => {
        if (current && loadedStripe === null) setLoadError('Stripe.js is not available in this browser.');
      },
      (error: unknown) => {
        if (current) setLoadError(`Stripe.js could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [publishableKey]);

  useEffect(() => {
    if (loadError !== null) onStateChange({ ready: false, complete: false, error: loadError });
  }, [loadError, onStateChange]);

  return (
    <Elements stripe={stripe}>
      <CardField handleRef={handleRef} onStateChange={onStateChange} disabled={disabled} loadError={loadError} />
    </Elements>
  );
}

function CardField({
  handleRef,
  onStateChange,
  disabled,
  loadError,
}: Pick<StripeCardFieldProps, 'handleRef' | 'onStateChange'> & { disabled: boolean; loadError: string | null }) {
  const stripe = useStripe();
  const elements = useElements();
  const labelId = useId();

  useEffect(() => {
    if (stripe === null || elements === null) return;
    handleRef.current = {
      createPaymentMethod: async () => {
        const card = elements.getElement(CardElement);
        if (card === null) throw new Error('The card field is not ready yet.');
        const result = await stripe.createPaymentMethod({ type: 'card', card });
        if (result.error) throw new Error(result.error.message ?? 'Stripe refused this card.');
        return result.paymentMethod.id;
      },
    };
    return () => {
      handleRef.current = null;
      // The next field starts empty: nothing typed here carries over.
      onStateChange({ ready: false, complete: false, error: null });
    };
  }, [stripe, elements, handleRef, onStateChange]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> brings its own border, padding, margin and min-inline-size, which would change the layout; role=group gives the same semantics.
    <div className="stripe-card" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="field__label">
        Card details
      </span>
      {loadError === null ? (
        <div className="stripe-card__input">
          <CardElement
            options={{ disabled, hidePostalCode: false, style: { base: { fontSize: '15px' } } }}
            onReady={() => onStateChange({ ready: true, complete: false, error: null })}
            onChange={(event) => onStateChange({ ready: true, complete: event.complete, error: event.error?.message ?? null })}
          />
        </div>
      ) : (
        <p className="field-error" role="alert">
          {loadError}
        </p>
      )}
    </div>
  );
}
