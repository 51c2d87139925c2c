import { useEffect, useRef, useState } from 'react';
import type { PlanSubscriptionFieldsFragment as Subscription, SubscriptionPlanFieldsFragment as Plan } from '../../gql/graphql.js';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../utils/date-time';
import { formatMoney } from '../../utils/money';
import type { AccountPageProps } from '../account/account-page-props';
import { useCancelPlanSubscriptionMutation } from './hooks/useCancelPlanSubscriptionMutation';
import { usePlanSubscription } from './hooks/usePlanSubscription';
import { useSubscribeToPlanMutation } from './hooks/useSubscribeToPlanMutation';
import { actionErrorText, allowanceUsedPercent, canChangePlan, formatCallTime, overageText, roleWithArticle } from './plan';
import './plan.css';

/**
 * The Plan page: the wallet's subscription with this period's allowance used and left, the
 * overage rate beyond it and the next fee; the plans on offer in the wallet's currency. Owners
 * subscribe and cancel (each confirmed); other roles read.
 */
export function PlanPage({ wallet, role }: AccountPageProps) {
  const query = usePlanSubscription(wallet.id);
  const [subscribe, subscribeState] = useSubscribeToPlanMutation();
  const [cancel, cancelState] = useCancelPlanSubscriptionMutation();
  const [subscribing, setSubscribing] = useState<Plan | null>(null);
  const [canceling, setCanceling] = useState<Subscription | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const { refetch } = query;
  // A posting on the wallet (an overage charge, a fee) may come with allowance used: read it again at once.
  const seenSequence = useRef(wallet.sequence);
  useEffect(() => {
    if (seenSequence.current === wallet.sequence) return;
    seenSequence.current = wallet.sequence;
    void refetch().catch(() => undefined);
  }, [wallet.sequence, refetch]);

  const subscription = query.data?.wallet?.planSubscription ?? null;
  const plans = (query.data?.subscriptionPlans ?? []).filter((plan) => plan.currency === wallet.currency);
  const owner = canChangePlan(role);

  const confirmSubscribe = async () => {
    if (subscribing === null) return;
    try {
      const done = await subscribe({ variables: { input: { walletId: wallet.id, planId: subscribing.id } } });
      const started = done.data?.subscribeToPlan.subscription;
      setResult(
        `Subscribed to ${subscribing.name}: ${formatMoney(subscribing.monthlyFee, subscribing.currency)} was debited from the wallet.` +
          (started ? ` The next fee is due on ${formatDateTime(started.periodEnd)}.` : ''),
      );
      setSubscribing(null);
    } catch {
      // The dialog shows the mutation's error.
    }
  };
  const confirmCancel = async () => {
    if (canceling === null) return;
    try {
      await cancel({ variables: { id: canceling.id } });
      setResult(`${canceling.plan.name} was canceled: its remaining allowance is gone and calls now pay their own rates.`);
      setCanceling(null);
    } catch {
      // The dialog shows the mutation's error.
    }
  };

  if (query.error && !query.data) {
    return (
      <ErrorNotice error={query.error}>
        <button type="button" className="button" onClick={() => void refetch().catch(() => undefined)}>
          Try again
        </button>
      </ErrorNotice>
    );
  }
  if (!query.data) return <p className="placeholder">Loading the plan…</p>;

  return (
    <div className="plan-page">
      {result !== null && (
        <div className="notice notice--success" role="status">
          <p>{result}</p>
          <button type="button" className="button button--quiet" onClick={() => setResult(null)}>
            Dismiss
          </button>
        </div>
      )}
      {!owner && (
        <p className="notice" role="status">
          As {roleWithArticle(role)}, you may see the plan but not subscribe or cancel: the account’s owner does.
        </p>
      )}
      <section className="card" aria-labelledby="current-plan-title">
        <div className="section-header">
          <h2 id="current-plan-title">Current plan</h2>
          {subscription && owner && (
            <button
              type="button"
              className="button"
              onClick={() => {
                cancelState.reset();
                setCanceling(subscription);
              }}
            >
              Cancel plan
            </button>
          )}
        </div>
        {subscription ? (
          <CurrentPlan subscription={subscription} />
        ) : (
          <p className="muted">
            No plan: every call pays its destination’s rate from the wallet. Subscribe below to get minutes included each month.
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="plans-title">
        <div className="section-header">
          <h2 id="plans-title">Plans</h2>
        </div>
        {plans.length === 0 ? (
          <p className="placeholder">No plans are offered in {wallet.currency}.</p>
        ) : (
          <ul className="plan-offers">
            {plans.map((plan) => {
              const current = subscription?.plan.id === plan.id;
              return (
                <li key={plan.id} className={current ? 'plan-offer plan-offer--current' : 'plan-offer'} aria-label={plan.name}>
                  <h3>{plan.name}</h3>
                  <p className="plan-offer__fee">
                    <span className="amount">{formatMoney(plan.monthlyFee, plan.currency)}</span> a month
                  </p>
                  <ul className="plan-offer__terms">
                    <li>{plan.includedMinutes.toLocaleString('en-US')} call minutes included each month</li>
                    <li>Beyond them: {overageText(plan.overagePerMinute, plan.currency)}</li>
                  </ul>
                  {current ? (
                    <span className="status status--completed">Your plan</span>
                  ) : (
                    owner && (
                      <button
                        type="button"
                        className="button button--primary"
                        disabled={subscription !== null}
                        title={subscription !== null ? 'Cancel the current plan first' : undefined}
                        onClick={() => {
                          subscribeState.reset();
                          setSubscribing(plan);
                        }}
                      >
                        Subscribe
                      </button>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {subscription !== null && owner && plans.length > 1 && (
          <p className="muted field__hint">To change plans, cancel the current one first: a wallet has one plan at a time.</p>
        )}
      </section>
      {subscribing && (
        <ConfirmDialog
          title={`Subscribe to ${subscribing.name}?`}
          confirmLabel={`Subscribe for ${formatMoney(subscribing.monthlyFee, subscribing.currency)}`}
          busy={subscribeState.loading}
          error={subscribeState.error ? actionErrorText(subscribeState.error) : null}
          onConfirm={() => void confirmSubscribe()}
          onCancel={() => setSubscribing(null)}
        >
          <p>
            {formatMoney(subscribing.monthlyFee, subscribing.currency)} is debited from the wallet now and again each month on the same day.
            Calls use the {subscribing.includedMinutes.toLocaleString('en-US')} included minutes first, then pay{' '}
            {overageText(subscribing.overagePerMinute, subscribing.currency)}.
          </p>
        </ConfirmDialog>
      )}
      {canceling && (
        <ConfirmDialog
          title={`Cancel ${canceling.plan.name}?`}
          confirmLabel="Cancel plan"
          destructive
          busy={cancelState.loading}
          error={cancelState.error ? actionErrorText(cancelState.error) : null}
          onConfirm={() => void confirmCancel()}
          onCancel={() => setCanceling(null)}
        >
          <p>
            It ends now: the {formatCallTime(canceling.remainingSeconds)} left this period are lost and this month’s fee is not refunded.
            Calls then pay their destination’s rate.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function CurrentPlan({ subscription }: { subscription: Subscription }) {
  const { plan } = subscription;
  const percent = allowanceUsedPercent(subscription);
  return (
    <div className="current-plan">
      <p className="current-plan__name">
        <strong>{plan.name}</strong> · <span className="amount">{formatMoney(plan.monthlyFee, plan.currency)}</span> a month
      </p>
      <div className="allowance">
        <div className="allowance__bar" role="img" aria-label={`${percent}% of this period's allowance used`}>
          <span className="allowance__fill" style={{ width: `${percent}%` }} />
        </div>
        <dl className="allowance__figures">
          <div>
            <dt>Used this period</dt>
            <dd data-testid="allowance-used">{formatCallTime(subscription.usedSeconds)}</dd>
          </div>
          <div>
            <dt>Left</dt>
            <dd data-testid="allowance-left">{formatCallTime(subscription.remainingSeconds)}</dd>
          </div>
          <div>
            <dt>Included</dt>
            <dd>{formatCallTime(subscription.allowanceSeconds)}</dd>
          </div>
          {subscription.reservedSeconds > 0 && (
            <div>
              <dt>Held by calls in progress</dt>
              <dd>{formatCallTime(subscription.reservedSeconds)}</dd>
            </div>
          )}
        </dl>
      </div>
      <dl className="summary-lines current-plan__terms">
        <div className="summary-lines__row">
          <dt>Beyond the allowance</dt>
          <dd>{overageText(plan.overagePerMinute, plan.currency)}</dd>
        </div>
        <div className="summary-lines__row">
          <dt>Paid from the wallet this period</dt>
          <dd data-testid="overage-this-period">
            {formatMoney(subscription.overageThisPeriod.cost, plan.currency)} ({formatCallTime(subscription.overageThisPeriod.seconds)}{' '}
            beyond the allowance, with connect fees)
          </dd>
        </div>
        <div className="summary-lines__row">
          <dt>This period</dt>
          <dd>
            {formatDateTime(subscription.periodStart)} – {formatDateTime(subscription.periodEnd)}
          </dd>
        </div>
        <div className="summary-lines__row">
          <dt>Next fee</dt>
          <dd>
            {formatMoney(plan.monthlyFee, plan.currency)} on {formatDateTime(subscription.periodEnd)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
