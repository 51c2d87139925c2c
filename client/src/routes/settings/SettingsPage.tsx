import { useSavedCards } from '../../hooks/useSavedCards';
import { canManageApiKeys } from './api-keys';
import { canChangeFunding } from './auto-recharge';
import { enumLabel } from '../../utils/enum-label';
import { canInvite } from '../../utils/invitations';
import { canManageCards } from './saved-cards';
import type { AccountPageProps } from '../account/account-page-props';
import { ApiKeysCard } from './ApiKeysCard';
import { AutoRechargeCard } from './AutoRechargeCard';
import { BalanceAlertsCard } from './BalanceAlertsCard';
import { SavedCardsCard } from './SavedCardsCard';
import { SpendCapsCard } from './SpendCapsCard';
import './settings.css';

/**
 * The Settings page: automatic funding of the wallet (auto-recharge, the monthly recharge), its
 * balance alerts (low-balance thresholds), its daily and monthly spend caps, saved cards and API keys
 * (the team has its own page). Each block shows
 * only to the roles the server lets act on it: funding and keys to OWNERs (others see
 * funding read-only), balance alerts to every role but integrators (who see them read-only), cards
 * to OWNERs and campaign managers.
 */
export function SettingsPage({ account, wallet, role }: AccountPageProps) {
  const cardsAllowed = canManageCards(role);
  // Whether there is a default card to charge, for the funding card's warning (the same cached list the cards card shows).
  const saved = useSavedCards(cardsAllowed && canChangeFunding(role));
  const cards = saved.data?.paymentMethods;
  const hasDefaultCard = cards === undefined ? null : cards.some((card) => card.isDefault);
  const ownerOnly = [!canManageApiKeys(role) && 'API keys', !canInvite(role) && 'the team', !cardsAllowed && 'saved cards'].filter(
    (item): item is string => typeof item === 'string',
  );

  return (
    <div className="settings">
      <AutoRechargeCard key={wallet.id} walletId={wallet.id} currency={wallet.currency} role={role} hasDefaultCard={hasDefaultCard} />
      <BalanceAlertsCard key={`alerts-${wallet.id}`} walletId={wallet.id} currency={wallet.currency} role={role} />
      <SpendCapsCard key={`caps-${wallet.id}`} walletId={wallet.id} currency={wallet.currency} role={role} />
      {cardsAllowed && <SavedCardsCard />}
      {canManageApiKeys(role) && <ApiKeysCard accountId={account.id} />}
      {ownerOnly.length > 0 && (
        <p className="notice" role="status">
          As a {enumLabel(role).toLowerCase()}, you do not manage {joinWords(ownerOnly)}: an owner of the account does.
        </p>
      )}
    </div>
  );
}

/** ["a", "b", "c"] → "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
