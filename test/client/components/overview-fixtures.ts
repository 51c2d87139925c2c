// Shared fixtures of the overview's component tests: wallet states, campaigns and transactions as the server sends them, and a way to reach a rendered tree's handlers without a DOM.
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import type {
  TransactionRowFieldsFragment as TransactionRow,
  WalletSummaryFieldsFragment as WalletSummary,
} from '../../../client/src/gql/graphql.js';
import type {
  OverviewCampaignFieldsFragment as OverviewCampaign,
  OverviewWalletFieldsFragment as OverviewWallet,
} from '../../../client/src/gql/graphql.js';

/** The wallet as the account query has it. */
export const ACCOUNT_WALLET: WalletSummary = {
  id: 'w1',
  currency: 'USD',
  balance: '12.5',
  available: '12.5',
  reserved: '0',
  sequence: '3',
};

/** A live wallet state: $100 available, nothing burning, no auto-recharge, the default balance alerts (5 and 0). */
export function liveWallet(overrides: Partial<OverviewWallet> = {}): OverviewWallet {
  return {
    id: 'w1',
    currency: 'USD',
    balance: '100',
    reserved: '0',
    available: '100',
    status: 'ACTIVE',
    sequence: '4',
    burn: burnOf({}),
    autoRecharge: null,
    lowBalanceThresholds: ['5', '0'],
    ...overrides,
  };
}

/** A wallet's burn as the server sends it: nothing running unless overridden. */
export function burnOf(overrides: Partial<OverviewWallet['burn']>): OverviewWallet['burn'] {
  return {
    ratePerMinute: null,
    timeToEmptySeconds: null,
    limitedBy: null,
    limitReachedInSeconds: null,
    spendCap: null,
    activeCalls: 0,
    meteredPerMinute: '0',
    windowUsage: '0',
    windowSeconds: 300,
    coveredSeconds: 300,
    planFeesPerMinute: '0',
    ...overrides,
  };
}

/** A campaign of wallet w1. */
export function campaign(id: string, name: string, status: OverviewCampaign['status'] = 'STOPPED_INSUFFICIENT_FUNDS'): OverviewCampaign {
  return { id, walletId: 'w1', name, status, activeCalls: 0, version: '7' };
}

/** A posted CALL debit. */
export function transaction(sequence: string, amount: string, balanceAfter: string): TransactionRow {
  return {
    id: `t${sequence}`,
    sequence,
    type: 'DEBIT',
    kind: 'CALL',
    amount,
    balanceBefore: '0',
    balanceAfter,
    description: `Call ${sequence}`,
    status: 'COMPLETED',
    paymentIntentId: null,
    createdAt: '2026-03-01T12:00:00.000Z',
    campaignId: 'c1',
  };
}

/**
 * Every host element (`<button>`, `<a>`…) of a tree, with function components called to expand
 * them (no hooks in the components this is used on), so their handlers can be called directly.
 */
export function hostElements(node: ReactNode): ReactElement<Record<string, any>>[] {
  const found: ReactElement<Record<string, any>>[] = [];
  const visit = (current: ReactNode): void => {
    if (Array.isArray(current)) {
      for (const child of current) visit(child);
      return;
    }
    if (!isValidElement<Record<string, any>>(current)) return;
    if (typeof current.type === 'function') {
      visit((current.type as (props: unknown) => ReactNode)(current.props));
      return;
    }
    if (typeof current.type === 'string') found.push(current);
    visit(current.props.children as ReactNode);
  };
  visit(node);
  return found;
}

/** The text of a host element's children, flattened. */
export function textOf(node: ReactNode): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}
