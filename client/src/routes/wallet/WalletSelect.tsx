import { useId } from 'react';
import type { WalletSummaryFieldsFragment as WalletSummary } from '../../gql/graphql.js';
import { formatMoney } from '../../utils/money';

/** A wallet as the picker lists it: its figures and its name. */
export type NamedWallet = WalletSummary & { name: string };

/** Props of {@link WalletSelect}. */
export interface WalletSelectProps {
  wallets: NamedWallet[];
  selectedWalletId: string;
  onSelect: (walletId: string) => void;
  /** Offered to the account's owner: opens the "New wallet" dialog. Absent for other roles. */
  onNewWallet?: () => void;
}

/**
 * The wallet picker: chooses which of the account's wallets Overview, Transactions and Top up show
 * (each by name, currency and balance), and for an owner a "New wallet" button.
 */
export function WalletSelect({ wallets, selectedWalletId, onSelect, onNewWallet }: WalletSelectProps) {
  const id = useId();
  return (
    <div className="field field--inline wallet-select">
      {wallets.length > 1 && (
        <>
          <label htmlFor={id}>Wallet</label>
          <select id={id} value={selectedWalletId} onChange={(event) => onSelect(event.target.value)}>
            {wallets.map((wallet) => (
              <option key={wallet.id} value={wallet.id}>
                {wallet.name} · {wallet.currency} — {formatMoney(wallet.balance, wallet.currency)}
              </option>
            ))}
          </select>
        </>
      )}
      {onNewWallet && (
        <button type="button" className="button" onClick={onNewWallet}>
          New wallet
        </button>
      )}
    </div>
  );
}
