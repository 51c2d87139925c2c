// Goal: the overview page shows each of its states right: loading (figures from the account query, "connecting", burn and transactions loading), live (the newest figures, burn rate per minute and time-to-empty from the decimal strings, in the wallet currency), empty, and errors with a way to retry; method: the data-free view rendered to static HTML (react-dom/server), its retry handlers called on the expanded element tree.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { BurnCard } from '../../../client/src/routes/overview/BurnCard';
import { OverviewView, type OverviewViewProps } from '../../../client/src/routes/overview/OverviewView';
import { ACCOUNT_WALLET, burnOf, campaign, hostElements, liveWallet, textOf, transaction } from './overview-fixtures';

const noop = () => undefined;

function props(overrides: Partial<OverviewViewProps> = {}): OverviewViewProps {
  return {
    wallet: ACCOUNT_WALLET,
    live: { wallet: null, error: null, onRetry: noop },
    campaigns: { loading: true, error: null, stopped: [], onRetry: noop },
    recent: { rows: null, error: null, onRetry: noop },
    alerts: {
      alerts: [],
      more: false,
      error: null,
      canAcknowledge: true,
      acknowledging: new Set(),
      acknowledgeErrors: new Map(),
      onAcknowledge: noop,
      onRetry: noop,
    },
    canTopUp: true,
    navigate: noop,
    ...overrides,
  };
}

/** The text of the `<dd>` right after `<dt>term</dt>`. */
function figure(html: string, term: string): string | undefined {
  const match = new RegExp(`<dt>${term}</dt><dd[^>]*>(.*?)</dd>`).exec(html);
  return match?.[1];
}

const forbidden = new CombinedGraphQLErrors({ errors: [{ message: 'No access', extensions: { code: 'FORBIDDEN' } }] });

describe('OverviewView', () => {
  it('loading: the account query’s figures at once, the live parts say they are on their way, no banner guessed', () => {
    const html = renderToStaticMarkup(<OverviewView {...props()} />);
    expect(html).toContain('aria-label="Balances"');
    expect(figure(html, 'Balance')).toBe('$12.50');
    expect(figure(html, 'Available')).toBe('$12.50');
    expect(html).toContain('Connecting to live updates…');
    expect(html).toContain('Loading burn rate…');
    expect(html).toContain('Loading transactions…');
    expect(html).not.toContain('data-banner');
    expect(html).not.toContain('role="alert"');
  });

  it('live: the newest figures, the burn rate per minute and the time to empty, exactly', () => {
    const wallet = liveWallet({
      balance: '1.25',
      reserved: '0.25',
      available: '1',
      sequence: '3',
      burn: burnOf({
        activeCalls: 2,
        ratePerMinute: '6',
        timeToEmptySeconds: 10,
        meteredPerMinute: '6',
        windowUsage: '0.6',
        coveredSeconds: 60,
      }),
    });
    const html = renderToStaticMarkup(<OverviewView {...props({ live: { wallet, error: null, onRetry: noop } })} />);
    // Same sequence as the account query's: the live state wins (it has the reservations).
    expect(figure(html, 'Balance')).toBe('$1.25');
    expect(figure(html, 'Available')).toBe('$1.00');
    expect(figure(html, 'Reserved')).toBe('$0.25');
    expect(figure(html, 'Burn rate')).toBe('$6.00/min');
    expect(figure(html, 'Time to empty')).toBe('under a minute');
    expect(figure(html, 'Active calls')).toBe('2');
    expect(html).toContain('Calls, messages and plan fees over the last 1 min, or the active calls’ prices ($6.00/min) if higher.');
    expect(html).toContain('Updates live as calls reserve credit and money moves.');
    // $1 is below 5: the default low-balance warning.
    expect(html).toContain('data-banner="low-balance"');
  });

  it('keeps the account query’s figures when they are newer than the live state', () => {
    const html = renderToStaticMarkup(
      <OverviewView {...props({ live: { wallet: liveWallet({ sequence: '2', balance: '99' }), error: null, onRetry: noop } })} />,
    );
    expect(figure(html, 'Balance')).toBe('$12.50');
  });

  it('reads hours and minutes at a slow burn, sub-cent rates and a recent-spend burn in the wallet currency', () => {
    const slow = renderToStaticMarkup(
      <BurnCard
        failed={false}
        wallet={liveWallet({
          available: '100',
          burn: burnOf({ activeCalls: 1, ratePerMinute: '0.5', timeToEmptySeconds: 12_000, meteredPerMinute: '0.5' }),
        })}
      />,
    );
    expect(figure(slow, 'Time to empty')).toBe('about 3 h 20 min');
    const recent = renderToStaticMarkup(
      <BurnCard
        failed={false}
        wallet={liveWallet({
          currency: 'GBP',
          available: '0.0085',
          burn: burnOf({ ratePerMinute: '0.0017', timeToEmptySeconds: 300, windowUsage: '0.0085' }),
        })}
      />,
    );
    expect(figure(recent, 'Burn rate')).toBe('£0.0017/min');
    expect(figure(recent, 'Time to empty')).toBe('about 5 min');
    expect(recent).toContain('Calls, messages and plan fees over the last 5 min');
    expect(recent).toContain('One-off charges, number purchases and adjustments do not count.');
  });

  it('nothing burning: a zero rate and no time to empty', () => {
    const html = renderToStaticMarkup(<BurnCard failed={false} wallet={liveWallet()} />);
    expect(figure(html, 'Burn rate')).toBe('$0.00/min');
    expect(figure(html, 'Time to empty')).toBe('nothing is burning');
    expect(html).toContain('Nothing is running: no projection.');
  });

  it('empty: a wallet without transactions says so', () => {
    const html = renderToStaticMarkup(<OverviewView {...props({ recent: { rows: [], error: null, onRetry: noop } })} />);
    expect(html).toContain('No transactions yet.');
    expect(html).toContain('<a href="/transactions">All transactions</a>');
  });

  it('recent transactions: the rows, signed, in the wallet currency', () => {
    const rows = [transaction('5', '0.05', '0.9'), transaction('4', '0.05', '0.95')];
    const html = renderToStaticMarkup(<OverviewView {...props({ recent: { rows, error: null, onRetry: noop } })} />);
    expect(html).toContain('Recent transactions');
    expect(html).toContain('-$0.05');
    expect(html).toContain('$0.90');
    expect(html).not.toContain('No transactions yet.');
  });

  it('errors: the live feed’s (with Reconnect, figures kept), the campaigns’ and the transactions’ (each with Try again)', () => {
    const onLiveRetry = vi.fn();
    const onCampaignsRetry = vi.fn();
    const onRecentRetry = vi.fn();
    const view = (
      <OverviewView
        {...props({
          live: { wallet: null, error: new Error('socket closed'), onRetry: onLiveRetry },
          campaigns: { loading: false, error: forbidden, stopped: [], onRetry: onCampaignsRetry },
          recent: { rows: null, error: forbidden, onRetry: onRecentRetry },
        })}
      />
    );
    const html = renderToStaticMarkup(view);
    expect(html).toContain('Cannot reach the server.');
    expect(html).toContain('Live updates stopped: the figures below may be out of date.');
    expect(html).toContain('Burn rate unavailable: live updates stopped.');
    expect(figure(html, 'Balance')).toBe('$12.50');
    expect(html).toContain('Could not check whether calls stopped for lack of funds: This API key’s role may not see this.');
    expect(html).not.toContain('Loading transactions…');

    const buttons = hostElements(OverviewView(view.props)).filter((element) => element.type === 'button');
    const byLabel = (label: string) => buttons.filter((button) => textOf(button.props.children) === label);
    byLabel('Reconnect')[0]!.props.onClick();
    for (const button of byLabel('Try again')) button.props.onClick();
    expect(onLiveRetry).toHaveBeenCalledOnce();
    expect(onCampaignsRetry).toHaveBeenCalledOnce();
    expect(onRecentRetry).toHaveBeenCalledOnce();
  });

  it('banners: calls stopped and suspended, each with Top up going to /top-up', () => {
    const navigate = vi.fn();
    const view = (
      <OverviewView
        {...props({
          live: { wallet: liveWallet({ status: 'SUSPENDED', available: '0', balance: '0' }), error: null, onRetry: noop },
          campaigns: { loading: false, error: null, stopped: [campaign('c1', 'Test campaign')], onRetry: noop },
          navigate,
        })}
      />
    );
    const html = renderToStaticMarkup(view);
    expect(html).toContain('data-banner="calls-stopped"');
    expect(html).toContain('data-banner="suspended"');
    expect(html).toContain('<a href="/campaigns/c1">Test campaign</a>');
    const topUps = hostElements(OverviewView(view.props)).filter(
      (element) => element.type === 'button' && textOf(element.props.children) === 'Top up',
    );
    expect(topUps).toHaveLength(2);
    topUps[0]!.props.onClick();
    expect(navigate).toHaveBeenCalledWith('/top-up');
  });
});
