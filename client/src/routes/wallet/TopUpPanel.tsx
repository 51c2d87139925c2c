import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type {
  PaymentsConfigFieldsFragment as PaymentsConfig,
  Role,
  TopUpFieldsFragment as TopUpState,
  TransactionRowFieldsFragment as TransactionRow,
  WalletSummaryFieldsFragment as WalletSummary,
} from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { CheckoutSummary } from './CheckoutSummary';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PaymentMethodPicker } from './PaymentMethodPicker';
import { SandboxThreeDSecure } from './SandboxThreeDSecure';
import type { StripeCardHandle, StripeCardState } from '../../components/StripeCardField';
import { StripeThreeDSecure } from '../../components/StripeThreeDSecure';
import { TopUpReceipt } from '../../components/TopUpReceipt';
import { usePaymentsConfig } from '../../hooks/usePaymentsConfig';
import { useSavedCards } from '../../hooks/useSavedCards';
import { useTopUp, type TopUpFlow } from './hooks/useTopUp';
import { useTopUpQuote } from './hooks/useTopUpQuote';
import { cardLabel } from '../../utils/card-label';
import { compareMoney, formatMoney } from '../../utils/money';
import { canSeeSavedCards, effectiveCardOption, isNewCard, paymentChoiceOf, type CardOption } from '../../utils/payment-choice';
import { checkTopUpAmount, isQuickPick, TOP_UP_AMOUNT_INITIAL, TOP_UP_MINIMUM_DEFAULT, topUpQuickPicks } from '../../utils/top-up-amount';

// Stripe Elements and its module are fetched only when a STRIPE-mode checkout shows a new card.
const StripeCardField = lazy(() => import('../../components/StripeCardField'));

/** Props of {@link TopUpPanel}. Give it `key={wallet.id}` (WalletView is): each wallet has its own checkout. */
export interface TopUpPanelProps {
  wallet: WalletSummary;
  /** The key's role: INTEGRATOR keys pay without listing saved cards. Only roles that may top up get the panel. */
  role: Role;
  /** The wallet's live transactions, newest first: the payment's TOP_UP among them means it was credited. */
  liveRows: readonly TransactionRow[];
}

const STRIPE_CARD_NOT_READY: StripeCardState = { ready: false, complete: false, error: null };

/**
 * The "Top up" card: an amount (with quick picks) and its checkout summary (tax and total from
 * quoteTopUp), a card (saved, a sandbox test card, or Stripe Elements), then the payment's
 * progress: processing, 3-D Secure, failure with another card to try, or the receipt. The balance
 * card next to it moves by itself when the credit arrives over the live subscription.
 */
export function TopUpPanel({ wallet, role, liveRows }: TopUpPanelProps) {
  const headingId = useId();
  const config = usePaymentsConfig();
  const flow = useTopUp({ liveRows });
  const paymentsConfig = config.data?.paymentsConfig;

  let body: ReactNode;
  if (paymentsConfig === undefined) {
    body = config.error ? (
      <ErrorNotice error={config.error}>
        <button type="button" className="button" onClick={() => void config.refetch().catch(() => undefined)}>
          Try again
        </button>
      </ErrorNotice>
    ) : (
      <p className="placeholder">Loading payment options…</p>
    );
  } else if (paymentsConfig.mode === 'STRIPE' && !paymentsConfig.publishableKey) {
    body = (
      <p className="notice" role="status">
        Card payments are not set up on this server (no Stripe publishable key).
      </p>
    );
  } else {
    body = <Checkout wallet={wallet} role={role} config={paymentsConfig} flow={flow} />;
  }

  return (
    <section className="card top-up" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Top up</h2>
        {paymentsConfig?.mode === 'SANDBOX' && (
          <span className="badge badge--sandbox" title="Payments go to the offline card sandbox: no real card is charged">
            Sandbox
          </span>
        )}
      </div>
      {body}
    </section>
  );
}

interface CheckoutProps {
  wallet: WalletSummary;
  role: Role;
  config: PaymentsConfig;
  flow: TopUpFlow;
}

/** The form, then the payment's progress. Stays mounted throughout so the form keeps what was typed. */
function Checkout({ wallet, role, config, flow }: CheckoutProps) {
  const currency = wallet.currency;
  const amountId = useId();
  const amountMessageId = useId();
  const savedCardsAllowed = canSeeSavedCards(role);
  const saved = useSavedCards(savedCardsAllowed);

  const [amountInput, setAmountInput] = useState(TOP_UP_AMOUNT_INITIAL);
  const [knownMinimum, setKnownMinimum] = useState<string | null>(null);
  const [chosenOption, setChosenOption] = useState<CardOption | null>(null);
  const [testCardId, setTestCardId] = useState<string | null>(null);
  const [savePaymentMethod, setSavePaymentMethod] = useState(false);
  const [stripeCard, setStripeCard] = useState<StripeCardState>(STRIPE_CARD_NOT_READY);
  const stripeHandle = useRef<StripeCardHandle | null>(null);

  const minimum = knownMinimum ?? TOP_UP_MINIMUM_DEFAULT;
  const amountCheck = checkTopUpAmount(amountInput, { currency, minimum });
  const quoteState = useTopUpQuote(wallet.id, amountCheck.valid ? amountCheck.amount : null);
  useEffect(() => {
    if (quoteState.minimum !== null) setKnownMinimum(quoteState.minimum);
  }, [quoteState.minimum]);

  const savedCards = savedCardsAllowed ? (saved.data?.paymentMethods ?? []) : null;
  const option = effectiveCardOption(chosenOption, savedCards ?? []);
  const choice = paymentChoiceOf(option, config.mode, config.testCards, testCardId);

  // The server's word on the amount wins over the form's: the quote's refusal, else the payment's.
  const submitError = flow.requestError?.retry === 'submit' ? flow.requestError : null;
  const submittedThisAmount =
    amountCheck.valid && flow.submission !== null && compareMoney(flow.submission.amount, amountCheck.amount) === 0;
  const serverAmountError =
    fieldErrorOf(quoteState.error, 'amount') ?? (submittedThisAmount ? fieldErrorOf(submitError?.error, 'amount') : null);
  const amountMessage = amountCheck.valid ? serverAmountError : amountCheck.message;
  const quoteFailure = quoteState.error !== null && fieldErrorOf(quoteState.error, 'amount') === null ? quoteState.error : null;

  const elementsReady = choice?.kind !== 'elements' || (stripeCard.ready && stripeCard.complete);
  const canPay = !flow.submitting && amountCheck.valid && quoteState.quote !== null && choice !== null && elementsReady;

  const pay = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canPay || !amountCheck.valid || choice === null) return;
    const createElementsPaymentMethod = async () => {
      const handle = stripeHandle.current;
      if (handle === null) throw new Error('The card field is not ready yet.');
      return handle.createPaymentMethod();
    };
    void flow.submit(
      { walletId: wallet.id, amount: amountCheck.amount, choice, savePaymentMethod },
      choice.kind === 'elements' ? createElementsPaymentMethod : undefined,
    );
  };

  // A card saved with this payment shows in the list once the payment succeeded (Stripe saves it then).
  const refetchedFor = useRef<string | null>(null);
  const succeededId = flow.view?.kind === 'succeeded' ? (flow.topUp?.id ?? null) : null;
  const savedWithPayment = flow.submission !== null && isNewCard(flow.submission.choice) && flow.submission.savePaymentMethod;
  const refetchSavedCards = saved.refetch;
  useEffect(() => {
    if (succeededId === null || !savedWithPayment || !savedCardsAllowed || refetchedFor.current === succeededId) return;
    refetchedFor.current = succeededId;
    refetchSavedCards().catch(() => undefined);
  }, [succeededId, savedWithPayment, savedCardsAllowed, refetchSavedCards]);

  const onStripeCardChange = useCallback((state: StripeCardState) => setStripeCard(state), []);

  const tryAnotherCard = () => {
    flow.reset();
    if (option.kind !== 'new') setChosenOption({ kind: 'new' });
  };

  if (flow.topUp !== null) {
    return <Progress topUp={flow.topUp} flow={flow} config={config} onTryAnotherCard={tryAnotherCard} />;
  }

  const quickPicks = topUpQuickPicks(minimum);
  return (
    <form className="top-up__form" onSubmit={pay} aria-label="Top up" noValidate>
      <div className="top-up__amount">
        <div className="field">
          <label htmlFor={amountId}>Amount</label>
          <div className="amount-input">
            <input
              id={amountId}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={amountInput}
              onChange={(event) => setAmountInput(event.target.value)}
              disabled={flow.submitting}
              aria-invalid={amountMessage !== null}
              aria-describedby={amountMessageId}
            />
            <span className="amount-input__currency" aria-hidden="true">
              {currency}
            </span>
          </div>
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: a <fieldset> brings its own border, padding, margin and min-inline-size, which would change the layout; role=group gives the same semantics. */}
        <div className="quick-picks" role="group" aria-label="Quick picks">
          {quickPicks.map((pick) => (
            <button
              key={pick}
              type="button"
              className="button quick-picks__pick"
              aria-pressed={isQuickPick(amountInput, pick)}
              onClick={() => setAmountInput(pick)}
              disabled={flow.submitting}
            >
              {formatMoney(pick, currency)}
            </button>
          ))}
        </div>
        <p id={amountMessageId} className={amountMessage === null ? 'muted field__hint' : 'field-error'} aria-live="polite">
          {amountMessage ?? `Whole amounts of ${currency}, at least ${formatMoney(minimum, currency)}.`}
        </p>
      </div>

      <CheckoutSummary quote={quoteState.quote} loading={quoteState.loading} />
      {quoteFailure !== null && (
        <ErrorNotice error={quoteFailure}>
          <button type="button" className="button" onClick={quoteState.refetch}>
            Try again
          </button>
        </ErrorNotice>
      )}

      {saved.error && (
        <ErrorNotice error={saved.error}>
          <button type="button" className="button" onClick={() => void saved.refetch().catch(() => undefined)}>
            Reload saved cards
          </button>
        </ErrorNotice>
      )}
      <PaymentMethodPicker
        mode={config.mode}
        savedCards={savedCards}
        savedCardsLoading={savedCardsAllowed && saved.loading && saved.data === undefined}
        savedCardsFailed={saved.error !== undefined}
        testCards={config.testCards}
        option={option}
        onOptionChange={setChosenOption}
        testCardId={testCardId}
        onTestCardChange={setTestCardId}
        savePaymentMethod={savePaymentMethod}
        onSavePaymentMethodChange={setSavePaymentMethod}
        disabled={flow.submitting}
        stripeCardField={
          config.mode === 'STRIPE' && config.publishableKey ? (
            <Suspense fallback={<p className="muted">Loading the card field…</p>}>
              <StripeCardField
                publishableKey={config.publishableKey}
                handleRef={stripeHandle}
                onStateChange={onStripeCardChange}
                disabled={flow.submitting}
              />
            </Suspense>
          ) : undefined
        }
      />
      {(flow.cardError ?? stripeCard.error) !== null && choice?.kind === 'elements' && (
        <p className="field-error" role="alert">
          {flow.cardError ?? stripeCard.error}
        </p>
      )}

      {submitError !== null && fieldErrorOf(submitError.error, 'amount') === null && (
        <ErrorNotice error={submitError.error}>
          {submitError.outcomeUnknown && (
            <button type="button" className="button" onClick={() => void flow.retry()} disabled={flow.submitting}>
              Try again
            </button>
          )}
        </ErrorNotice>
      )}
      {submitError?.outcomeUnknown && (
        <p className="muted field__hint">
          The payment may or may not have gone through. “Try again” sends the same request, so the card is never charged twice.
        </p>
      )}

      <div className="top-up__actions">
        <button type="submit" className="button button--primary" disabled={!canPay} aria-busy={flow.submitting}>
          {flow.submitting ? 'Paying…' : quoteState.quote !== null ? `Pay ${formatMoney(quoteState.quote.total, currency)}` : 'Pay'}
        </button>
      </div>
    </form>
  );
}

interface ProgressProps {
  topUp: TopUpState;
  flow: TopUpFlow;
  config: PaymentsConfig;
  onTryAnotherCard: () => void;
}

/** What happens to the payment once the server has it: processing, 3-D Secure, failure, cancel or the receipt. */
function Progress({ topUp, flow, config, onTryAnotherCard }: ProgressProps) {
  const view = flow.view;
  const charged = `${formatMoney(topUp.total, topUp.currency)} with ${cardLabel(topUp.cardBrand, topUp.cardLast4)}`;
  const refreshError = flow.requestError?.retry === 'refresh' ? flow.requestError : null;
  const refreshNotice = refreshError && (
    <ErrorNotice error={refreshError.error}>
      <button type="button" className="button" onClick={() => void flow.retry()} disabled={flow.refreshing}>
        Try again
      </button>
    </ErrorNotice>
  );

  if (view === null) return null;
  switch (view.kind) {
    case 'processing':
      return (
        <div className="top-up__progress">
          <div className="notice" role="status" aria-live="polite">
            <p className="notice__summary">Payment received: crediting your wallet…</p>
            <p className="notice__detail">
              {charged}. The balance updates as soon as Stripe confirms the payment, usually within a second.
            </p>
            <div className="notice__actions">
              <button type="button" className="button" onClick={() => void flow.refresh()} disabled={flow.refreshing}>
                {flow.refreshing ? 'Checking…' : 'Check status'}
              </button>
            </div>
          </div>
          {refreshNotice}
        </div>
      );
    case 'authenticate':
      return (
        <div className="top-up__progress">
          <p className="muted" role="status">
            Waiting for your bank to confirm {charged}.
          </p>
          {config.mode === 'SANDBOX' && config.sandboxUrl ? (
            <SandboxThreeDSecure
              // A new challenge (a later REQUIRES_ACTION) starts with a fresh dialog.
              key={`${topUp.id}:${topUp.updatedAt}`}
              sandboxUrl={config.sandboxUrl}
              paymentIntentId={view.paymentIntentId}
              clientSecret={view.clientSecret}
              total={topUp.total}
              currency={topUp.currency}
              cardBrand={topUp.cardBrand}
              cardLast4={topUp.cardLast4}
              onAnswered={flow.refresh}
            />
          ) : config.mode === 'STRIPE' && config.publishableKey ? (
            <StripeThreeDSecure publishableKey={config.publishableKey} clientSecret={view.clientSecret} onAnswered={flow.refresh} />
          ) : (
            <div className="notice notice--error" role="alert">
              <p className="notice__summary">Your bank asks you to confirm this payment, but this server offers no way to do it.</p>
              <div className="notice__actions">
                <button type="button" className="button" onClick={onTryAnotherCard}>
                  Try another card
                </button>
              </div>
            </div>
          )}
          {refreshNotice}
        </div>
      );
    case 'failed':
      return (
        <div className="top-up__progress">
          <div className="notice notice--error" role="alert">
            <p className="notice__summary">Payment failed</p>
            <p className="notice__detail">{view.reason}</p>
            <p className="notice__detail">Nothing was added to the wallet.</p>
            <div className="notice__actions">
              <button type="button" className="button button--primary" onClick={onTryAnotherCard}>
                Try another card
              </button>
            </div>
          </div>
        </div>
      );
    case 'canceled':
      return (
        <div className="top-up__progress">
          <div className="notice" role="status">
            <p className="notice__summary">This payment was canceled: nothing was charged.</p>
            <div className="notice__actions">
              <button type="button" className="button" onClick={flow.reset}>
                Start again
              </button>
            </div>
          </div>
        </div>
      );
    case 'needs-card':
      return (
        <div className="top-up__progress">
          <div className="notice notice--warning" role="alert">
            <p className="notice__summary">The account has no default card to charge.</p>
            <p className="notice__detail">Pick a card and pay again: nothing was charged.</p>
            <div className="notice__actions">
              <button type="button" className="button button--primary" onClick={onTryAnotherCard}>
                Choose a card
              </button>
            </div>
          </div>
        </div>
      );
    case 'succeeded':
      return (
        <div className="top-up__progress">
          <div className="notice notice--success" role="status">
            <p className="notice__summary">
              Payment complete: {formatMoney(view.receipt.amount, view.receipt.currency)} added to the wallet.
            </p>
          </div>
          <TopUpReceipt receipt={view.receipt} />
          <div className="top-up__actions">
            <button type="button" className="button" onClick={flow.reset}>
              Top up again
            </button>
          </div>
        </div>
      );
  }
}
