// Goal: the accept-invitation form holds a password to the server's rules (10 to 200 characters, counted as the server counts) and asks for it twice, with a message per field; method: the pure checks at and around each boundary.
import { describe, expect, it } from 'vitest';
import {
  checkInvitationForm,
  isInvitationFormValid,
  NAME_LENGTH_MAX,
  PASSWORD_HINT,
  PASSWORD_LENGTH_MAX,
  PASSWORD_LENGTH_MIN,
  passwordProblem,
} from '../../../../client/src/routes/accept-invitation/password-rules.js';

describe('passwordProblem', () => {
  it('takes 10 characters, not 9, and says how many are missing', () => {
    expect(PASSWORD_LENGTH_MIN).toBe(10);
    expect(passwordProblem('x'.repeat(10))).toBeNull();
    expect(passwordProblem('x'.repeat(9))).toBe('Use at least 10 characters (1 more).');
    expect(passwordProblem('')).toBe('Use at least 10 characters (10 more).');
  });

  it('takes 200 characters, not 201', () => {
    expect(PASSWORD_LENGTH_MAX).toBe(200);
    expect(passwordProblem('x'.repeat(200))).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toBe('Use at most 200 characters.');
  });

  it('counts UTF-16 code units as the server does: five emoji make 10', () => {
    expect(passwordProblem('🔑'.repeat(5))).toBeNull();
    expect(passwordProblem(`${'🔑'.repeat(4)}x`)).toBe('Use at least 10 characters (1 more).');
  });

  it('shows the minimum in the hint', () => {
    expect(PASSWORD_HINT).toBe('At least 10 characters.');
  });
});

describe('checkInvitationForm', () => {
  const good = { name: 'Carl Manager', password: 'a long enough password', confirmation: 'a long enough password' };

  it('finds nothing wrong with a name and the same good password twice', () => {
    expect(checkInvitationForm(good)).toEqual({});
    expect(isInvitationFormValid(checkInvitationForm(good))).toBe(true);
  });

  it('wants a name that is not blank and not longer than the server takes (after trimming)', () => {
    expect(checkInvitationForm({ ...good, name: '   ' })).toEqual({ name: 'Enter your name.' });
    expect(checkInvitationForm({ ...good, name: ` ${'n'.repeat(NAME_LENGTH_MAX)} ` })).toEqual({});
    expect(checkInvitationForm({ ...good, name: 'n'.repeat(NAME_LENGTH_MAX + 1) })).toEqual({ name: 'Use at most 200 characters.' });
  });

  it('reports a short password and a differing confirmation each on its field', () => {
    const problems = checkInvitationForm({ name: 'Carl', password: 'too short', confirmation: 'too shorT' });
    expect(problems).toEqual({ password: 'Use at least 10 characters (1 more).', confirmation: 'The two passwords differ.' });
    expect(isInvitationFormValid(problems)).toBe(false);
  });

  it('compares the passwords exactly: no trimming, case counts', () => {
    expect(checkInvitationForm({ ...good, confirmation: `${good.password} ` })).toEqual({ confirmation: 'The two passwords differ.' });
  });
});
