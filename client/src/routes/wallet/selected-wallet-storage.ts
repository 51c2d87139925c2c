/**
 * Remembers the wallet picked in the wallet picker across page loads, in this tab's sessionStorage
 * (a wallet id alone: nothing secret). A remembered id that is not one of the account's wallets (another
 * person signed in, a wallet of another account) is ignored.
 */
const KEY = 'spendwire:selected-wallet';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The remembered wallet id, or null. */
export function rememberedWalletId(): string | null {
  try {
    return storage()?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers `walletId` for the next page load of this tab. */
export function rememberWalletId(walletId: string): void {
  try {
    storage()?.setItem(KEY, walletId);
  } catch {
    // A browser that refuses storage keeps the choice for this page only.
  }
}
