import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../utils/date-time';
import { formatMoney } from '../../utils/money';
import { INBOUND_CALLS_SHOWN, useInboundCalls } from './hooks/useInboundCalls';
import { callStatusText, directionLabel, durationText } from './inbound-calls';

/**
 * The latest calls received on the numbers of the chosen wallet (their direction, caller, number,
 * status, billed time and cost in the wallet's currency), newest first: a table on a desktop, cards on a phone.
 */
export function InboundCallList({ walletId, currency }: { walletId: string; currency: string }) {
  const query = useInboundCalls(walletId);
  const calls = query.data?.inboundCalls.edges.map((edge) => edge.node);
  return (
    <section className="card" aria-labelledby="inbound-calls-title">
      <div className="section-header">
        <h2 id="inbound-calls-title">Calls received</h2>
        <button type="button" className="button button--quiet" onClick={() => void query.refetch().catch(() => undefined)}>
          Refresh
        </button>
      </div>
      <p className="muted">
        Calls to your numbers are charged per minute from the number’s wallet; at zero balance they are refused. The latest{' '}
        {INBOUND_CALLS_SHOWN}.
      </p>
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {calls === undefined && query.loading && <p className="placeholder">Loading calls…</p>}
      {calls !== undefined && calls.length === 0 && <p className="placeholder">No calls received yet.</p>}
      {calls !== undefined && calls.length > 0 && (
        <div className="table-scroll">
          <table className="transactions stack-table numbers-table" aria-label="Calls received">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Direction</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Billed
                </th>
                <th scope="col" className="numeric">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id}>
                  <th scope="row" className="stack-table__title">
                    {formatDateTime(call.startedAt)}
                  </th>
                  <td data-label="Direction">{directionLabel(call.direction)}</td>
                  <td data-label="From" className="numeric">
                    {call.from}
                  </td>
                  <td data-label="To" className="numeric">
                    {call.to}
                  </td>
                  <td data-label="Status">{callStatusText(call.status, call.endReason)}</td>
                  <td data-label="Billed" className="numeric">
                    {durationText(call.billedSeconds)}
                  </td>
                  <td data-label="Cost" className="numeric amount">
                    {formatMoney(call.cost, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
