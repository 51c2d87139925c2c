/**
 * The key that makes the trial credit once per person rather than once per spelling of an address.
 *
 * Mail providers deliver many spellings to one mailbox: the case of the address, a `+tag` after
 * the local part (`ann+test@example.com` reaches `ann@example.com`), and at Gmail the dots of the
 * local part and the `googlemail.com` domain. The key folds those spellings together; the address
 * itself (what the person typed, lower-cased) stays what they sign in with and what we mail.
 */

/** Domains whose mailboxes ignore dots in the local part, and the one their key uses. */
const DOTLESS_DOMAINS: Readonly<Record<string, string>> = Object.freeze({ 'gmail.com': 'gmail.com', 'googlemail.com': 'gmail.com' });

/**
 * The trial-credit key of an e-mail address: lower-cased and trimmed, the local part cut at its
 * first `+`, and for gmail.com and googlemail.com without dots and under gmail.com. An address
 * whose local part is only a tag (`+x@example.com`) keeps it, so it never becomes `@example.com`.
 * Pure; the sign-up migration's backfill applies the same rule in SQL.
 */
export function trialCreditKeyOf(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  const dotless = DOTLESS_DOMAINS[domain];
  if (dotless !== undefined) {
    const undotted = local.replaceAll('.', '');
    if (undotted !== '') local = undotted;
    domain = dotless;
  }
  return `${local}@${domain}`;
}
