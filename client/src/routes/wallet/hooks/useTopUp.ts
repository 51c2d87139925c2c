import { useCallback, useEffect, useRef, useState } from 'react';
import type { TopUpFieldsFragment as TopUpState, TransactionRowFieldsFragment as TransactionRow } from '../../../gql/graphql.js';
import { requestFailureOf } from '../../../apollo/request-failure.js';
import {
  attemptOutcomeOf,
  newIdempotencyKey,
  nextTopUpAttempt,
  paymentMethodIdToSend,
  topUpInputOf,
  withElementsPaymentMethod,
  type TopUpAttempt,
  type TopUpSubmission,
} from '../../../utils/top-up-attempt.js';
import { latestTopUp, shouldRefreshOnCredit, topUpView, type TopUpView } from '../top-up-status.js';
import { useRefreshTopUpMutation } from './useRefreshTopUpMutation.js';
import { useTopUpMutation } from './useTopUpMutation.js';

/** Options of {@link useTopUp}. */
export interface UseTopUpOptions {
  /**
   * The wallet's transactions received live, newest first (hooks/useLiveWallet.ts): when the
   * TOP_UP of the payment on screen arrives, the top-up is refreshed once to get its receipt.
   */
  liveRows: readonly Pick<TransactionRow, 'kind' | 'type' | 'paymentIntentId'>[];
}

/** A request of the flow that failed, and what "Try again" repeats. */
export interface TopUpRequestError {
  error: unknown;
  /** `submit`: the same submission again (with the same idempotency key when it got no answer); `refresh`: ask for the top-up's state again. */
  retry: 'submit' | 'refresh';
  /** True when the server may have acted on a lost `topUp` request: retrying cannot pay twice, but paying differently might. */
  outcomeUnknown: boolean;
}

/** What {@link useTopUp} returns. */
export interface TopUpFlow {
  /** The top-up being paid, as the server last described it; null while the form is shown. */
  topUp: TopUpState | null;
  /** What to show for it. */
  view: TopUpView | null;
  /** The submission that created {@link topUp} (or was last sent). */
  submission: TopUpSubmission | null;
  /** Creating the card's PaymentMethod or waiting for `topUp`. */
  submitting: boolean;
  /** Waiting for `refreshTopUp`. */
  refreshing: boolean;
  /** The last request that failed, or null. */
  requestError: TopUpRequestError | null;
  /** Why Stripe Elements could not create a PaymentMethod (the card as typed), or null. */
  cardError: string | null;
  /**
   * Pays. For a card in Stripe Elements, `createElementsPaymentMethod` makes its PaymentMethod
   * (skipped when retrying an attempt that already has one).
   */
  submit: (submission: TopUpSubmission, createElementsPaymentMethod?: () => Promise<string>) => Promise<void>;
  /** Repeats the failed request of {@link requestError}. */
  retry: () => Promise<void>;
  /** Asks the server for the top-up's state now (refreshTopUp); resolves to whether it answered. */
  refresh: () => Promise<boolean>;
  /** Back to the form (after a receipt, a failure or a cancel). */
  reset: () => void;
}

/**
 * One card payment into a wallet, from submit to receipt. Each submission gets its idempotency
 * key per utils/top-up-attempt.ts (the same key only to retry a request that got no answer).
 * After the answer it follows the top-up without polling: refreshTopUp after 3-D Secure (the
 * caller's `refresh`), and once when the live transactions show the payment's TOP_UP.
 */
export function useTopUp({ liveRows }: UseTopUpOptions): TopUpFlow {
  const [topUpMutate] = useTopUpMutation();
  const [refreshMutate] = useRefreshTopUpMutation();
  const [topUp, setTopUp] = useState<TopUpState | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [requestError, setRequestError] = useState<TopUpRequestError | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const [submission, setSubmission] = useState<TopUpSubmission | null>(null);
  // Read by callbacks that outlive a render: the attempt whose key the next retry may reuse, the
  // top-up on screen (answers about another one are dropped) and the top-ups already refreshed
  // because their credit arrived (at most once each).
  const attemptRef = useRef<TopUpAttempt | null>(null);
  const topUpRef = useRef<TopUpState | null>(null);
  const refreshedOnCredit = useRef(new Set<string>());

  const show = useCallback((next: TopUpState | null) => {
    const shown = next === null ? null : latestTopUp(topUpRef.current, next);
    topUpRef.current = shown;
    setTopUp(shown);
  }, []);

  const submit = useCallback(
    async (next: TopUpSubmission, createElementsPaymentMethod?: () => Promise<string>) => {
      let attempt = nextTopUpAttempt(attemptRef.current, next, newIdempotencyKey);
      attemptRef.current = attempt;
      setSubmission(next);
      setSubmitting(true);
      setRequestError(null);
      setCardError(null);
      try {
        if (paymentMethodIdToSend(attempt) === undefined) {
          if (!createElementsPaymentMethod) throw new Error('useTopUp.submit: a Stripe Elements card needs createElementsPaymentMethod');
          let paymentMethodId: string;
          try {
            paymentMethodId = await createElementsPaymentMethod();
          } catch (error) {
            // Nothing reached the server: the next submission starts afresh.
            attemptRef.current = { ...attempt, outcome: 'answered' };
            setCardError(error instanceof Error ? error.message : String(error));
            return;
          }
          attempt = withElementsPaymentMethod(attempt, paymentMethodId);
          attemptRef.current = attempt;
        }
        try {
          const result = await topUpMutate({ variables: { input: topUpInputOf(attempt) } });
          if (attemptRef.current?.idempotencyKey === attempt.idempotencyKey) attemptRef.current = { ...attempt, outcome: 'answered' };
          const created = result.data?.topUp.topUp;
          if (created) show(created);
        } catch (error) {
          const outcome = attemptOutcomeOf(requestFailureOf(error));
          if (attemptRef.current?.idempotencyKey === attempt.idempotencyKey) attemptRef.current = { ...attempt, outcome };
          setRequestError({ error, retry: 'submit', outcomeUnknown: outcome === 'unanswered' });
        }
      } finally {
        setSubmitting(false);
      }
    },
    [topUpMutate, show],
  );

  const refresh = useCallback(async (): Promise<boolean> => {
    const current = topUpRef.current;
    if (current === null) return false;
    setRefreshing(true);
    setRequestError(null);
    try {
      const result = await refreshMutate({ variables: { id: current.id } });
      const refreshed = result.data?.refreshTopUp.topUp;
      // Dropped when the form was reset (or another top-up started) meanwhile.
      if (refreshed && topUpRef.current?.id === refreshed.id) show(refreshed);
      return true;
    } catch (error) {
      if (topUpRef.current?.id === current.id) setRequestError({ error, retry: 'refresh', outcomeUnknown: false });
      return false;
    } finally {
      setRefreshing(false);
    }
  }, [refreshMutate, show]);

  const retry = useCallback(async () => {
    if (requestError?.retry === 'refresh') {
      await refresh();
      return;
    }
    // Only a request that got no answer is repeated as it was; a refused one needs a change first.
    const attempt = attemptRef.current;
    if (attempt !== null && attempt.outcome === 'unanswered') await submit(attempt.submission);
  }, [requestError, refresh, submit]);

  const reset = useCallback(() => {
    show(null);
    setRequestError(null);
    setCardError(null);
  }, [show]);

  useEffect(() => {
    if (topUp === null || !shouldRefreshOnCredit(topUp, liveRows, refreshedOnCredit.current)) return;
    refreshedOnCredit.current.add(topUp.id);
    void refresh();
  }, [topUp, liveRows, refresh]);

  return {
    topUp,
    view: topUp === null ? null : topUpView(topUp),
    submission,
    submitting,
    refreshing,
    requestError,
    cardError,
    submit,
    retry,
    refresh,
    reset,
  };
}
