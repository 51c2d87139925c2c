import { useId, useMemo, useState } from 'react';
import type { MessageStatus } from '../../gql/graphql.js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../utils/date-time';
import { formatMoney } from '../../utils/money';
import { ConnectionPager, useCursorPages } from '../../components/ConnectionPager';
import { useMessageCampaigns } from './hooks/useMessageCampaigns';
import { useMessages } from './hooks/useMessages';
import { MESSAGE_STATUS_FILTERS, messageCost, messageStatusLabel, messageStatusTone } from './messages';

/** Props of {@link MessageHistory}. */
export interface MessageHistoryProps {
  walletId: string;
  currency: string;
}

/**
 * The wallet's messages, newest first and paged, filtered by campaign and status: when, to and
 * from whom, its parts (segments), its status (HELD while its price is held, DELIVERED, FAILED…)
 * and what it costs as it stands (held, charged, or released).
 */
export function MessageHistory({ walletId, currency }: MessageHistoryProps) {
  const campaignFilterId = useId();
  const statusFilterId = useId();
  const [campaignId, setCampaignId] = useState<string>('');
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const pages = useCursorPages();
  const campaignsQuery = useMessageCampaigns();
  const campaigns = useMemo(
    () => (campaignsQuery.data?.campaigns.edges ?? []).map((edge) => edge.node).filter((campaign) => campaign.walletId === walletId),
    [campaignsQuery.data, walletId],
  );
  const campaignNames = useMemo(() => new Map(campaigns.map((campaign) => [campaign.id, campaign.name])), [campaigns]);
  const query = useMessages(walletId, { campaignId: campaignId || null, status: status || null }, pages.after);
  const connection = query.data?.messages;
  const rows = connection?.edges.map((edge) => edge.node);
  const filtered = campaignId !== '' || status !== '';

  return (
    <section className="card" aria-labelledby="message-history-title">
      <div className="section-header">
        <h2 id="message-history-title">Message history</h2>
        <div className="filters">
          <div className="field--inline">
            <label htmlFor={campaignFilterId}>Campaign</label>
            <select
              id={campaignFilterId}
              value={campaignId}
              onChange={(event) => {
                setCampaignId(event.target.value);
                pages.reset();
              }}
            >
              <option value="">Every campaign</option>
              {campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field--inline">
            <label htmlFor={statusFilterId}>Status</label>
            <select
              id={statusFilterId}
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as MessageStatus | '');
                pages.reset();
              }}
            >
              {MESSAGE_STATUS_FILTERS.map((filter) => (
                <option key={filter.value} value={filter.value}>
                  {filter.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {rows === undefined && query.loading && <p className="placeholder">Loading messages…</p>}
      {rows !== undefined && rows.length === 0 && (
        <p className="placeholder">
          {filtered ? 'No messages match these filters.' : 'No messages yet. Messages sent through the API appear here.'}
        </p>
      )}
      {rows !== undefined && rows.length > 0 && (
        <div className={query.loading ? 'table-scroll table-scroll--stale' : 'table-scroll'}>
          <table className="transactions messages-table table--cards" aria-label="Messages">
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">To</th>
                <th scope="col">From</th>
                <th scope="col">Campaign</th>
                <th scope="col" className="numeric">
                  Segments
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((message) => {
                const cost = messageCost(message);
                return (
                  <tr key={message.id}>
                    <td data-label="Sent" className="nowrap">
                      {formatDateTime(message.createdAt)}
                    </td>
                    <th scope="row" className="numeric messages-table__to table--cards__title">
                      {message.direction === 'INBOUND' ? <span className="muted">In: </span> : null}
                      {message.to}
                    </th>
                    <td data-label="From">{message.from}</td>
                    <td data-label="Campaign">{message.campaignId ? (campaignNames.get(message.campaignId) ?? 'Campaign') : '—'}</td>
                    <td data-label="Segments" className="numeric">
                      {message.segments}
                    </td>
                    <td data-label="Status">
                      <span className={`status status--${messageStatusTone(message.status)}`}>{messageStatusLabel(message.status)}</span>
                    </td>
                    <td data-label="Cost" className="numeric">
                      <span>
                        <span className="amount">{formatMoney(cost.amount, currency, { precision: 'unit-price' })}</span>{' '}
                        <span className="muted">{cost.note}</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConnectionPager label="Message pages" pages={pages} pageInfo={connection?.pageInfo} busy={query.loading} />
    </section>
  );
}
