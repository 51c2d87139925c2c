// Goal: the Overview's alerts card shows each state right: loading, empty ("No alerts"), an error with Try again, and each unacknowledged alert with its severity, kind, time (with its zone) and message, Acknowledge for roles that may (busy while it runs, the failure said beside the alert) and read-only otherwise; method: the data-free card rendered to static HTML (react-dom/server), its handlers called on the expanded element tree.
import { renderToStaticMarkup } from 'react-dom/server';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it, vi } from 'vitest';
import { AlertsCard, type AlertsCardProps } from '../../../client/src/routes/overview/AlertsCard';
import type { OverviewAlertFieldsFragment as OverviewAlert } from '../../../client/src/gql/graphql.js';
import { hostElements, textOf } from './overview-fixtures';

const noop = () => undefined;

function lowBalance(overrides: Partial<OverviewAlert> = {}): OverviewAlert {
  return {
    id: 'a1',
    sequence: '12',
    kind: 'LOW_BALANCE',
    severity: 'WARNING',
    walletId: 'w1',
    campaignId: null,
    message: "The USD wallet's balance is 4.90 USD, at or below your low-balance threshold of 5.00 USD.",
    raisedAt: '2026-12-06T14:05:12.000Z',
    acknowledgedAt: null,
    ...overrides,
  };
}

function props(overrides: Partial<AlertsCardProps> = {}): AlertsCardProps {
  return {
    alerts: [],
    more: false,
    error: null,
    canAcknowledge: true,
    acknowledging: new Set(),
    acknowledgeErrors: new Map(),
    onAcknowledge: noop,
    onRetry: noop,
    ...overrides,
  };
}

const forbidden = new CombinedGraphQLErrors({ errors: [{ message: 'No access', extensions: { code: 'FORBIDDEN' } }] });

describe('AlertsCard', () => {
  it('loading, then empty', () => {
    expect(renderToStaticMarkup(<AlertsCard {...props({ alerts: null })} />)).toContain('Loading alerts…');
    const empty = renderToStaticMarkup(<AlertsCard {...props()} />);
    expect(empty).toContain('>No alerts<');
    expect(empty).not.toContain('Loading alerts');
  });

  it('an error says what failed and offers Try again', () => {
    const onRetry = vi.fn();
    const html = renderToStaticMarkup(<AlertsCard {...props({ alerts: null, error: forbidden, onRetry })} />);
    expect(html).toContain('FORBIDDEN');
    expect(html).not.toContain('Loading alerts');
    const retry = hostElements(AlertsCard(props({ alerts: null, error: forbidden, onRetry }))).find(
      (element) => element.type === 'button' && textOf(element.props.children) === 'Try again',
    )!;
    retry.props.onClick();
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('shows each alert with severity, kind, time with its zone and message, and Acknowledge', () => {
    const onAcknowledge = vi.fn();
    const alerts = [
      lowBalance(),
      lowBalance({ id: 'a0', sequence: '9', kind: 'CALLS_STOPPED', severity: 'CRITICAL', message: 'Calls stopped.' }),
    ];
    const html = renderToStaticMarkup(<AlertsCard {...props({ alerts, onAcknowledge })} />);
    expect(html).toContain('Alerts<span class="muted"> (2)</span>');
    expect(html).toContain('data-alert-kind="LOW_BALANCE"');
    expect(html).toContain('>Warning</span>');
    expect(html).toContain('<strong>Low balance</strong>');
    expect(html).toContain('<strong>Calls stopped</strong>');
    expect(html).toContain('>Critical</span>');
    expect(html).toMatch(/<time [^>]*datetime="2026-12-06T14:05:12.000Z"[^>]*>[^<]*(UTC|GMT)[^<]*<\/time>/i);
    expect(html).toContain('at or below your low-balance threshold of 5.00 USD.');
    expect(html.match(/>Acknowledge<\/button>/g)).toHaveLength(2);
    const buttons = hostElements(AlertsCard(props({ alerts, onAcknowledge }))).filter((element) => element.type === 'button');
    buttons[1]!.props.onClick();
    expect(onAcknowledge).toHaveBeenCalledWith('a0');
  });

  it('shows an acknowledgement in progress, and one that failed beside its alert', () => {
    const html = renderToStaticMarkup(
      <AlertsCard
        {...props({ alerts: [lowBalance()], acknowledging: new Set(['a1']), acknowledgeErrors: new Map([['a1', forbidden]]) })}
      />,
    );
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Acknowledging…<\/button>/);
    expect(html).toContain('Could not acknowledge');
  });

  it('read-only for roles that may not acknowledge, and says who can', () => {
    const html = renderToStaticMarkup(<AlertsCard {...props({ alerts: [lowBalance()], canAcknowledge: false })} />);
    expect(html).not.toContain('Acknowledge</button>');
    expect(html).toContain('Read-only: an owner or campaign manager can acknowledge alerts.');
  });

  it('says when older alerts are not listed', () => {
    expect(renderToStaticMarkup(<AlertsCard {...props({ alerts: [lowBalance()], more: true })} />)).toContain(
      'Older unacknowledged alerts are not listed here.',
    );
  });
});
