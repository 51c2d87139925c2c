/**
 * The `Spendwire-Signature` header, Stripe's scheme with our name: `t=<unix seconds>,v1=<hex>`,
 * where the hex is HMAC-SHA256 of `"<t>.<body>"` keyed with the endpoint's whole secret string
 * (`whsec_…`, as UTF-8). Pure: no I/O.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature. */
export const WEBHOOK_SIGNATURE_HEADER = 'Spendwire-Signature';
/** The header carrying the event id (the same on every attempt and replay: dedupe on it). */
export const WEBHOOK_EVENT_ID_HEADER = 'Spendwire-Event-Id';
/** A sensible default tolerance for {@link verifyWebhookSignature}, in seconds (Stripe's). */
export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS_DEFAULT = 300;

/** A new endpoint signing secret: `whsec_` and 64 hex digits (256 random bits). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}

/** A new event id: `evt_` and 32 hex digits. */
export function generateWebhookEventId(): string {
  return `evt_${randomBytes(16).toString('hex')}`;
}

/** Hex HMAC-SHA256 of `"<timestampSeconds>.<body>"` with `secret`. */
export function computeWebhookSignature(body: string, secret: string, timestampSeconds: number): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}

/** The `Spendwire-Signature` value for `body` signed at `timestampSeconds` (whole seconds). */
export function webhookSignatureHeader(body: string, secret: string, timestampSeconds: number): string {
  const t = Math.floor(timestampSeconds);
  return `t=${t},v1=${computeWebhookSignature(body, secret, t)}`;
}

/**
 * Checks a `Spendwire-Signature` header against the raw request body (the exact bytes received,
 * before any JSON parsing) and the endpoint's secret. True only when one `v1` signature matches
 * (compared in constant time) and `t` is within `toleranceSeconds` of now, either way (a replayed
 * old request fails). Never throws: a malformed header is false.
 * @param nowSeconds the receiver's time in unix seconds. @default the system clock
 */
export function verifyWebhookSignature(
  body: string,
  header: string,
  secret: string,
  toleranceSeconds: number,
  nowSeconds: number = Date.now() / 1000,
): boolean {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't' && /^[0-9]{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(computeWebhookSignature(body, secret, timestamp), 'hex');
  return signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
}
