// Goal: the overview's banners appear exactly when they should (low balance at or below one of the wallet's own balance alert thresholds, naming it, the auto-recharge threshold playing no part; wallet suspended; calls stopped for lack of funds, naming and linking each campaign), each with a "Top up" button that goes to /top-up; method: the real component rendered to static HTML (react-dom/server), and its handlers called directly on the expanded element tree.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { OverviewBanners, type OverviewBannersProps } from '../../../client/src/routes/overview/OverviewBanners';
import { campaign, hostElements, liveWallet, textOf } from './overview-fixtures';

function render(props: Partial<OverviewBannersProps>): string {
  return renderToStaticMarkup(
    <OverviewBanners wallet={liveWallet()} stoppedCampaigns={[]} canTopUp navigate={() => undefined} {...props} />,
  );
}

/** The banners in the markup, by kind. */
function bannerKinds(html: string): string[] {
  return [...html.matchAll(/data-banner="([a-z-]+)"/g)].map((match) => match[1]!);
}

describe('OverviewBanners', () => {
  it('shows nothing for a healthy wallet, and nothing before the first live state', () => {
    expect(render({})).toBe('');
    expect(render({ wallet: null })).toBe('');
  });

  it('warns of a low balance at or below the wallet’s own balance alert, naming it', () => {
    const html = render({ wallet: liveWallet({ currency: 'GBP', available: '4.9985', balance: '4.9985' }) });
    expect(bannerKinds(html)).toEqual(['low-balance']);
    expect(html).toContain('role="status"');
    expect(html).toContain('Low balance');
    expect(html).toContain('Available £5.00 is below £5.00, one of this wallet’s balance alerts.');
    expect(html).toContain('>Top up</button>');
    expect(render({ wallet: liveWallet({ available: '5.000001' }) })).toBe('');
    expect(render({ wallet: liveWallet({ available: '5' }) })).toContain(
      'Available $5.00 has reached $5.00, one of this wallet’s balance alerts.',
    );
    // The owner's own lines: 25 and 10; 12 is below 25, and 9 below 10 (the nearest crossed).
    const lines = ['25', '10', '0'];
    expect(render({ wallet: liveWallet({ available: '12', lowBalanceThresholds: lines }) })).toContain('Available $12.00 is below $25.00');
    expect(render({ wallet: liveWallet({ available: '9', lowBalanceThresholds: lines }) })).toContain('Available $9.00 is below $10.00');
    // Balance alerts off (or only the depleted one): no low-balance banner.
    expect(render({ wallet: liveWallet({ available: '1', lowBalanceThresholds: [] }) })).toBe('');
    expect(render({ wallet: liveWallet({ available: '1', lowBalanceThresholds: ['0'] }) })).toBe('');
  });

  it('ignores the auto-recharge threshold for the line, and says what auto-recharge does', () => {
    const autoRecharge = { walletId: 'wallet-1', enabled: true, threshold: '20', target: '50', pausedReason: null };
    // Below the auto-recharge threshold but above every balance alert: not low.
    expect(render({ wallet: liveWallet({ available: '6', autoRecharge }) })).toBe('');
    const on = render({ wallet: liveWallet({ available: '4.5', autoRecharge }) });
    expect(on).toContain(
      'Available $4.50 is below $5.00, one of this wallet’s balance alerts. Auto-recharge will bring it back to $50.00.',
    );
    // Auto-recharge lower than the alert: still low at the alert.
    expect(render({ wallet: liveWallet({ available: '3', autoRecharge: { ...autoRecharge, threshold: '2' } }) })).toContain('Low balance');
    expect(render({ wallet: liveWallet({ available: '1', autoRecharge: { ...autoRecharge, enabled: false } }) })).toContain(
      'Auto-recharge is off.',
    );
    expect(
      render({ wallet: liveWallet({ available: '1', autoRecharge: { ...autoRecharge, pausedReason: 'REPEATED_FAILURES' } }) }),
    ).toContain('Auto-recharge is paused (repeated failures).');
  });

  it('alerts when the wallet is suspended (the low-balance warning then says nothing more)', () => {
    const html = render({ wallet: liveWallet({ status: 'SUSPENDED', available: '0', balance: '0' }) });
    expect(bannerKinds(html)).toEqual(['suspended']);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Wallet suspended');
    expect(html).toContain('no new calls or messages go through until it is funded');
  });

  it('alerts when calls stopped for lack of funds, naming each campaign with a link to its page', () => {
    const html = render({
      wallet: liveWallet({ available: '0', balance: '0' }),
      stoppedCampaigns: [campaign('c1', 'Spring <promo>'), campaign('c2', 'Renewals')],
    });
    expect(bannerKinds(html)).toEqual(['calls-stopped', 'low-balance']);
    expect(html).toContain('Calls stopped for lack of funds');
    expect(html).toContain(
      'these campaigns stopped: <a href="/campaigns/c1">Spring &lt;promo&gt;</a>, <a href="/campaigns/c2">Renewals</a>.',
    );
    expect(html).toContain('restart them from their pages');
    const single = render({ stoppedCampaigns: [campaign('c1', 'Spring')] });
    expect(bannerKinds(single)).toEqual(['calls-stopped']);
    expect(single).toContain('this campaign stopped: <a href="/campaigns/c1">Spring</a>. Top up, then restart it from its page.');
  });

  it('shows all three at once, most urgent first, each with its own Top up button', () => {
    const html = render({ wallet: liveWallet({ status: 'SUSPENDED', available: '0' }), stoppedCampaigns: [campaign('c1', 'Spring')] });
    expect(bannerKinds(html)).toEqual(['calls-stopped', 'suspended']);
    expect(html.match(/>Top up<\/button>/g)).toHaveLength(2);
  });

  it('Top up goes to /top-up and a campaign link to its page, client-side', () => {
    const navigate = vi.fn();
    const elements = hostElements(
      OverviewBanners({ wallet: liveWallet({ available: '1' }), stoppedCampaigns: [campaign('c1', 'Spring')], canTopUp: true, navigate }),
    );
    const buttons = elements.filter((element) => element.type === 'button' && textOf(element.props.children) === 'Top up');
    expect(buttons).toHaveLength(2);
    for (const button of buttons) button.props.onClick();
    expect(navigate.mock.calls).toEqual([['/top-up'], ['/top-up']]);

    navigate.mockClear();
    const link = elements.find((element) => element.type === 'a')!;
    const preventDefault = vi.fn();
    link.props.onClick({ button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, preventDefault });
    expect(navigate).toHaveBeenCalledWith('/campaigns/c1');
    expect(preventDefault).toHaveBeenCalled();
    // A modified click is the browser's (new tab).
    navigate.mockClear();
    link.props.onClick({ button: 0, metaKey: true, ctrlKey: false, shiftKey: false, altKey: false, preventDefault });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('tells roles that may not top up who can, instead of a button', () => {
    const html = render({ wallet: liveWallet({ available: '1' }), canTopUp: false });
    expect(html).not.toContain('>Top up</button>');
    expect(html).toContain('Ask the account’s owner to top up.');
  });
});
