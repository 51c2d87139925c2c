// Goal: every spelling one mailbox receives (case, a +tag, Gmail's dots and googlemail.com) folds to one trial-credit key, and nothing else does. Method: the pure function on a table of addresses.
import { describe, expect, it } from 'vitest';
import { trialCreditKeyOf } from '../../../server/domain/users/trial-credit-key.js';

describe('trialCreditKeyOf', () => {
  it('folds case and a +tag anywhere, and dots and googlemail.com only at Gmail', () => {
    const cases: [string, string][] = [
      ['ann@example.com', 'ann@example.com'],
      [' Ann@Example.COM ', 'ann@example.com'],
      ['ann+1@example.com', 'ann@example.com'],
      ['ann+1+2@example.com', 'ann@example.com'],
      ['a.nn@example.com', 'a.nn@example.com'],
      ['A.Nn+work@Gmail.com', 'ann@gmail.com'],
      ['a.n.n@googlemail.com', 'ann@gmail.com'],
      ['ann@mail.gmail.com', 'ann@mail.gmail.com'],
    ];
    for (const [address, key] of cases) expect(trialCreditKeyOf(address), address).toBe(key);
  });

  it('never leaves an empty local part: a tag or dots alone are kept', () => {
    expect(trialCreditKeyOf('+x@example.com')).toBe('+x@example.com');
    expect(trialCreditKeyOf('...@gmail.com')).toBe('...@gmail.com');
  });
});
