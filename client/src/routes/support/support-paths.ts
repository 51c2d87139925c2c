/** The support console's paths (SupportConsole.tsx routes them). */
export const SUPPORT_PATHS = Object.freeze({
  alerts: '/support/alerts',
  accounts: '/support/accounts',
  refundRequests: '/support/refund-requests',
  senderIds: '/support/sender-ids',
});

/** The path of an account's page in the console. */
export function supportAccountPath(accountId: string): string {
  return `${SUPPORT_PATHS.accounts}/${encodeURIComponent(accountId)}`;
}

/** The alert feed filtered to one account. */
export function supportAlertsOfAccountPath(accountId: string): string {
  return `${SUPPORT_PATHS.alerts}?account=${encodeURIComponent(accountId)}`;
}

/** Which of the console's sections `pathname` is in (for the navigation's current link). */
export function supportSectionOf(pathname: string): 'alerts' | 'accounts' | 'refund-requests' | 'sender-ids' {
  if (pathname === SUPPORT_PATHS.refundRequests) return 'refund-requests';
  if (pathname === SUPPORT_PATHS.senderIds) return 'sender-ids';
  return pathname === SUPPORT_PATHS.accounts || pathname.startsWith(`${SUPPORT_PATHS.accounts}/`) ? 'accounts' : 'alerts';
}
