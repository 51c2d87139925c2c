import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ErrorLike } from '@apollo/client';
import type { PaymentsConfigFieldsFragment as PaymentsConfig, SavedCardFieldsFragment as SavedCard } from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { StripeCardHandle, StripeCardState } from '../../components/StripeCardField';
import { StripeThreeDSecure } from '../../components/StripeThreeDSecure';
import { useAddPaymentMethodMutation } from './hooks/useAddPaymentMethodMutation';
import { usePaymentsConfig } from '../../hooks/usePaymentsConfig';
import { useRemovePaymentMethodMutation } from './hooks/useRemovePaymentMethodMutation';
import { useSavedCards } from '../../hooks/useSavedCards';
import { useSetDefaultPaymentMethodMutation } from './hooks/useSetDefaultPaymentMethodMutation';
import { cardExpiry, cardLabel } from '../../utils/card-label';
import { isChallengeAlreadyAnswered, sandboxErrorOf, type SandboxAuthenticationOutcome } from '../../utils/sandbox-three-d-secure';
import { isSetupChallengeAlreadyAnswered, newCardIds, sandboxSetupAuthenticationRequest } from './saved-cards';
import { SettingsCard } from './SettingsCard';

// Stripe Elements and its module are fetched only when a STRIPE-mode server shows the add-card form.
const StripeCardField = lazy(() => import('../../components/StripeCardField'));

/** After 3-D Secure at setup, how often the saved cards are fetched again while the card is on its way, in milliseconds. @default 1000 */
export const CARD_SETUP_POLL_INTERVAL_MS = 1_000;

/** After 3-D Secure at setup, how many times the saved cards are fetched before giving up (the card then shows after Refresh). @default 10 */
export const CARD_SETUP_POLL_ATTEMPTS = 10;

/**
 * The "Saved cards" card (OWNER, CAMPAIGN_MANAGER): the account's cards, default first, with
 * "Make default" and "Remove" (confirmed), and a form to add one: a sandbox test card in SANDBOX
 * mode, Stripe Elements otherwise; 3-D Secure at setup is answered in the page.
 */
export function SavedCardsCard() {
  const saved = useSavedCards(true);
  const config = usePaymentsConfig();
  const [setDefault, setDefaultState] = useSetDefaultPaymentMethodMutation();
  const [remove, removeState] = useRemovePaymentMethodMutation();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const cards = saved.data?.paymentMethods;

  const run = async (id: string, action: (options: { variables: { id: string } }) => Promise<unknown>) => {
    setPendingId(id);
    try {
      await action({ variables: { id } });
    } catch {
      // The mutation's `error` shows why.
    } finally {
      setPendingId(null);
    }
  };
  const refetchCards = saved.refetch;
  const reloadCards = useCallback(async () => (await refetchCards()).data?.paymentMethods ?? [], [refetchCards]);
  const actionError = setDefaultState.error ?? removeState.error;

  return (
    <SettingsCard title="Saved cards">
      <SavedCardList
        cards={cards}
        loading={saved.loading}
        error={saved.error}
        onRetry={() => void refetchCards().catch(() => undefined)}
        pendingId={pendingId}
        actionError={actionError}
        onMakeDefault={(id) => void run(id, setDefault)}
        onRemove={(id) => void run(id, remove)}
      />
      {config.data?.paymentsConfig ? (
        <AddCardForm config={config.data.paymentsConfig} cardsBefore={cards ?? []} reloadCards={reloadCards} />
      ) : config.error ? (
        <ErrorNotice error={config.error}>
          <button type="button" className="button" onClick={() => void config.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      ) : (
        <p className="muted">Loading payment options…</p>
      )}
    </SettingsCard>
  );
}

/** Props of {@link SavedCardList}. */
export interface SavedCardListProps {
  /** Default first; undefined before the first answer. */
  cards: readonly SavedCard[] | undefined;
  loading: boolean;
  error: ErrorLike | undefined;
  onRetry: () => void;
  /** The card a change is being made to: its buttons wait. */
  pendingId: string | null;
  /** Why the last change failed. */
  actionError: unknown;
  onMakeDefault: (id: string) => void;
  onRemove: (id: string) => void;
}

/** The saved cards with their buttons; removing one asks first. Data-free. */
export function SavedCardList({ cards, loading, error, onRetry, pendingId, actionError, onMakeDefault, onRemove }: SavedCardListProps) {
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  let body: ReactNode;
  if (cards === undefined) {
    body = error ? null : <p className="placeholder">Loading saved cards…</p>;
  } else if (cards.length === 0) {
    body = <p className="placeholder">No saved cards yet. Add one below, or save one when you pay.</p>;
  } else {
    body = (
      <ul className="saved-cards" aria-label="Cards" aria-busy={loading}>
        {cards.map((card) => {
          const label = cardLabel(card.brand, card.last4);
          const busy = pendingId !== null;
          return (
            <li key={card.id} className="saved-cards__card" aria-label={label}>
              <div className="saved-cards__label">
                <span className="saved-cards__name">{label}</span>
                <span className="muted">expires {cardExpiry(card.expMonth, card.expYear)}</span>
                {card.isDefault && <span className="status status--completed">Default</span>}
              </div>
              {confirmingId === card.id ? (
                // biome-ignore lint/a11y/useSemanticElements: a <fieldset> brings its own border, padding, margin and min-inline-size, which would change the layout; role=group gives the same semantics.
                <div className="saved-cards__confirm" role="group" aria-label={`Remove ${label}?`}>
                  <span>
                    Remove {label}?
                    {card.isDefault ? ' It is the default card: automatic funding stops until another one is the default.' : ''}
                  </span>
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy}
                    onClick={() => {
                      setConfirmingId(null);
                      onRemove(card.id);
                    }}
                  >
                    Remove card
                  </button>
                  <button type="button" className="button" onClick={() => setConfirmingId(null)}>
                    Keep it
                  </button>
                </div>
              ) : (
                <div className="saved-cards__actions">
                  {!card.isDefault && (
                    <button type="button" className="button" disabled={busy} onClick={() => onMakeDefault(card.id)}>
                      {pendingId === card.id ? 'Saving…' : 'Make default'}
                    </button>
                  )}
                  <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirmingId(card.id)}>
                    Remove
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <>
      {error && (
        <ErrorNotice error={error}>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {actionError ? <ErrorNotice error={actionError} /> : null}
      {body}
    </>
  );
}

/** Where adding a card stands. */
type AddCardProgress =
  | { kind: 'form' }
  | { kind: 'added'; label: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'authenticate'; setupIntentId: string; clientSecret: string; cardsBefore: readonly SavedCard[] }
  | { kind: 'waiting' }
  | { kind: 'not-seen' };

const STRIPE_CARD_NOT_READY: StripeCardState = { ready: false, complete: false, error: null };

/** Props of {@link AddCardForm}. */
export interface AddCardFormProps {
  config: PaymentsConfig;
  /** The cards listed now: a card 3-D Secure saves later is told apart from them. */
  cardsBefore: readonly SavedCard[];
  /** Fetches the saved cards again and resolves to them. */
  reloadCards: () => Promise<readonly SavedCard[]>;
}

/** "Add a card": a sandbox test card (SANDBOX) or Stripe Elements (STRIPE), optionally the new default; then 3-D Secure when the bank asks. */
export function AddCardForm({ config, cardsBefore, reloadCards }: AddCardFormProps) {
  const testCardId = useId();
  const testCardHintId = useId();
  const makeDefaultId = useId();
  const [add, { loading, error, reset }] = useAddPaymentMethodMutation();
  const [pickedTestCard, setPickedTestCard] = useState<string | null>(null);
  const [makeDefault, setMakeDefault] = useState(false);
  const [progress, setProgress] = useState<AddCardProgress>({ kind: 'form' });
  const [stripeCard, setStripeCard] = useState<StripeCardState>(STRIPE_CARD_NOT_READY);
  const [cardError, setCardError] = useState<string | null>(null);
  const stripeHandle = useRef<StripeCardHandle | null>(null);
  const onStripeCardChange = useCallback((state: StripeCardState) => setStripeCard(state), []);

  const testCard = config.testCards.find((card) => card.id === pickedTestCard) ?? config.testCards[0];
  const stripeReady = config.mode === 'STRIPE' && config.publishableKey !== null && stripeCard.ready && stripeCard.complete;
  const canAdd = !loading && (config.mode === 'SANDBOX' ? testCard !== undefined : stripeReady);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canAdd) return;
    setCardError(null);
    let paymentMethodId: string;
    if (config.mode === 'SANDBOX') {
      paymentMethodId = testCard!.id;
    } else {
      try {
        const handle = stripeHandle.current;
        if (handle === null) throw new Error('The card field is not ready yet.');
        paymentMethodId = await handle.createPaymentMethod();
      } catch (stripeError) {
        setCardError(stripeError instanceof Error ? stripeError.message : String(stripeError));
        return;
      }
    }
    const before = cardsBefore;
    try {
      const result = await add({ variables: { input: { paymentMethodId, makeDefault } } });
      const outcome = result.data?.addPaymentMethod;
      if (!outcome) return;
      if (outcome.status === 'SUCCEEDED' && outcome.paymentMethod) {
        setProgress({ kind: 'added', label: cardLabel(outcome.paymentMethod.brand, outcome.paymentMethod.last4) });
      } else if (outcome.status === 'REQUIRES_ACTION' && outcome.clientSecret) {
        setProgress({
          kind: 'authenticate',
          setupIntentId: outcome.setupIntentId,
          clientSecret: outcome.clientSecret,
          cardsBefore: before,
        });
      } else {
        setProgress({ kind: 'failed', reason: outcome.failureReason?.trim() || 'The card could not be saved. Try another card.' });
      }
    } catch {
      // The mutation's `error` shows why.
    }
  };

  /** After the bank's answer: the card is saved when Stripe reports the setup, so look for it a few times. */
  const waitForCard = async (cardsBeforeSetup: readonly SavedCard[]): Promise<boolean> => {
    setProgress({ kind: 'waiting' });
    for (let attempt = 0; attempt < CARD_SETUP_POLL_ATTEMPTS; attempt += 1) {
      try {
        const cards = await reloadCards();
        const added = newCardIds(cardsBeforeSetup, cards);
        const card = cards.find((candidate) => candidate.id === added[0]);
        if (card) {
          setProgress({ kind: 'added', label: cardLabel(card.brand, card.last4) });
          return true;
        }
      } catch {
        // Try again on the next round; the last round's failure says so.
      }
      await new Promise((resolve) => setTimeout(resolve, CARD_SETUP_POLL_INTERVAL_MS));
    }
    setProgress({ kind: 'not-seen' });
    return false;
  };

  const again = () => {
    reset();
    setProgress({ kind: 'form' });
  };

  if (progress.kind === 'added') {
    return (
      <div className="add-card">
        <p className="notice notice--success" role="status">
          Card saved: {progress.label}.
        </p>
        <button type="button" className="button" onClick={again}>
          Add another card
        </button>
      </div>
    );
  }
  if (progress.kind === 'failed' || progress.kind === 'not-seen') {
    return (
      <div className="add-card">
        <div className={progress.kind === 'failed' ? 'notice notice--error' : 'notice notice--warning'} role="alert">
          <p className="notice__summary">{progress.kind === 'failed' ? 'The card was not saved' : 'The card has not shown up yet'}</p>
          <p className="notice__detail">
            {progress.kind === 'failed'
              ? progress.reason
              : 'The bank confirmed it, but Stripe has not reported the card yet: it shows here after Refresh once it has.'}
          </p>
          <div className="notice__actions">
            <button type="button" className="button" onClick={again}>
              {progress.kind === 'failed' ? 'Try another card' : 'Add another card'}
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (progress.kind === 'waiting') {
    return (
      <p className="muted add-card" role="status">
        Saving the card…
      </p>
    );
  }
  if (progress.kind === 'authenticate') {
    return config.mode === 'SANDBOX' && config.sandboxUrl ? (
      <SandboxSetupThreeDSecure
        sandboxUrl={config.sandboxUrl}
        setupIntentId={progress.setupIntentId}
        clientSecret={progress.clientSecret}
        onAnswered={(outcome) => (outcome === 'succeed' ? waitForCard(progress.cardsBefore) : failSetup(setProgress))}
      />
    ) : config.mode === 'STRIPE' && config.publishableKey ? (
      <StripeThreeDSecure
        publishableKey={config.publishableKey}
        clientSecret={progress.clientSecret}
        onAnswered={() => waitForCard(progress.cardsBefore)}
      />
    ) : (
      <p className="notice notice--error" role="alert">
        Your bank asks you to confirm this card, but this server offers no way to do it.
      </p>
    );
  }

  const otherError = error && fieldErrorOf(error, 'paymentMethodId') === null ? error : null;
  return (
    <form className="add-card" aria-label="Add a card" onSubmit={(event) => void submit(event)} noValidate aria-busy={loading}>
      <h3>Add a card</h3>
      {config.mode === 'SANDBOX' ? (
        config.testCards.length === 0 ? (
          <p className="field-error" role="alert">
            The card sandbox offers no test cards.
          </p>
        ) : (
          <div className="field">
            <label htmlFor={testCardId}>Test card</label>
            <select
              id={testCardId}
              value={testCard?.id ?? ''}
              onChange={(event) => setPickedTestCard(event.target.value)}
              aria-describedby={testCardHintId}
            >
              {config.testCards.map((card) => (
                <option key={card.id} value={card.id}>
                  {card.label} — •••• {card.last4}
                </option>
              ))}
            </select>
            <p id={testCardHintId} className="muted field__hint">
              Sandbox: no real card is saved. {testCard?.behaviour}
            </p>
          </div>
        )
      ) : config.publishableKey ? (
        <Suspense fallback={<p className="muted">Loading the card field…</p>}>
          <StripeCardField
            publishableKey={config.publishableKey}
            handleRef={stripeHandle}
            onStateChange={onStripeCardChange}
            disabled={loading}
          />
        </Suspense>
      ) : (
        <p className="notice" role="status">
          Cards cannot be added on this server (no Stripe publishable key).
        </p>
      )}
      <label className="choice" htmlFor={makeDefaultId}>
        <input id={makeDefaultId} type="checkbox" checked={makeDefault} onChange={(event) => setMakeDefault(event.target.checked)} />
        <span>Make it the default card (automatic funding charges the default card; the first card always is)</span>
      </label>
      {(cardError ?? stripeCard.error ?? fieldErrorOf(error, 'paymentMethodId')) !== null && (
        <p className="field-error" role="alert">
          {cardError ?? stripeCard.error ?? fieldErrorOf(error, 'paymentMethodId')}
        </p>
      )}
      {otherError && <ErrorNotice error={otherError} />}
      <div>
        <button type="submit" className="button button--primary" disabled={!canAdd}>
          {loading ? 'Adding…' : 'Add card'}
        </button>
      </div>
    </form>
  );
}

/** A failed 3-D Secure at setup: nothing was saved. */
async function failSetup(setProgress: (progress: AddCardProgress) => void): Promise<boolean> {
  setProgress({ kind: 'failed', reason: 'Your bank did not confirm the card: it was not saved.' });
  return true;
}

/** Props of {@link SandboxSetupThreeDSecure}. */
interface SandboxSetupThreeDSecureProps {
  sandboxUrl: string;
  setupIntentId: string;
  clientSecret: string;
  /** Called once the sandbox took the answer; resolves to whether the outcome is known. */
  onAnswered: (outcome: SandboxAuthenticationOutcome) => Promise<boolean>;
}

/**
 * The offline sandbox's stand-in for the bank's 3-D Secure page when a card is saved: a modal
 * dialog with Complete and Fail, which answer the SetupIntent's challenge.
 */
function SandboxSetupThreeDSecure({ sandboxUrl, setupIntentId, clientSecret, onAnswered }: SandboxSetupThreeDSecureProps) {
  const titleId = useId();
  const completeRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    completeRef.current?.focus();
  }, []);

  const answer = async (outcome: SandboxAuthenticationOutcome) => {
    setBusy(true);
    setError(null);
    try {
      const request = sandboxSetupAuthenticationRequest({ sandboxUrl, setupIntentId, clientSecret, outcome });
      let response: Response;
      try {
        response = await fetch(request.url, request.init);
      } catch (networkError) {
        setError(`The card sandbox cannot be reached: ${networkError instanceof Error ? networkError.message : String(networkError)}`);
        return;
      }
      if (!response.ok) {
        const refusal = sandboxErrorOf(response.status, await response.text().catch(() => ''));
        // Answered already (another tab, a lost response): the saved cards tell how it ended.
        if (isSetupChallengeAlreadyAnswered(refusal) || isChallengeAlreadyAnswered(refusal)) await onAnswered('succeed');
        else setError(refusal.message);
        return;
      }
      await onAnswered(outcome);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <p className="dialog__eyebrow muted">3-D Secure · card sandbox</p>
        <h2 id={titleId}>Your bank asks you to confirm this card</h2>
        <p>This simulated bank page lets you complete the authentication (the card is saved) or make it fail.</p>
        {error !== null && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button ref={completeRef} type="button" className="button button--primary" disabled={busy} onClick={() => void answer('succeed')}>
            Complete
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void answer('fail')}>
            Fail
          </button>
        </div>
      </div>
    </div>
  );
}
