import { useId, type ReactNode } from 'react';
import type {
  PaymentsMode,
  SandboxTestCardFieldsFragment as SandboxTestCard,
  SavedCardFieldsFragment as SavedCard,
} from '../../gql/graphql.js';
import { savedCardLabel } from '../../utils/card-label';
import type { CardOption } from '../../utils/payment-choice';

/** Props of {@link PaymentMethodPicker}. */
export interface PaymentMethodPickerProps {
  mode: PaymentsMode;
  /**
   * The account's saved cards (empty while loading or when they could not be listed); null when
   * this key may not list them (INTEGRATOR), which is offered the account's default card instead.
   */
  savedCards: SavedCard[] | null;
  /** True while the saved cards load for the first time. */
  savedCardsLoading: boolean;
  /** Why the saved cards could not be listed (shown by the caller); the picker offers a new card meanwhile. */
  savedCardsFailed: boolean;
  /** SANDBOX mode's test cards. */
  testCards: SandboxTestCard[];
  option: CardOption;
  onOptionChange: (option: CardOption) => void;
  /** The picked test card (SANDBOX mode). */
  testCardId: string | null;
  onTestCardChange: (testCardId: string) => void;
  savePaymentMethod: boolean;
  onSavePaymentMethodChange: (save: boolean) => void;
  /** STRIPE mode: the Elements card field, shown under "New card". */
  stripeCardField?: ReactNode;
  disabled: boolean;
}

/**
 * Which card pays: the saved cards (the default one picked first), a new card (a sandbox test
 * card, or Stripe Elements' card field) with "Save this card for future payments", and, for keys
 * that cannot list saved cards, the account's default card.
 */
export function PaymentMethodPicker(props: PaymentMethodPickerProps) {
  const { mode, savedCards, testCards, option, disabled } = props;
  const name = useId();
  const testCardSelectId = useId();
  const testCardHintId = useId();
  const saveId = useId();
  const pickedTestCard = testCards.find((card) => card.id === props.testCardId) ?? testCards[0];
  const isPicked = (candidate: CardOption) =>
    candidate.kind === option.kind &&
    (candidate.kind !== 'saved' || (option.kind === 'saved' && option.paymentMethodId === candidate.paymentMethodId));

  return (
    <fieldset className="payment-methods" disabled={disabled}>
      <legend>Payment method</legend>
      {props.savedCardsLoading && <p className="muted">Loading saved cards…</p>}
      {savedCards !== null && savedCards.length === 0 && !props.savedCardsLoading && !props.savedCardsFailed && (
        <p className="muted payment-methods__empty">No saved cards yet: pay with a new card, and save it for next time if you like.</p>
      )}
      <ul className="payment-methods__list">
        {(savedCards ?? []).map((card) => {
          const candidate: CardOption = { kind: 'saved', paymentMethodId: card.id };
          return (
            <li key={card.id}>
              <label className="choice">
                <input type="radio" name={name} checked={isPicked(candidate)} onChange={() => props.onOptionChange(candidate)} />
                <span>{savedCardLabel(card)}</span>
              </label>
            </li>
          );
        })}
        {savedCards === null && (
          <li>
            <label className="choice">
              <input
                type="radio"
                name={name}
                checked={isPicked({ kind: 'default' })}
                onChange={() => props.onOptionChange({ kind: 'default' })}
              />
              <span>The account’s default card</span>
            </label>
          </li>
        )}
        <li>
          <label className="choice">
            <input type="radio" name={name} checked={isPicked({ kind: 'new' })} onChange={() => props.onOptionChange({ kind: 'new' })} />
            <span>New card</span>
          </label>
        </li>
      </ul>
      {option.kind === 'new' && (
        <div className="new-card">
          {mode === 'SANDBOX' ? (
            testCards.length === 0 ? (
              <p className="field-error" role="alert">
                The card sandbox offers no test cards.
              </p>
            ) : (
              <div className="field">
                <label htmlFor={testCardSelectId}>Test card</label>
                <select
                  id={testCardSelectId}
                  value={pickedTestCard?.id ?? ''}
                  onChange={(event) => props.onTestCardChange(event.target.value)}
                  aria-describedby={testCardHintId}
                >
                  {testCards.map((card) => (
                    <option key={card.id} value={card.id}>
                      {card.label} — •••• {card.last4}
                    </option>
                  ))}
                </select>
                <p id={testCardHintId} className="muted field__hint">
                  Sandbox: no real card is charged. {pickedTestCard?.behaviour}
                </p>
              </div>
            )
          ) : (
            props.stripeCardField
          )}
          <label className="choice" htmlFor={saveId}>
            <input
              id={saveId}
              type="checkbox"
              checked={props.savePaymentMethod}
              onChange={(event) => props.onSavePaymentMethodChange(event.target.checked)}
            />
            <span>Save this card for future payments</span>
          </label>
        </div>
      )}
    </fieldset>
  );
}
