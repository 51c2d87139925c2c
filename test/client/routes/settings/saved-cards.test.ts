// Goal: cards are managed by the roles the server allows, the sandbox's 3-D Secure at card setup is answered at the SetupIntent's URL with its client secret, and the card it saves is told apart from those listed before; method: examples.
import { describe, expect, it } from 'vitest';
import {
  canManageCards,
  isSetupChallengeAlreadyAnswered,
  newCardIds,
  sandboxSetupAuthenticationRequest,
} from '../../../../client/src/routes/settings/saved-cards.js';

describe('saved cards', () => {
  it('are managed by OWNERs and campaign managers', () => {
    expect(canManageCards('OWNER')).toBe(true);
    expect(canManageCards('CAMPAIGN_MANAGER')).toBe(true);
    expect(canManageCards('INTEGRATOR')).toBe(false);
  });

  it('answer the setup challenge at the SetupIntent, trailing slashes and odd ids handled', () => {
    const request = sandboxSetupAuthenticationRequest({
      sandboxUrl: 'http://127.0.0.1:4242//',
      setupIntentId: 'seti_1/2',
      clientSecret: 'seti_1_secret_x',
      outcome: 'fail',
    });
    expect(request.url).toBe('http://127.0.0.1:4242/v1/setup_intents/seti_1%2F2/sandbox_authenticate');
    expect(request.init.method).toBe('POST');
    expect(JSON.parse(request.init.body)).toEqual({ client_secret: 'seti_1_secret_x', outcome: 'fail' });
  });

  it('know when the challenge was already answered', () => {
    expect(isSetupChallengeAlreadyAnswered({ code: 'setup_intent_unexpected_state', message: '' })).toBe(true);
    expect(isSetupChallengeAlreadyAnswered({ code: 'resource_missing', message: '' })).toBe(false);
  });

  it('find the card a setup added', () => {
    expect(newCardIds([{ id: 'pm_1' }], [{ id: 'pm_2' }, { id: 'pm_1' }])).toEqual(['pm_2']);
    expect(newCardIds([{ id: 'pm_1' }], [{ id: 'pm_1' }])).toEqual([]);
  });
});
