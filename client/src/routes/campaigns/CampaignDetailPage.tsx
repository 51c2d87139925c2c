import type { ErrorLike } from '@apollo/client';
import { memo, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCampaignCalls } from './hooks/useCampaignCalls';
import { useCampaignClock } from './hooks/useCampaignClock';
import { useCampaignDetail } from './hooks/useCampaignDetail';
import { useCampaignRatePlans } from './hooks/useCampaignRatePlans';
import { useCampaignUpdates } from './hooks/useCampaignUpdates';
import { activeCallList, type CallBook } from './campaign-calls';
import type { SpendBaseline, SpendSamples } from './campaign-chart';
import { canManageCampaigns } from './campaign-labels';
import { formatTimeLeft } from './campaign-meter';
import { newestCampaign, type ReceivedCampaign } from './campaign-state';
import type {
  CallRateFieldsFragment as CallRate,
  CallFieldsFragment as CallRow,
  CampaignFieldsFragment as CampaignFigures,
} from '../../gql/graphql.js';
import { formatMoney } from '../../utils/money';
import type { AccountPageProps } from '../account/account-page-props';
import { BudgetBar } from './BudgetBar';
import { ActiveCallsTable, EndedCallsTable } from './CallTables';
import { CampaignActions } from './CampaignActions';
import { CampaignEditForm } from './CampaignEditForm';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { LiveSpendChart } from './SpendChart';
import './campaigns.css';

/** The campaigns list's path: the detail page's way back. */
const CAMPAIGNS_PATH = '/campaigns';

/** The top-up page's path: where a campaign stopped for funds sends the user. */
const TOP_UP_PATH = '/top-up';
const SETTINGS_PATH = '/settings';

/**
 * A campaign's page, live: its figures and budget, the spend chart (per minute, cumulative,
 * projected to the wallet's run-out), the calls in progress with running timers and cost, and the
 * recently ended calls with why they ended; a call the server stops for funds is marked so the
 * moment it happens. Fed by the `CampaignDetail` query, `campaignUpdated` and `callUpdated`;
 * nothing polls.
 */
export function CampaignDetailPage(props: AccountPageProps & { campaignId: string }) {
  return <CampaignDetail key={props.campaignId} {...props} />;
}

function CampaignDetail({ campaignId, role, wallet, navigate }: AccountPageProps & { campaignId: string }) {
  const detail = useCampaignDetail(campaignId);
  const updates = useCampaignUpdates(campaignId);
  const calls = useCampaignCalls(campaignId, detail.endedCalls);
  const plans = useCampaignRatePlans();
  const [answered, setAnswered] = useState<ReceivedCampaign | null>(null);
  const latest = useMemo(() => newestCampaign(detail.received, updates.latest, answered), [detail.received, updates.latest, answered]);
  const plan = plans.data?.ratePlans.find((candidate) => candidate.id === latest?.campaign.ratePlanId);

  return (
    <CampaignDetailView
      latest={latest}
      loading={detail.loading}
      error={detail.error ?? null}
      missing={detail.missing}
      onRetry={detail.refetch}
      baseline={detail.baseline}
      samples={updates.samples}
      book={calls.book}
      rates={plan?.rates}
      currency={plan?.currency ?? wallet.currency}
      canManage={canManageCampaigns(role)}
      liveError={updates.error ?? calls.error}
      onCampaignChanged={(campaign) => setAnswered({ campaign, atMs: Date.now() })}
      navigate={navigate}
    />
  );
}

/** Props of {@link CampaignDetailView}. */
export interface CampaignDetailViewProps {
  /** The newest campaign state, or null before the first. */
  latest: ReceivedCampaign | null;
  loading: boolean;
  error: unknown;
  /** The query answered and the campaign is not there. */
  missing: boolean;
  onRetry: () => void;
  /** The chart's starting point, or null before the query answered. */
  baseline: SpendBaseline | null;
  samples: SpendSamples;
  book: CallBook;
  rates: readonly CallRate[] | undefined;
  currency: string;
  canManage: boolean;
  /** Why a live feed stopped, or null. */
  liveError: ErrorLike | null;
  onCampaignChanged: (campaign: CampaignFigures) => void;
  navigate: (path: string) => void;
}

/** The detail page's states: loading, failed, not found, or the campaign. */
export function CampaignDetailView(props: CampaignDetailViewProps) {
  const { latest, loading, error, missing, onRetry, navigate } = props;
  const back = <NavLink path={CAMPAIGNS_PATH} navigate={navigate} className="campaign-detail__back" text="← All campaigns" />;
  if (latest === null) {
    return (
      <section className="card campaign-detail" aria-label="Campaign">
        {back}
        {error ? (
          <ErrorNotice error={error}>
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          </ErrorNotice>
        ) : missing ? (
          <p className="placeholder">This campaign does not exist, or it is not visible with this sign-in.</p>
        ) : (
          <p className="placeholder">{loading ? 'Loading campaign…' : 'No campaign to show.'}</p>
        )}
      </section>
    );
  }
  return <CampaignDetailReady {...props} latest={latest} back={back} />;
}

function CampaignDetailReady({
  latest,
  error,
  baseline,
  samples,
  book,
  rates,
  currency,
  canManage,
  liveError,
  onCampaignChanged,
  navigate,
  back,
}: CampaignDetailViewProps & { latest: ReceivedCampaign; back: ReactNode }) {
  const { campaign } = latest;
  const active = book.active;
  const activeCalls = useMemo(() => activeCallList({ active }), [active]);
  // The edit form, opened by Edit or by the budget stop's "Raise budget" (which focuses the budget).
  const [editing, setEditing] = useState<'edit' | 'raise' | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const editable = canManage && campaign.status !== 'COMPLETED';
  const saved = (changed: CampaignFigures) => {
    const raised = changed.budget !== campaign.budget && changed.budget !== null;
    setEditing(null);
    setSavedNote(
      raised && changed.status === 'STOPPED_BUDGET_REACHED'
        ? `Budget raised to ${formatMoney(changed.budget!, currency)}. Resume to place calls again.`
        : 'Campaign saved.',
    );
    onCampaignChanged(changed);
  };
  return (
    <div className="campaign-detail">
      <section className="card campaign-detail__summary" aria-label="Campaign">
        {back}
        <div className="section-header campaign-detail__header">
          <div className="campaign-detail__title">
            <h2>{campaign.name}</h2>
            <CampaignStatusBadge status={campaign.status} />
            {campaign.simulate && <span className="badge badge--sandbox">Simulated</span>}
          </div>
          {canManage && (
            <div className="campaign-detail__actions">
              {editable && editing === null && (
                <button
                  type="button"
                  className="button"
                  onClick={() => (setSavedNote(null), setEditing('edit'))}
                  aria-label={`Edit ${campaign.name}`}
                >
                  Edit
                </button>
              )}
              <CampaignActions campaign={campaign} onChanged={(changed) => (setSavedNote(null), onCampaignChanged(changed))} />
            </div>
          )}
        </div>
        {editing !== null && (
          <CampaignEditForm
            campaign={campaign}
            currency={currency}
            focusBudget={editing === 'raise'}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
        {savedNote !== null && (
          <p className="notice notice--success" role="status">
            {savedNote}
          </p>
        )}
        {error ? <ErrorNotice error={error} /> : null}
        {liveError !== null && (
          <div className="notice notice--warning" role="status">
            <p>Live updates stopped: the figures below may be out of date. Use Refresh above.</p>
          </div>
        )}
        <StoppedNotice
          status={campaign.status}
          navigate={navigate}
          onRaiseBudget={editable && editing === null ? () => (setSavedNote(null), setEditing('raise')) : null}
        />
        <CampaignFiguresList latest={latest} currency={currency} />
      </section>

      <section className="card" aria-label="Spend chart">
        <div className="section-header">
          <h2>Spend</h2>
          <span className="muted">Per minute, last hour · live</span>
        </div>
        {baseline === null ? (
          <p className="placeholder">Loading the spend history…</p>
        ) : (
          <LiveSpendChart baseline={baseline} samples={samples} latest={latest} currency={currency} />
        )}
      </section>

      <section className="card" aria-label="Active calls">
        <div className="section-header">
          <h2>
            Active calls <span className="campaign-detail__count">({activeCalls.length.toLocaleString('en-US')})</span>
          </h2>
          <span className="muted">Timers and costs run in the page; the server’s figures arrive when a call ends.</span>
        </div>
        <ActiveCallsTable calls={activeCalls} rates={rates} currency={currency} />
      </section>

      <section className="card" aria-label="Recently ended calls">
        <div className="section-header">
          <h2>Recently ended</h2>
        </div>
        <EndedCallsTable calls={book.ended as CallRow[]} endedLive={book.endedLive} currency={currency} />
      </section>
    </div>
  );
}

/** Why a stopped campaign stopped and what to do, as an alert. */
function StoppedNotice({
  status,
  navigate,
  onRaiseBudget,
}: {
  status: CampaignFigures['status'];
  navigate: (path: string) => void;
  /** Opens the edit form on the budget; null when the viewer may not edit (or the form is open). */
  onRaiseBudget: (() => void) | null;
}) {
  if (status === 'STOPPED_INSUFFICIENT_FUNDS') {
    return (
      <div className="notice notice--error campaign-detail__stopped" role="alert">
        <p className="notice__summary">Stopped: insufficient funds.</p>
        <p className="notice__detail">
          The wallet could not fund the next increment: calls in progress were stopped where their paid time ended, and new calls are
          refused. <NavLink path={TOP_UP_PATH} navigate={navigate} text="Top up" />, then Resume.
        </p>
      </div>
    );
  }
  if (status === 'STOPPED_SPEND_CAP') {
    return (
      <div className="notice notice--error campaign-detail__stopped" role="alert">
        <p className="notice__summary">Stopped: spend cap reached.</p>
        <p className="notice__detail">
          A daily or monthly spend cap of the wallet or the account could not fund the next call, so new calls are refused. Resume once the
          cap resets (midnight, or the 1st for a monthly cap, in the account’s timezone), or raise it in{' '}
          <NavLink path={SETTINGS_PATH} navigate={navigate} text="Settings" />.
        </p>
      </div>
    );
  }
  if (status === 'STOPPED_BUDGET_REACHED') {
    return (
      <div className="notice notice--error campaign-detail__stopped" role="alert">
        <p className="notice__summary">Stopped: budget reached.</p>
        <p className="notice__detail">The campaign’s spend reached its budget, so new calls are refused. Raise the budget, then Resume.</p>
        {onRaiseBudget !== null && (
          <p>
            <button type="button" className="button" onClick={onRaiseBudget}>
              Raise budget
            </button>
          </p>
        )}
      </div>
    );
  }
  return null;
}

/** The campaign's figures: spent, committed, budget use, active calls, its burn and when it ends. */
const CampaignFiguresList = memo(function CampaignFiguresList({ latest, currency }: { latest: ReceivedCampaign; currency: string }) {
  const { campaign } = latest;
  return (
    <dl className="balances campaign-figures" aria-label="Campaign figures">
      <div className="balances__item" title="Cost of ended calls plus what calls in progress have cost so far">
        <dt>Spent</dt>
        <dd className="amount">{formatMoney(campaign.spent, currency)}</dd>
      </div>
      <div className="balances__item" title="Spent plus what calls in progress hold reserved: what the budget is checked against">
        <dt>Committed</dt>
        <dd className="amount">{formatMoney(campaign.committed, currency)}</dd>
      </div>
      <div className="balances__item">
        <dt>Active calls</dt>
        <dd className="amount">{campaign.activeCalls.toLocaleString('en-US')}</dd>
      </div>
      <div
        className="balances__item"
        title="This campaign’s calls (rates, increments, connect fees) and messages over the burn window, or its calls’ prices now if higher: the same definition as the Overview’s burn rate"
      >
        <dt>Burn</dt>
        {/* A paused or stopped campaign with no call left up burns nothing from now on, whatever its window held. */}
        {campaign.status !== 'RUNNING' && campaign.activeCalls === 0 ? (
          <dd className="amount muted">Not running</dd>
        ) : (
          <dd className="amount">{formatMoney(campaign.spendPerMinute, currency)}/min</dd>
        )}
      </div>
      <ProjectionFigure projection={campaign.projection ?? null} atMs={latest.atMs} />
      <div className="balances__item campaign-figures__budget">
        <dt>Budget</dt>
        <dd>
          <BudgetBar campaign={campaign} currency={currency} detailed />
        </dd>
      </div>
    </dl>
  );
});

/**
 * When the running campaign ends, whichever comes first: "Budget reached", "Daily cap reached" (or monthly) or "Wallet runs dry",
 * "in 12 min 5 s" counting down on the page's clock from the state's figure (the wallet's figure is
 * the Overview's time to empty). Nothing for a paused or stopped campaign, or when nothing runs.
 */
function ProjectionFigure({ projection, atMs }: { projection: CampaignFigures['projection'] | null; atMs: number }) {
  const nowMs = useCampaignClock();
  if (projection === null || projection.endsInSeconds === null || projection.endsInSeconds === undefined) return null;
  const left = projection.endsInSeconds - Math.max(0, nowMs - atMs) / 1000;
  const [label, title] =
    projection.endsBy === 'BUDGET'
      ? ['Budget reached', 'At this campaign’s burn, when its committed spend reaches its budget (before the wallet runs dry)']
      : projection.endsBy === 'SPEND_CAP'
        ? [
            `${projection.spendCap?.period === 'MONTH' ? 'Monthly' : projection.spendCap?.period === 'DAY' ? 'Daily' : 'Spend'} cap reached`,
            'At the wallet’s burn, when a daily or monthly spend cap is reached (before it resets or the wallet runs dry)',
          ]
        : ['Wallet runs dry', 'At the wallet’s burn (all its campaigns, messages and plan fees), when its available balance is used up'];
  return (
    <div className="balances__item" title={title}>
      <dt>{label}</dt>
      <dd className="amount">{left <= 0 ? 'Now' : `in ${formatTimeLeft(left)}`}</dd>
    </div>
  );
}

/** An in-dashboard link: a real href (open in a new tab works), client-side navigation on a plain click. */
function NavLink({
  path,
  navigate,
  text,
  className,
}: {
  path: string;
  navigate: (path: string) => void;
  text: string;
  className?: string;
}) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <a href={path} onClick={follow} className={className}>
      {text}
    </a>
  );
}
