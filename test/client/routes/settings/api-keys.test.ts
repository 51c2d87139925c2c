// Goal: only OWNERs manage keys, with the tenant roles the server lets them give, names of 1 to 200 characters, and the list shows working keys first; method: examples at the boundaries.
import { describe, expect, it } from 'vitest';
import {
  activeKeysFirst,
  API_KEY_NAME_LENGTH_MAX,
  API_KEY_ROLE_DEFAULT,
  API_KEY_ROLES,
  apiKeyPrefixLabel,
  canManageApiKeys,
  checkApiKeyName,
  isApiKeyActive,
} from '../../../../client/src/routes/settings/api-keys.js';

describe('API keys', () => {
  it('are managed by OWNERs, who give tenant roles only', () => {
    expect(canManageApiKeys('OWNER')).toBe(true);
    expect(canManageApiKeys('CAMPAIGN_MANAGER')).toBe(false);
    expect(canManageApiKeys('INTEGRATOR')).toBe(false);
    expect([...API_KEY_ROLES].sort()).toEqual(['CAMPAIGN_MANAGER', 'INTEGRATOR', 'OWNER']);
    expect(API_KEY_ROLES).toContain(API_KEY_ROLE_DEFAULT);
  });

  it('take a trimmed name of 1 to 200 characters (counted as characters, not UTF-16 units)', () => {
    expect(checkApiKeyName('  Production switch ')).toEqual({ valid: true, name: 'Production switch' });
    expect(checkApiKeyName('   ').valid).toBe(false);
    expect(checkApiKeyName('x'.repeat(API_KEY_NAME_LENGTH_MAX)).valid).toBe(true);
    expect(checkApiKeyName('x'.repeat(API_KEY_NAME_LENGTH_MAX + 1))).toEqual({ valid: false, message: 'Use at most 200 characters.' });
    expect(checkApiKeyName('🔑'.repeat(API_KEY_NAME_LENGTH_MAX)).valid).toBe(true);
  });

  it('list working keys first, each group in the order given', () => {
    const keys = [
      { id: 'a', revokedAt: '2026-11-01T00:00:00Z' },
      { id: 'b', revokedAt: null },
      { id: 'c', revokedAt: '2026-10-01T00:00:00Z' },
      { id: 'd', revokedAt: null },
    ];
    expect(activeKeysFirst(keys).map((key) => key.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(isApiKeyActive(keys[0]!)).toBe(false);
    expect(apiKeyPrefixLabel('sw_Ab12')).toBe('sw_Ab12…');
  });
});
