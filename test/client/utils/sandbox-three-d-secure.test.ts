// Goal: the sandbox's simulated 3-D Secure is answered with the request the sandbox expects, and its refusals read well; method: build requests and parse refusals as the sandbox writes them.
import { describe, expect, it } from 'vitest';
import {
  isChallengeAlreadyAnswered,
  sandboxAuthenticationRequest,
  sandboxErrorOf,
} from '../../../client/src/utils/sandbox-three-d-secure.js';

describe('sandboxAuthenticationRequest', () => {
  it('posts the client secret and the outcome as JSON to the PaymentIntent’s endpoint', () => {
    const request = sandboxAuthenticationRequest({
      sandboxUrl: 'http://127.0.0.1:41234',
      paymentIntentId: 'pi_3Abc',
      clientSecret: 'pi_3Abc_secret_xyz',
      outcome: 'succeed',
    });
    expect(request.url).toBe('http://127.0.0.1:41234/v1/payment_intents/pi_3Abc/sandbox_authenticate');
    expect(request.init.method).toBe('POST');
    expect(request.init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(request.init.body)).toEqual({ client_secret: 'pi_3Abc_secret_xyz', outcome: 'succeed' });
  });

  it('joins a base URL with a trailing slash and escapes the id', () => {
    const request = sandboxAuthenticationRequest({
      sandboxUrl: 'http://localhost:9/ ',
      paymentIntentId: 'pi/x',
      clientSecret: 's',
      outcome: 'fail',
    });
    expect(request.url).toBe('http://localhost:9/v1/payment_intents/pi%2Fx/sandbox_authenticate');
    expect(JSON.parse(request.init.body)).toEqual({ client_secret: 's', outcome: 'fail' });
  });
});

describe('sandboxErrorOf', () => {
  it('reads Stripe’s error body', () => {
    const body = JSON.stringify({
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: 'This PaymentIntent has a status of succeeded.',
      },
    });
    const error = sandboxErrorOf(400, body);
    expect(error).toEqual({ code: 'payment_intent_unexpected_state', message: 'This PaymentIntent has a status of succeeded.' });
    expect(isChallengeAlreadyAnswered(error)).toBe(true);
  });

  it('treats other refusals as errors to show', () => {
    const error = sandboxErrorOf(400, JSON.stringify({ error: { message: 'The client_secret provided does not match.' } }));
    expect(error).toEqual({ code: null, message: 'The client_secret provided does not match.' });
    expect(isChallengeAlreadyAnswered(error)).toBe(false);
  });

  it('falls back to the HTTP status', () => {
    expect(sandboxErrorOf(502, '<html>Bad gateway</html>')).toEqual({ code: null, message: 'The card sandbox answered HTTP 502.' });
    expect(sandboxErrorOf(500, '{}')).toEqual({ code: null, message: 'The card sandbox answered HTTP 500.' });
  });
});
