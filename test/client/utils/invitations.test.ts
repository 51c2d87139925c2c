// Goal: an OWNER's invitation link opens this dashboard's accept page with the token intact, and the page finds the token again; method: the pure link and query-string helpers with odd origins and tokens.
import { describe, expect, it } from 'vitest';
import {
  ACCEPT_INVITATION_PATH,
  canInvite,
  INVITABLE_ROLE_DEFAULT,
  INVITABLE_ROLES,
  invitationLink,
  invitationTokenFrom,
  isAcceptInvitationPath,
} from '../../../client/src/utils/invitations.js';

const TOKEN = 'swi_D_AW7Ywj0YvCNk7od5FBgQQHwLxqSV3fVbPcvlMJgCc';

describe('invitationLink', () => {
  it('is the origin, the accept page and the token', () => {
    expect(invitationLink('https://app.spendwire.example', TOKEN)).toBe(`https://app.spendwire.example/accept-invitation?token=${TOKEN}`);
    expect(invitationLink('http://localhost:4000', TOKEN)).toBe(`http://localhost:4000${ACCEPT_INVITATION_PATH}?token=${TOKEN}`);
  });

  it('ignores a path or trailing slash on the origin and encodes what a URL cannot carry', () => {
    expect(invitationLink('https://app.example/wallets/', 'a b&c=d')).toBe('https://app.example/accept-invitation?token=a+b%26c%3Dd');
  });

  it('round-trips through the accept page’s query string', () => {
    for (const token of [TOKEN, 'a b&c=d', 'ünïcødé+/=']) {
      expect(invitationTokenFrom(new URL(invitationLink('https://app.example', token)).search)).toBe(token);
    }
  });

  it('throws for an origin that is not a URL', () => {
    expect(() => invitationLink('not a url', TOKEN)).toThrow(TypeError);
  });
});

describe('invitationTokenFrom', () => {
  it('is null without a token or with a blank one, and trims', () => {
    expect(invitationTokenFrom('')).toBeNull();
    expect(invitationTokenFrom('?other=1')).toBeNull();
    expect(invitationTokenFrom('?token=')).toBeNull();
    expect(invitationTokenFrom('?token=%20%20')).toBeNull();
    expect(invitationTokenFrom(`?token=%20${TOKEN}%20`)).toBe(TOKEN);
  });
});

describe('isAcceptInvitationPath', () => {
  it('matches the page with or without a trailing slash, and nothing else', () => {
    expect(isAcceptInvitationPath('/accept-invitation')).toBe(true);
    expect(isAcceptInvitationPath('/accept-invitation/')).toBe(true);
    expect(isAcceptInvitationPath('/')).toBe(false);
    expect(isAcceptInvitationPath('/accept-invitation/extra')).toBe(false);
    expect(isAcceptInvitationPath('/accept-invitations')).toBe(false);
  });
});

describe('roles', () => {
  it('only OWNERs invite, with the three account roles, a campaign manager by default', () => {
    expect([...INVITABLE_ROLES].sort()).toEqual(['CAMPAIGN_MANAGER', 'INTEGRATOR', 'OWNER']);
    expect(INVITABLE_ROLE_DEFAULT).toBe('CAMPAIGN_MANAGER');
    expect(canInvite('OWNER')).toBe(true);
    for (const role of ['CAMPAIGN_MANAGER', 'INTEGRATOR', 'SUPPORT', 'PLATFORM_ADMIN'] as const) expect(canInvite(role)).toBe(false);
  });
});
