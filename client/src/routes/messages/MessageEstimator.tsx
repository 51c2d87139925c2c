import { useId, useMemo, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { enumLabel } from '../../utils/enum-label';
import { formatMoney } from '../../utils/money';
import { useMessageEstimate } from './hooks/useMessageEstimate';
import { useSmsRatePlans } from './hooks/useSmsRatePlans';
import { ESTIMATE_RECIPIENTS_MAX, invalidRecipients, parseRecipients } from './messages';

/** Longest message body, in characters (the API's limit). */
const BODY_LENGTH_MAX = 1_600;

/**
 * The price estimator: a rate plan, recipients and a text give the encoding, the parts per
 * recipient and what sending it would hold, per recipient and in total, without sending anything.
 */
export function MessageEstimator({ currency }: { currency: string }) {
  const planId = useId();
  const toId = useId();
  const bodyId = useId();
  const hintId = useId();
  const plansQuery = useSmsRatePlans();
  const plans = useMemo(
    () =>
      (plansQuery.data?.ratePlans ?? []).filter(
        (plan) => plan.currency === currency && plan.rates.some((rate) => rate.smsPerSegment !== null && rate.smsPerSegment !== undefined),
      ),
    [plansQuery.data, currency],
  );
  const [chosenPlanId, setChosenPlanId] = useState<string | null>(null);
  const plan = plans.find((candidate) => candidate.id === chosenPlanId) ?? plans[0] ?? null;
  const [to, setTo] = useState('');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [estimate, estimateState] = useMessageEstimate();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (plan === null) return;
    const recipients = parseRecipients(to);
    const invalid = invalidRecipients(recipients);
    if (recipients.length === 0) return setProblem('Enter at least one recipient, e.g. +447700900123.');
    if (invalid.length > 0) return setProblem(`Not an E.164 number: ${invalid.slice(0, 3).join(', ')}.`);
    if (recipients.length > ESTIMATE_RECIPIENTS_MAX) return setProblem(`At most ${ESTIMATE_RECIPIENTS_MAX} recipients.`);
    if (body.length === 0) return setProblem('Enter the text to price.');
    setProblem(null);
    void estimate({ variables: { input: { ratePlanId: plan.id, to: recipients, body } } }).catch(() => undefined);
  };

  const result = estimateState.data?.estimateMessage;
  return (
    <section className="card" aria-labelledby="estimator-title">
      <div className="section-header">
        <h2 id="estimator-title">Price estimator</h2>
      </div>
      {plansQuery.error && !plansQuery.data && <ErrorNotice error={plansQuery.error} />}
      {plansQuery.loading && !plansQuery.data && <p className="placeholder">Loading the price lists…</p>}
      {plansQuery.data && plan === null && <p className="muted">No price list prices SMS in {currency}.</p>}
      {plan !== null && (
        <form className="estimator" aria-label="Estimate a message" onSubmit={submit} noValidate>
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
          <div className="field">
            <label htmlFor={toId}>Recipients</label>
            <textarea
              id={toId}
              rows={2}
              value={to}
              placeholder="+447700900123, +447700900456"
              onChange={(event) => setTo(event.target.value)}
              aria-describedby={hintId}
            />
            <span id={hintId} className="muted field__hint">
              One number per line or separated by commas, country code first.
            </span>
          </div>
          <div className="field">
            <label htmlFor={bodyId}>Text</label>
            <textarea id={bodyId} rows={3} maxLength={BODY_LENGTH_MAX} value={body} onChange={(event) => setBody(event.target.value)} />
            <span className="muted field__hint">
              {body.length} / {BODY_LENGTH_MAX} characters
            </span>
          </div>
          {problem !== null && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div>
            <button type="submit" className="button button--primary" disabled={estimateState.loading}>
              {estimateState.loading ? 'Estimating…' : 'Estimate'}
            </button>
          </div>
        </form>
      )}
      {estimateState.error && <ErrorNotice error={estimateState.error} />}
      {result && !estimateState.error && (
        <div className="estimate" role="status" aria-label="Estimate">
          <dl className="summary-lines">
            <div className="summary-lines__row">
              <dt>Encoding</dt>
              <dd>{enumLabel(result.encoding).toUpperCase()}</dd>
            </div>
            <div className="summary-lines__row">
              <dt>Characters</dt>
              <dd className="numeric">{result.characters}</dd>
            </div>
            <div className="summary-lines__row">
              <dt>Segments per recipient</dt>
              <dd className="numeric" data-testid="estimate-segments">
                {result.segments}
              </dd>
            </div>
            <div className="summary-lines__row">
              <dt>Recipients</dt>
              <dd className="numeric">{result.recipients.length}</dd>
            </div>
            <div className="summary-lines__row summary-lines__row--total">
              <dt>Held when sent</dt>
              <dd className="amount" data-testid="estimate-total">
                {formatMoney(result.total, result.currency, { precision: 'unit-price' })}
              </dd>
            </div>
          </dl>
          {result.recipients.length > 1 && (
            <ul className="estimate__recipients">
              {distinctRecipients(result.recipients)
                .slice(0, 10)
                .map((recipient) => (
                  <li key={recipient.to}>
                    <span className="numeric">{recipient.to}</span>:{' '}
                    <span className="amount">{formatMoney(recipient.price, result.currency, { precision: 'unit-price' })}</span>{' '}
                    <span className="muted">
                      ({formatMoney(recipient.perSegment, result.currency, { precision: 'unit-price' })} a segment)
                    </span>
                  </li>
                ))}
              {result.recipients.length > 10 && <li className="muted">and {result.recipients.length - 10} more</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** Each recipient once (a number given twice is priced the same both times). */
function distinctRecipients<Recipient extends { to: string }>(recipients: readonly Recipient[]): Recipient[] {
  return [...new Map(recipients.map((recipient) => [recipient.to, recipient])).values()];
}
