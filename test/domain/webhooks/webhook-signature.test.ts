// Goal: the Spendwire-Signature scheme verifies what we sign and nothing else. Method: sign bodies with the pure helpers, check against an independent HMAC computed here, then tamper with the body, the secret, the timestamp and the header.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateWebhookEventId,
  generateWebhookSecret,
  verifyWebhookSignature,
  webhookSignatureHeader,
} from '../../../server/domain/webhooks/webhook-signature.js';

const body = JSON.stringify({ id: 'evt_0123', type: 'TRANSACTION_CREATED', data: { amount: '1.5' } });
const t = 1_767_225_600;

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 keyed by the whole secret string', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(webhookSignatureHeader(body, secret, t)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies within the tolerance, either side of the timestamp, up to its boundary', () => {
    const secret = generateWebhookSecret();
    const header = webhookSignatureHeader(body, secret, t);
    expect(verifyWebhookSignature(body, header, secret, 300, t)).toBe(true);
    expect(verifyWebhookSignature(body, header, secret, 300, t + 300)).toBe(true);
    expect(verifyWebhookSignature(body, header, secret, 300, t + 301)).toBe(false);
    expect(verifyWebhookSignature(body, header, secret, 300, t - 300)).toBe(true);
    expect(verifyWebhookSignature(body, header, secret, 300, t - 301)).toBe(false);
  });

  it('fails for a tampered body, another secret, a forged timestamp or a malformed header', () => {
    const secret = generateWebhookSecret();
    const header = webhookSignatureHeader(body, secret, t);
    expect(verifyWebhookSignature(body.replace('1.5', '15'), header, secret, 300, t)).toBe(false);
    expect(verifyWebhookSignature(body, header, generateWebhookSecret(), 300, t)).toBe(false);
    expect(verifyWebhookSignature(body, header.replace(`t=${t}`, `t=${t + 1}`), secret, 300, t)).toBe(false);
    expect(verifyWebhookSignature(body, '', secret, 300, t)).toBe(false);
    expect(verifyWebhookSignature(body, `t=${t}`, secret, 300, t)).toBe(false);
    expect(verifyWebhookSignature(body, header.replace('v1=', 'v0='), secret, 300, t)).toBe(false);
  });

  it('accepts a header with several v1 signatures when one matches (ours first, an unknown one after)', () => {
    const secret = generateWebhookSecret();
    const header = `${webhookSignatureHeader(body, secret, t)},v1=${'0'.repeat(64)}`;
    expect(verifyWebhookSignature(body, header, secret, 300, t)).toBe(true);
  });

  it('issues distinct evt_ ids', () => {
    const ids = new Set(Array.from({ length: 100 }, generateWebhookEventId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^evt_[0-9a-f]{32}$/);
  });
});
