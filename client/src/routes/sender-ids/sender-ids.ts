/** Pure rules of the Sender IDs page. */

/** Longest sender ID, in characters (the GSM originating-address limit). */
export const SENDER_ID_LENGTH_MAX = 11;

/** The same rule as the server: 1..11 letters, digits and spaces, at least one letter. */
export function checkSenderId(text: string): { valid: true } | { valid: false; message: string } {
  if (text.length === 0) return { valid: false, message: 'Enter the name recipients should see.' };
  if (text.length > SENDER_ID_LENGTH_MAX) return { valid: false, message: `At most ${SENDER_ID_LENGTH_MAX} characters.` };
  if (!/^[A-Za-z0-9 ]+$/.test(text)) return { valid: false, message: 'Only letters, digits and spaces.' };
  if (!/[A-Za-z]/.test(text)) return { valid: false, message: 'At least one letter (digits alone read as a phone number).' };
  return { valid: true };
}

/** Whether the owner may still cancel it (pending, or approved and renewing). */
export function isCancellable(status: string): boolean {
  return status === 'PENDING' || status === 'APPROVED' || status === 'GRACE' || status === 'RENEWAL_OWED';
}
