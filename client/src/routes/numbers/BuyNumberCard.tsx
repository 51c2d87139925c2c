import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { AvailablePhoneNumbersQuery, PhoneNumberRowFieldsFragment as PhoneNumberRow } from '../../gql/graphql.js';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../utils/date-time';
import { formatMoney } from '../../utils/money';
import { newIdempotencyKey } from '../../utils/top-up-attempt';
import { AVAILABLE_NUMBERS_PER_SEARCH, useAvailableNumbers } from './hooks/useAvailableNumbers';
import { useNumberRatePlans } from './hooks/useNumberRatePlans';
import { usePurchaseNumberMutation } from './hooks/usePurchaseNumberMutation';
import { actionErrorText, checkStartsWith, numberPlansFor, sellingPrefixes } from './numbers';

type Offer = AvailablePhoneNumbersQuery['availablePhoneNumbers'][number];

/** Props of {@link BuyNumberCard}. */
export interface BuyNumberCardProps {
  walletId: string;
  currency: string;
  /** Called with the number just bought and what was debited for it. */
  onBought: (number: PhoneNumberRow, debited: string) => void;
}

/**
 * "Buy a number": pick the rate plan that prices it, search by the digits the number starts with,
 * and see each proposed number's one-time price, first month, what buying it debits now, when it
 * renews and until when it may be refunded. "Buy" asks for confirmation with those figures.
 */
export function BuyNumberCard({ walletId, currency, onBought }: BuyNumberCardProps) {
  const planId = useId();
  const startsWithId = useId();
  const startsWithHintId = useId();
  const plansQuery = useNumberRatePlans();
  const plans = useMemo(() => numberPlansFor(plansQuery.data?.ratePlans ?? [], currency), [plansQuery.data, currency]);
  const [chosenPlanId, setChosenPlanId] = useState<string | null>(null);
  const plan = plans.find((candidate) => candidate.id === chosenPlanId) ?? plans[0] ?? null;
  const [startsWith, setStartsWith] = useState('');
  const [touched, setTouched] = useState(false);
  const [search, searchState] = useAvailableNumbers();
  const [buying, setBuying] = useState<{ offer: Offer; idempotencyKey: string } | null>(null);
  const [purchase, purchaseState] = usePurchaseNumberMutation();

  const check = checkStartsWith(startsWith);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!check.valid || plan === null) return;
    void search({
      variables: {
        walletId,
        ratePlanId: plan.id,
        startsWith: check.digits === '' ? null : check.digits,
        first: AVAILABLE_NUMBERS_PER_SEARCH,
      },
    }).catch(() => undefined);
  };

  const confirmPurchase = async () => {
    if (buying === null || plan === null) return;
    try {
      const result = await purchase({
        variables: { input: { walletId, ratePlanId: plan.id, number: buying.offer.number, idempotencyKey: buying.idempotencyKey } },
      });
      const bought = result.data?.purchaseNumber.phoneNumber;
      if (bought) {
        onBought(bought, buying.offer.firstCharge);
        setBuying(null);
        // The number is taken now: search again so the list stays true.
        void searchState.refetch?.().catch(() => undefined);
      }
    } catch {
      // The dialog shows the mutation's error.
    }
  };

  if (plansQuery.loading && !plansQuery.data) return <BuyCardFrame>Loading the price lists…</BuyCardFrame>;
  if (plansQuery.error && !plansQuery.data)
    return (
      <BuyCardFrame>
        <ErrorNotice error={plansQuery.error} />
      </BuyCardFrame>
    );
  if (plan === null) return <BuyCardFrame>No price list sells numbers in {currency}: ask support.</BuyCardFrame>;

  const offers = searchState.data?.availablePhoneNumbers;
  const prefixes = sellingPrefixes(plan);
  return (
    <BuyCardFrame>
      <form className="buy-number__form" aria-label="Search numbers to buy" onSubmit={submit} noValidate>
        {plans.length > 1 && (
          <div className="field">
            <label htmlFor={planId}>Price list</label>
            <select id={planId} value={plan.id} onChange={(event) => setChosenPlanId(event.target.value)}>
              {plans.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field buy-number__starts-with">
          <label htmlFor={startsWithId}>Number starts with</label>
          <input
            id={startsWithId}
            type="text"
            inputMode="tel"
            autoComplete="off"
            placeholder={prefixes[0] ?? '+44'}
            value={startsWith}
            onChange={(event) => setStartsWith(event.target.value)}
            aria-invalid={touched && !check.valid}
            aria-describedby={startsWithHintId}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={searchState.loading}>
          {searchState.loading ? 'Searching…' : 'Search'}
        </button>
      </form>
      <p id={startsWithHintId} className={touched && !check.valid ? 'field-error' : 'muted field__hint'}>
        {touched && !check.valid
          ? check.message
          : `Country code first. ${plan.name} sells numbers under ${prefixes.length > 0 ? prefixes.join(', ') : 'every prefix'}.`}
      </p>
      {searchState.error && <ErrorNotice error={searchState.error} />}
      {offers && offers.length === 0 && (
        <p className="placeholder" role="status">
          No numbers for sale start with those digits in {plan.name}. Try another prefix.
        </p>
      )}
      {offers && offers.length > 0 && (
        <ul className="offers" aria-label="Numbers for sale">
          {offers.map((offer) => (
            <li key={offer.number} className="offer">
              <span className="offer__number numeric">{offer.number}</span>
              <span className="offer__price">
                <span className="amount">{formatMoney(offer.firstCharge, offer.currency)}</span> now, then{' '}
                <span className="amount">{formatMoney(offer.monthlyPrice, offer.currency, { precision: 'unit-price' })}</span>/month
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Buy ${offer.number}`}
                onClick={() => {
                  purchaseState.reset();
                  setBuying({ offer, idempotencyKey: newIdempotencyKey() });
                }}
              >
                Buy
              </button>
            </li>
          ))}
        </ul>
      )}
      {buying && (
        <ConfirmDialog
          title={`Buy ${buying.offer.number}?`}
          confirmLabel={`Buy for ${formatMoney(buying.offer.firstCharge, buying.offer.currency)}`}
          busy={purchaseState.loading}
          error={purchaseState.error ? actionErrorText(purchaseState.error) : null}
          onConfirm={() => void confirmPurchase()}
          onCancel={() => setBuying(null)}
        >
          <dl className="summary-lines">
            <div className="summary-lines__row">
              <dt>One-time price</dt>
              <dd className="amount">{formatMoney(buying.offer.purchasePrice, buying.offer.currency)}</dd>
            </div>
            <div className="summary-lines__row">
              <dt>First month</dt>
              <dd className="amount">{formatMoney(buying.offer.monthlyPrice, buying.offer.currency)}</dd>
            </div>
            <div className="summary-lines__row summary-lines__row--total">
              <dt>Debited from the wallet now</dt>
              <dd className="amount" data-testid="purchase-total">
                {formatMoney(buying.offer.firstCharge, buying.offer.currency)}
              </dd>
            </div>
          </dl>
          <p className="muted">
            Then {formatMoney(buying.offer.monthlyPrice, buying.offer.currency)} a month from the wallet, next on{' '}
            {formatDateTime(buying.offer.firstRenewalAt)}. You may give it back for a full refund of this charge until{' '}
            {formatDateTime(buying.offer.refundableUntil)}.
          </p>
        </ConfirmDialog>
      )}
    </BuyCardFrame>
  );
}

function BuyCardFrame({ children }: { children: ReactNode }) {
  return (
    <section className="card buy-number" aria-labelledby="buy-number-title">
      <h2 id="buy-number-title" className="section-header">
        Buy a number
      </h2>
      {typeof children === 'string' ? <p className="muted">{children}</p> : children}
    </section>
  );
}
