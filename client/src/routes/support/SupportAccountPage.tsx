import { type FormEvent, type MouseEvent, type ReactNode, useId, useState } from 'react';
import { AuditLogList } from '../../components/AuditLogList';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SenderIdTable } from '../../components/SenderIdTable';
import type { SupportAccountQuery } from '../../gql/graphql.js';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { useLiveWalletFigures } from '../../hooks/useLiveWalletFigures';
import { formatMoney } from '../../utils/money';
import { actorLabel } from './actor-label';
import { ALERT_KIND_LABELS, feedOrder } from './alert-feed';
import { SUPPORT_ACCOUNT_LIST_SIZE, useSupportAccount } from './hooks/useSupportAccount';
import { useSupportActions } from './hooks/useSupportActions';
import { failureMessage, parsePositiveAmount } from './support-actions';
import { SUPPORT_PATHS, supportAlertsOfAccountPath } from './support-paths';

type Account = NonNullable<SupportAccountQuery['account']>;
type Wallet = Account['wallets'][number];

/** An action waiting for its confirmation. */
interface PendingAction {
  title: string;
  confirmLabel: string;
  body: ReactNode;
  destructive?: boolean;
  /** Runs it; resolves with the result to show. */
  run: () => Promise<string>;
  /** Called once it succeeded (a form empties its fields, so the same action is not sent twice by mistake). */
  onDone?: () => void;
}

/** Props of {@link SupportAccountPage}. */
export interface SupportAccountPageProps {
  accountId: string;
  navigate: (path: string) => void;
}

/**
 * One account as support sees it: its wallets and balances, recent transactions (with who did
 * each), bank transfers, campaigns and alerts, read-only as the owner sees them; and the support
 * actions (grant credit, adjust with a reason, refund unused credit, record, complete or cancel a
 * bank transfer), each confirmed first and its result shown; and the account's audit log.
 */
export function SupportAccountPage({ accountId, navigate }: SupportAccountPageProps) {
  const { data, loading, error } = useSupportAccount(accountId);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  // Highest transaction sequence seen per wallet, so the live balances resume without a gap.
  const [resumePoints] = useState(() => new Map<string, string>());

  const ask = (action: PendingAction) => {
    setActionError(null);
    setPending(action);
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const outcome = await pending.run();
      setResult(outcome);
      setPending(null);
      pending.onDone?.();
    } catch (failure) {
      setActionError(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  if (!data) {
    if (error) return <ErrorNotice error={error} />;
    return loading ? <p className="placeholder">Loading account…</p> : null;
  }
  const account = data.account;
  if (!account) return <p className="placeholder">No account has this id.</p>;
  const link = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  const alerts = feedOrder(data.alerts.edges.map((edge) => edge.node));

  return (
    <>
      <section className="card" aria-label="Account">
        <div className="section-header">
          <div>
            <h2>{account.name}</h2>
            <p className="muted">
              <code>{account.id}</code> · opened {formatDateTime(account.createdAt)} · {enumLabel(account.status)}
              {account.closedAt ? ` ${formatDateTime(account.closedAt)}` : ''}
            </p>
          </div>
          <a href={SUPPORT_PATHS.accounts} onClick={link(SUPPORT_PATHS.accounts)}>
            Back to the search
          </a>
        </div>
        {error && <ErrorNotice error={error} />}
        {result && (
          <p className="notice notice--success" role="status">
            {result}
          </p>
        )}
      </section>
      {account.wallets.length === 0 && <p className="placeholder">This account has no wallet.</p>}
      {account.wallets.map((wallet) => (
        <WalletSection
          key={wallet.id}
          account={account}
          wallet={wallet}
          multiple={account.wallets.length > 1}
          ask={ask}
          resumePoints={resumePoints}
        />
      ))}
      <section className="card" aria-label="Sender IDs">
        <h2>Sender IDs</h2>
        {data.senderIds.edges.length === 0 ? (
          <p className="placeholder">No sender IDs.</p>
        ) : (
          <>
            <SenderIdTable
              label="Sender IDs of the account"
              rows={data.senderIds.edges.map((edge) => edge.node)}
              currency={(row) => account.wallets.find((wallet) => wallet.id === row.walletId)?.currency ?? ''}
              applied
            />
            {data.senderIds.pageInfo.hasNextPage && <p className="muted">The {SUPPORT_ACCOUNT_LIST_SIZE} newest are shown.</p>}
          </>
        )}
      </section>
      <section className="card" aria-label="Campaigns">
        <h2>Campaigns</h2>
        {data.campaigns.edges.length === 0 ? (
          <p className="placeholder">No campaigns.</p>
        ) : (
          <table className="transactions support-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th className="numeric">Spent</th>
                <th className="numeric">Budget</th>
                <th className="numeric">Active calls</th>
              </tr>
            </thead>
            <tbody>
              {data.campaigns.edges.map(({ node }) => {
                const currency = account.wallets.find((wallet) => wallet.id === node.walletId)?.currency ?? '';
                return (
                  <tr key={node.id}>
                    <td data-label="Name">{node.name}</td>
                    <td data-label="Status">{enumLabel(node.status)}</td>
                    <td data-label="Spent" className="numeric">
                      {formatMoney(node.spent, currency)}
                    </td>
                    <td data-label="Budget" className="numeric">
                      {node.budget === null ? 'None' : formatMoney(node.budget, currency)}
                    </td>
                    <td data-label="Active calls" className="numeric">
                      {node.activeCalls}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-label="Account alerts">
        <div className="section-header">
          <h2>Alerts</h2>
          <a href={supportAlertsOfAccountPath(account.id)} onClick={link(supportAlertsOfAccountPath(account.id))}>
            Open in the live feed
          </a>
        </div>
        {alerts.length === 0 ? (
          <p className="placeholder">No alerts.</p>
        ) : (
          <ul className="support-feed">
            {alerts.map((alert) => (
              <li key={alert.id} className={`support-alert support-alert--${alert.severity.toLowerCase()}`}>
                <div className="support-alert__head">
                  <span className="status">{enumLabel(alert.severity)}</span>
                  <strong>{ALERT_KIND_LABELS[alert.kind]}</strong>
                  <span className="muted">{formatDateTime(alert.raisedAt)}</span>
                </div>
                <p className="support-alert__message">{alert.message}</p>
                <p className="muted">
                  {alert.acknowledgedAt
                    ? `Acknowledged ${formatDateTime(alert.acknowledgedAt)}${alert.acknowledger ? ` by ${actorLabel(alert.acknowledger)}` : ''}`
                    : 'Not acknowledged'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label="Account audit log">
        <div className="section-header">
          <h2>Audit log</h2>
          <p className="muted">Who changed keys, team, settings and billing, and every support action, newest first.</p>
        </div>
        <AuditLogList accountId={account.id} />
      </section>
      {pending && (
        <ConfirmDialog
          title={pending.title}
          confirmLabel={pending.confirmLabel}
          destructive={pending.destructive}
          busy={busy}
          error={actionError}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        >
          {pending.body}
        </ConfirmDialog>
      )}
    </>
  );
}

interface WalletSectionProps {
  account: Account;
  wallet: Wallet;
  multiple: boolean;
  ask: (action: PendingAction) => void;
  resumePoints: Map<string, string>;
}

/** A wallet: its balances (live, as the owner sees them), the support actions on it, its bank transfers and recent transactions. */
function WalletSection({ account, wallet, multiple, ask, resumePoints }: WalletSectionProps) {
  const money = (amount: string) => formatMoney(amount, wallet.currency);
  const { figures } = useLiveWalletFigures({ wallet, resumePoints });
  const actions = useSupportActions();
  const title = multiple ? `${wallet.currency} wallet` : 'Wallet';
  return (
    <>
      <section className="card" aria-label={title}>
        <div className="section-header">
          <h2>{title}</h2>
        </div>
        <dl className="balances">
          <div>
            <dt>Balance</dt>
            <dd className="amount">{money(figures.balance)}</dd>
          </div>
          <div>
            <dt>Available</dt>
            <dd className="amount">{money(figures.available)}</dd>
          </div>
          <div className="balances__item--meta">
            <dt>Held by calls and messages</dt>
            <dd className="amount">{money(figures.reserved)}</dd>
          </div>
          <div className="balances__item--meta">
            <dt>Refundable paid credit</dt>
            <dd className="amount">{money(wallet.refundable)}</dd>
          </div>
          <div className="balances__item--meta">
            <dt>Status</dt>
            <dd>
              {enumLabel(wallet.status)}
              {wallet.suspendedAt ? ` since ${formatDateTime(wallet.suspendedAt)}` : ''}
            </dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-label={`Support actions on the ${title.toLowerCase()}`}>
        <div className="section-header">
          <h2>Support actions</h2>
          <p className="muted">Each asks for confirmation and is recorded under your name.</p>
        </div>
        <div className="support-actions">
          <AmountForm
            legend="Grant credit"
            hint="Trial or promotional credit: spent first, never refunded."
            currency={wallet.currency}
            reasonLabel="Reason"
            submitLabel="Grant credit"
            onSubmit={({ amount, reason }, reset) =>
              ask({
                onDone: reset,
                title: `Grant ${money(amount)} to ${account.name}?`,
                confirmLabel: `Grant ${money(amount)}`,
                body: <p>Reason: “{reason}”. The grant is recorded under your name and shows on the owner's balance at once.</p>,
                run: async () => {
                  const done = await actions.grantCredit({ variables: { input: { walletId: wallet.id, amount, reason } } });
                  const balance = done.data?.grantCredit.wallet.balance;
                  return `Granted ${money(amount)}. Balance now ${balance ? money(balance) : 'updated'}.`;
                },
              })
            }
          />
          <AmountForm
            legend="Adjust balance"
            hint="A correction in either direction, with the reason the owner will read."
            currency={wallet.currency}
            reasonLabel="Reason"
            submitLabel="Adjust"
            withDirection
            onSubmit={({ amount, reason, direction }, reset) => {
              const signed = direction === 'debit' ? `-${amount}` : amount;
              const words = direction === 'debit' ? `Debit ${money(amount)} from` : `Credit ${money(amount)} to`;
              ask({
                onDone: reset,
                title: `${words} ${account.name}?`,
                confirmLabel: direction === 'debit' ? `Debit ${money(amount)}` : `Credit ${money(amount)}`,
                destructive: direction === 'debit',
                body: <p>Reason: “{reason}”. Recorded as an adjustment under your name.</p>,
                run: async () => {
                  const done = await actions.adjustWallet({ variables: { input: { walletId: wallet.id, amount: signed, reason } } });
                  const balance = done.data?.adjustWallet.wallet.balance;
                  return `Adjusted by ${formatMoney(signed, wallet.currency, { signDisplay: 'exceptZero' })}. Balance now ${balance ? money(balance) : 'updated'}.`;
                },
              });
            }}
          />
          <AmountForm
            legend="Refund unused credit"
            hint={`Back to the cards that paid it; up to ${money(wallet.refundable)} (leave the amount empty for all of it).`}
            currency={wallet.currency}
            reasonLabel="Reason"
            submitLabel="Refund"
            amountOptional
            onSubmit={({ amount, reason }, reset) => {
              const shown = amount === '' ? money(wallet.refundable) : money(amount);
              ask({
                onDone: reset,
                title: `Refund ${shown} of unused credit to ${account.name}'s cards?`,
                confirmLabel: `Refund ${shown}`,
                destructive: true,
                body: <p>Reason: “{reason}”. The wallet is debited now; the cards are credited by the payment provider.</p>,
                run: async () => {
                  const done = await actions.refundUnusedCredit({
                    variables: { input: { walletId: wallet.id, amount: amount === '' ? null : amount, reason } },
                  });
                  const refunded = done.data?.refundUnusedCredit.transaction.amount;
                  return `Refunded ${refunded ? money(refunded) : shown} to ${done.data?.refundUnusedCredit.refunds.length ?? 0} card payment(s).`;
                },
              });
            }}
          />
          <AmountForm
            legend="Record a bank transfer"
            hint="Announced on the owner's behalf: nothing is credited until it is completed below."
            currency={wallet.currency}
            reasonLabel="Bank reference"
            submitLabel="Record transfer"
            onSubmit={({ amount, reason }, reset) =>
              ask({
                onDone: reset,
                title: `Record a bank transfer of ${money(amount)}?`,
                confirmLabel: 'Record transfer',
                body: <p>Reference “{reason}”. It stays pending until you complete it.</p>,
                run: async () => {
                  await actions.recordBankTransfer({ variables: { input: { walletId: wallet.id, amount, reference: reason } } });
                  return `Bank transfer of ${money(amount)} recorded as pending.`;
                },
              })
            }
          />
        </div>
      </section>
      <section className="card" aria-label={`Bank transfers of the ${title.toLowerCase()}`}>
        <h2>Bank transfers</h2>
        {wallet.bankTransfers.length === 0 ? (
          <p className="placeholder">No bank transfers.</p>
        ) : (
          <table className="transactions support-table">
            <thead>
              <tr>
                <th>Reference</th>
                <th className="numeric">Amount</th>
                <th>Status</th>
                <th>Who</th>
                <th>Action</th>
              </tr>
            </thead>
            <tbody>
              {wallet.bankTransfers.map((transfer) => (
                <tr key={transfer.id}>
                  <td data-label="Reference">{transfer.reference}</td>
                  <td data-label="Amount" className="numeric">
                    {money(transfer.amount)}
                  </td>
                  <td data-label="Status">
                    <span>
                      {enumLabel(transfer.status)}
                      <br />
                      <span className="muted">
                        {transfer.settledAt ? formatDateTime(transfer.settledAt) : `expected by ${formatDateTime(transfer.expectedBy)}`}
                      </span>
                    </span>
                  </td>
                  <td data-label="Who">
                    <span>
                      Recorded by {actorLabel(transfer.recordedBy)}
                      {transfer.settledBy && (
                        <>
                          <br />
                          {enumLabel(transfer.status)} by {actorLabel(transfer.settledBy)}
                        </>
                      )}
                    </span>
                  </td>
                  <td data-label="Action">
                    {transfer.status === 'PENDING' ? (
                      <div className="support-row-actions">
                        <button
                          type="button"
                          className="button button--primary"
                          onClick={() =>
                            ask({
                              title: `Complete the ${money(transfer.amount)} transfer “${transfer.reference}”?`,
                              confirmLabel: `Credit ${money(transfer.amount)}`,
                              body: <p>Only when the money is on the bank statement: the wallet is credited once, now.</p>,
                              run: async () => {
                                await actions.completeBankTransfer({ variables: { id: transfer.id } });
                                return `Bank transfer “${transfer.reference}” completed: ${money(transfer.amount)} credited.`;
                              },
                            })
                          }
                        >
                          Complete
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() =>
                            ask({
                              title: `Cancel the transfer “${transfer.reference}”?`,
                              confirmLabel: 'Cancel transfer',
                              destructive: true,
                              body: <p>Nothing is credited; the transfer is closed.</p>,
                              run: async () => {
                                await actions.cancelBankTransfer({ variables: { id: transfer.id } });
                                return `Bank transfer “${transfer.reference}” canceled.`;
                              },
                            })
                          }
                        >
                          Cancel
                        </button>
                      </div>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-label={`Recent transactions of the ${title.toLowerCase()}`}>
        <h2>Recent transactions</h2>
        {wallet.transactions.edges.length === 0 ? (
          <p className="placeholder">No transactions yet.</p>
        ) : (
          <table className="transactions support-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Kind</th>
                <th>Description</th>
                <th className="numeric">Amount</th>
                <th className="numeric">Balance after</th>
                <th>By</th>
              </tr>
            </thead>
            <tbody>
              {wallet.transactions.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td data-label="When" className="nowrap">
                    {formatDateTime(node.createdAt)}
                  </td>
                  <td data-label="Kind">
                    <span>
                      {enumLabel(node.kind)}
                      {node.status !== 'COMPLETED' ? ` (${enumLabel(node.status)})` : ''}
                    </span>
                  </td>
                  <td data-label="Description" className="description">
                    {node.description}
                  </td>
                  <td data-label="Amount" className={`numeric amount--${node.type === 'CREDIT' ? 'credit' : 'debit'}`}>
                    {money(node.type === 'CREDIT' ? node.amount : `-${node.amount}`)}
                  </td>
                  <td data-label="Balance after" className="numeric">
                    {money(node.balanceAfter)}
                  </td>
                  <td data-label="By">{actorLabel(node.actor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** What an {@link AmountForm} hands over once its fields are valid. */
interface AmountFormValues {
  /** A Money string > 0, or "" when the amount is optional and left empty. */
  amount: string;
  reason: string;
  direction: 'credit' | 'debit';
}

interface AmountFormProps {
  legend: string;
  hint: string;
  currency: string;
  reasonLabel: string;
  submitLabel: string;
  withDirection?: boolean;
  amountOptional?: boolean;
  /** Given the checked values and a function that empties the form (for the action's `onDone`). */
  onSubmit: (values: AmountFormValues, reset: () => void) => void;
}

/** An amount, a reason (or reference) and, for adjustments, the direction; checked before the confirmation opens. */
function AmountForm({ legend, hint, currency, reasonLabel, submitLabel, withDirection, amountOptional, onSubmit }: AmountFormProps) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [direction, setDirection] = useState<'credit' | 'debit'>('credit');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { amount: useId(), reason: useId(), direction: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = amount.trim() === '' && amountOptional ? '' : parsePositiveAmount(amount);
    if (parsed === null) return setProblem(`Enter an amount above zero in ${currency}, e.g. 25 or 12.50.`);
    if (reason.trim() === '') return setProblem(`Enter the ${reasonLabel.toLowerCase()}.`);
    setProblem(null);
    onSubmit({ amount: parsed, reason: reason.trim(), direction }, () => {
      setAmount('');
      setReason('');
    });
  };
  return (
    <form className="support-action" aria-label={legend} onSubmit={submit} noValidate>
      <h3>{legend}</h3>
      <p className="field__hint">{hint}</p>
      {withDirection && (
        <div className="field">
          <label className="field__label" htmlFor={ids.direction}>
            Direction
          </label>
          <select id={ids.direction} value={direction} onChange={(event) => setDirection(event.target.value as 'credit' | 'debit')}>
            <option value="credit">Credit (add)</option>
            <option value="debit">Debit (take)</option>
          </select>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={ids.amount}>
          Amount ({currency}){amountOptional ? ', optional' : ''}
        </label>
        <input id={ids.amount} inputMode="decimal" autoComplete="off" value={amount} onChange={(event) => setAmount(event.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.reason}>
          {reasonLabel}
        </label>
        <input id={ids.reason} maxLength={500} autoComplete="off" value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary support-action__submit">
        {submitLabel}
      </button>
    </form>
  );
}
