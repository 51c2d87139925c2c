import { useId } from 'react';
import type { WalletSummaryFieldsFragment as WalletSummary } from '../../gql/graphql.js';
import { formatMoney } from '../../utils/money';

/** Props of {@link WalletSelect}. */
export interface WalletSelectProps {
  wallets: WalletSummary[];
  selectedWalletId: string;
  onSelect: (walletId: string) => void;
}

/** Chooses one of an account's wallets (one per currency). */
export function WalletSelect({ wallets, selectedWalletId, onSelect }: WalletSelectProps) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>Wallet</label>
      <select id={id} value={selectedWalletId} onChange={(event) => onSelect(event.target.value)}>
        {wallets.map((wallet) => (
          <option key={wallet.id} value={wallet.id}>
            {wallet.currency} — {formatMoney(wallet.balance, wallet.currency)}
          </option>
        ))}
      </select>
    </div>
  );
}
