// Goal: the settings the chaos storm turns (STRIPE_API_URL: where the Stripe SDK sends its requests; MAIL_SEND_LEASE_MS: how long a crashed process's mails stay leased) are read as documented: defaults, valid values kept, anything else refused at start. Method: loadConfig on hand-made environments, no server.
import { describe, expect, it } from 'vitest';
import { loadConfig, MAIL_SEND_LEASE_MS_MIN } from '../../server/config.js';

describe('STRIPE_API_URL', () => {
  it('is unset by default, keeps an http(s) URL, and refuses anything else', () => {
    expect(loadConfig({}).stripeApiUrl).toBeUndefined();
    expect(loadConfig({ STRIPE_API_URL: 'http://127.0.0.1:4321' }).stripeApiUrl?.port).toBe('4321');
    expect(loadConfig({ STRIPE_API_URL: 'https://stripe.example' }).stripeApiUrl?.hostname).toBe('stripe.example');
    for (const bad of ['127.0.0.1:4321', 'ftp://host', 'not a url']) {
      expect(() => loadConfig({ STRIPE_API_URL: bad })).toThrow(/STRIPE_API_URL/);
    }
  });
});

describe('MAIL_SEND_LEASE_MS', () => {
  it('defaults to 5 minutes; 30,000 ms (three SMTP timeouts) passes, one ms less is refused', () => {
    expect(loadConfig({}).mailSendLeaseMs).toBe(300_000);
    expect(MAIL_SEND_LEASE_MS_MIN).toBe(30_000);
    expect(loadConfig({ MAIL_SEND_LEASE_MS: '30000' }).mailSendLeaseMs).toBe(30_000);
    expect(() => loadConfig({ MAIL_SEND_LEASE_MS: '29999' })).toThrow(/MAIL_SEND_LEASE_MS must be at least 30000/);
    expect(() => loadConfig({ MAIL_SEND_LEASE_MS: 'soon' })).toThrow(/MAIL_SEND_LEASE_MS/);
  });
});
