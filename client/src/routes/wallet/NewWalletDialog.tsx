import { useId, useState } from 'react';
import { describeError } from '../../apollo/describe-error';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCreateWalletMutation } from './hooks/useCreateWalletMutation';

/** The currencies an account's wallets may hold (server SUPPORTED_CURRENCIES). */
export const WALLET_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD'] as const;

/** Most characters of a wallet's name (server `walletNameLengthMax`). */
export const WALLET_NAME_LENGTH_MAX = 100;

/** Props of {@link NewWalletDialog}. */
export interface NewWalletDialogProps {
  accountId: string;
  /** The currency the form starts with (the selected wallet's). */
  defaultCurrency: string;
  /** Called with the new wallet's id once it exists. */
  onCreated: (walletId: string) => void;
  onCancel: () => void;
}

/** "New wallet": a name and a currency, for the account's owner (`createWallet`); the server's refusal shows in the dialog. */
export function NewWalletDialog({ accountId, defaultCurrency, onCreated, onCancel }: NewWalletDialogProps) {
  const nameId = useId();
  const currencyId = useId();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [error, setError] = useState<string | null>(null);
  const [createWallet, { loading }] = useCreateWalletMutation();

  const confirm = async () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Give the wallet a name.');
      return;
    }
    if (trimmed.length > WALLET_NAME_LENGTH_MAX) {
      setError(`Use at most ${WALLET_NAME_LENGTH_MAX} characters.`);
      return;
    }
    setError(null);
    try {
      const result = await createWallet({ variables: { input: { accountId, currency, name: trimmed } } });
      const walletId = result.data?.createWallet.wallet.id;
      if (walletId) onCreated(walletId);
    } catch (caught) {
      const described = describeError(caught);
      setError(described.detail ?? described.summary);
    }
  };

  return (
    <ConfirmDialog
      title="New wallet"
      confirmLabel="Create wallet"
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p className="muted">A separate balance, e.g. per team or per client. It starts empty.</p>
      <div className="field">
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} value={name} onChange={(event) => setName(event.target.value)} maxLength={WALLET_NAME_LENGTH_MAX * 2} />
      </div>
      <div className="field">
        <label htmlFor={currencyId}>Currency</label>
        <select id={currencyId} value={currency} onChange={(event) => setCurrency(event.target.value)}>
          {WALLET_CURRENCIES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
    </ConfirmDialog>
  );
}
