import { memo, useMemo } from 'react';
import { useCampaignClock } from './hooks/useCampaignClock';
import { callOutcomeLabel, callOutcomeTone, isStoppedForFunds } from './campaign-labels';
import { callElapsedMs, callMeterRate, endedCallSeconds, formatCallDuration, runningCallCost, type CallMeterRate } from './campaign-meter';
import type { CallRateFieldsFragment as CallRate, CallFieldsFragment as CallRow } from '../../gql/graphql.js';
import { formatMoney } from '../../utils/money';
import { formatTimeOfDay } from '../../utils/date-time';

/** Most active calls listed (the newest); the count above says how many there are in all. @default 500 */
export const ACTIVE_CALLS_SHOWN_MAX = 500;

/** A DateTime as a time of day with its zone ("14:03:12 UTC"); the string itself when it is not a date. */
function timeOfDay(value: string): string {
  return formatTimeOfDay(value);
}

/** Props of {@link ActiveCallsTable}. */
export interface ActiveCallsTableProps {
  /** The active calls, newest first. */
  calls: readonly CallRow[];
  /** The campaign's rate plan's rates (increments, connect fee), or undefined while loading. */
  rates: readonly CallRate[] | undefined;
  currency: string;
}

/**
 * Calls in progress with a running timer and cost. Rows are memoized on their call: a new call,
 * an ended one or a campaign update renders no other row; only the timer cells follow the
 * shared clock, once a second.
 */
export const ActiveCallsTable = memo(function ActiveCallsTable({ calls, rates, currency }: ActiveCallsTableProps) {
  if (calls.length === 0) return <p className="placeholder">No calls in progress.</p>;
  const shown = calls.length > ACTIVE_CALLS_SHOWN_MAX ? calls.slice(0, ACTIVE_CALLS_SHOWN_MAX) : calls;
  return (
    <>
      {shown.length < calls.length && (
        <p className="muted">
          Showing the newest {shown.length.toLocaleString('en-US')} of {calls.length.toLocaleString('en-US')} calls in progress.
        </p>
      )}
      <div className="table-scroll campaign-calls__scroll">
        <table className="transactions campaign-calls table--cards" aria-label="Calls in progress">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Started</th>
              <th scope="col" className="numeric">
                Duration
              </th>
              <th scope="col" className="numeric">
                Cost so far
              </th>
              <th scope="col" className="numeric">
                Per minute
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((call) => (
              <ActiveCallRow key={call.id} call={call} rates={rates} currency={currency} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});

/** One call in progress. */
const ActiveCallRow = memo(function ActiveCallRow({
  call,
  rates,
  currency,
}: {
  call: CallRow;
  rates: readonly CallRate[] | undefined;
  currency: string;
}) {
  const rate = useMemo(() => callMeterRate(call, rates), [call, rates]);
  return (
    <tr className="call-row call-row--active" data-call-id={call.id}>
      <td className="nowrap table--cards__title" data-label="To">
        {call.to}
      </td>
      <td className="nowrap" data-label="Started">
        {timeOfDay(call.startedAt)}
      </td>
      <CallMeter startedAt={call.startedAt} rate={rate} currency={currency} />
      <td className="numeric" data-label="Per minute">
        {formatMoney(call.perMinute, currency, { precision: 'unit-price' })}
      </td>
    </tr>
  );
});

/**
 * The two ticking cells of a call in progress: its duration and what hanging up now would cost,
 * from its start and rate on the page's one clock (no request to the server).
 */
function CallMeter({ startedAt, rate, currency }: { startedAt: string; rate: CallMeterRate; currency: string }) {
  const nowMs = useCampaignClock();
  const elapsedMs = callElapsedMs(startedAt, nowMs);
  return (
    <>
      <td className="numeric call-row__timer" data-label="Duration">
        {formatCallDuration(elapsedMs / 1000)}
      </td>
      <td className="numeric call-row__cost" data-label="Cost so far">
        {formatMoney(runningCallCost(rate, elapsedMs), currency)}
      </td>
    </>
  );
}

/** Props of {@link EndedCallsTable}. */
export interface EndedCallsTableProps {
  /** Ended calls, most recently ended first. */
  calls: readonly CallRow[];
  /** Ids of calls that ended while the page was open: they are highlighted as they arrive. */
  endedLive: ReadonlySet<string>;
  currency: string;
}

/**
 * The most recently ended calls with their outcome: hung up, refused, or stopped by the server,
 * a stop for insufficient funds marked so that it cannot be missed.
 */
export const EndedCallsTable = memo(function EndedCallsTable({ calls, endedLive, currency }: EndedCallsTableProps) {
  if (calls.length === 0) return <p className="placeholder">No ended calls yet.</p>;
  return (
    <div className="table-scroll campaign-calls__scroll">
      <table className="transactions campaign-calls table--cards" aria-label="Ended calls">
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Ended</th>
            <th scope="col" className="numeric">
              Duration
            </th>
            <th scope="col" className="numeric">
              Cost
            </th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <EndedCallRow key={call.id} call={call} arrivedLive={endedLive.has(call.id)} currency={currency} />
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** One ended call. */
const EndedCallRow = memo(function EndedCallRow({
  call,
  arrivedLive,
  currency,
}: {
  call: CallRow;
  arrivedLive: boolean;
  currency: string;
}) {
  const tone = callOutcomeTone(call);
  const seconds = endedCallSeconds(call);
  const classes = ['call-row', `call-row--${tone}`, arrivedLive ? 'call-row--new' : ''].filter(Boolean).join(' ');
  return (
    <tr className={classes} data-call-id={call.id}>
      <td className="nowrap table--cards__title" data-label="To">
        {call.to}
      </td>
      <td className="nowrap" data-label="Ended">
        {call.endedAt === null ? '—' : timeOfDay(call.endedAt)}
      </td>
      <td className="numeric" data-label="Duration">
        {seconds === null ? '—' : formatCallDuration(seconds)}
      </td>
      <td className="numeric" data-label="Cost">
        {formatMoney(call.cost, currency)}
      </td>
      <td data-label="Outcome">
        <span className={`status call-outcome call-outcome--${tone}`}>
          {isStoppedForFunds(call) && (
            // Drawn, not an emoji: it shows the same without an emoji font.
            <svg className="call-outcome__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
              <polygon points="5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" fill="currentColor" />
              <rect x="4" y="7" width="8" height="2" fill="var(--color-debit)" />
            </svg>
          )}
          {callOutcomeLabel(call)}
        </span>
      </td>
    </tr>
  );
});
