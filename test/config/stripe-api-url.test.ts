// Goal: STRIPE_API_URL (where the Stripe SDK sends its requests) is read as documented: unset by default, an http(s) URL kept, anything else refused at start. Method: loadConfig on hand-made environments, no server.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

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
