/**
 * The rules a new password and name must meet, checked in the page before the server checks them
 * again (server/config.ts `passwordLengthMin`, `passwordLengthMax`, `nameLengthMax`). Lengths are
 * counted as the server counts them: UTF-16 code units of the text as typed (an emoji counts 2).
 */

/** Fewest characters of a password. @default 10 (server `passwordLengthMin`) */
export const PASSWORD_LENGTH_MIN = 10;

/** Most characters of a password. @default 200 (server `passwordLengthMax`) */
export const PASSWORD_LENGTH_MAX = 200;

/** Most characters of a person's name, after trimming. @default 200 (server `nameLengthMax`) */
export const NAME_LENGTH_MAX = 200;

/** The hint shown under a new password field. */
export const PASSWORD_HINT = `At least ${PASSWORD_LENGTH_MIN} characters.`;

/** What is wrong with a new password, or null when it meets the rules. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_LENGTH_MIN) {
    const missing = PASSWORD_LENGTH_MIN - password.length;
    return `Use at least ${PASSWORD_LENGTH_MIN} characters (${missing} more).`;
  }
  if (password.length > PASSWORD_LENGTH_MAX) return `Use at most ${PASSWORD_LENGTH_MAX} characters.`;
  return null;
}

/** The accept-invitation form's fields, as typed. */
export interface InvitationFormValues {
  name: string;
  password: string;
  confirmation: string;
}

/** A message per field that does not meet the rules; an empty object when all do. */
export type InvitationFormProblems = Partial<Record<keyof InvitationFormValues, string>>;

/** Checks the accept-invitation form: a name, a password within the rules, and the same password twice. */
export function checkInvitationForm(values: InvitationFormValues): InvitationFormProblems {
  const problems: InvitationFormProblems = {};
  const name = values.name.trim();
  if (name === '') problems.name = 'Enter your name.';
  else if (name.length > NAME_LENGTH_MAX) problems.name = `Use at most ${NAME_LENGTH_MAX} characters.`;
  const password = passwordProblem(values.password);
  if (password !== null) problems.password = password;
  if (values.confirmation !== values.password) problems.confirmation = 'The two passwords differ.';
  return problems;
}

/** True when {@link checkInvitationForm} found nothing wrong. */
export function isInvitationFormValid(problems: InvitationFormProblems): boolean {
  return Object.keys(problems).length === 0;
}
