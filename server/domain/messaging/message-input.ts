/**
 * Validation and pricing of SMS input. Pure: no I/O; money is `bigint` micros computed exactly.
 */
import { BadUserInputError } from '../../errors.js';
import type { RateRecord } from '../rating/rate-plan.service.js';
import { findRate, isE164 } from '../rating/rating.js';
import { countSegments, MESSAGE_BODY_LENGTH_MAX } from './segments.js';
import { MessageEncoding } from './message-record.js';

/** Longest alphanumeric sender id, in characters (the GSM originating-address limit). */
export const SENDER_ID_LENGTH_MAX = 11;

/** An alphanumeric sender id: 1..11 of A-Z, a-z, 0-9 and space, at least one a letter (all digits reads as a number). */
const SENDER_ID_PATTERN = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

/** A UTF-16 surrogate without its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE_PATTERN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Returns true when `text` is an alphanumeric sender id such as `"Spendwire"` or `"ACME 24"`. */
export function isSenderId(text: string): boolean {
  return SENDER_ID_PATTERN.test(text);
}

/**
 * Returns the body when it has 1..{@link MESSAGE_BODY_LENGTH_MAX} characters (UTF-16 code units)
 * of well-formed text. NUL and lone surrogates are refused: PostgreSQL cannot store the first, and
 * the second would come back altered (so a replay would no longer match).
 * @throws BadUserInputError (`field`) otherwise.
 */
export function validateBody(field: string, body: string): string {
  if (body.length === 0) throw new BadUserInputError(field, `${field} must not be empty`);
  if (body.length > MESSAGE_BODY_LENGTH_MAX) {
    throw new BadUserInputError(field, `${field} must be at most ${MESSAGE_BODY_LENGTH_MAX} characters`);
  }
  if (body.includes('\u0000') || LONE_SURROGATE_PATTERN.test(body)) {
    throw new BadUserInputError(field, `${field} must be well-formed text without NUL characters`);
  }
  return body;
}

/**
 * Returns `from` when it is an E.164 number or an alphanumeric sender id (1..11 of letters, digits
 * and spaces, at least one letter).
 * @throws BadUserInputError (`field`) otherwise.
 */
export function validateSender(field: string, from: string): string {
  if (!isE164(from) && !isSenderId(from)) {
    throw new BadUserInputError(
      field,
      `${field} must be an E.164 number such as "+447700900123" or a sender id of 1 to ${SENDER_ID_LENGTH_MAX} letters, digits and spaces with at least one letter`,
    );
  }
  return from;
}

/**
 * Returns the recipients when there are 1..`recipientsMax` of them, each E.164 and none twice.
 * @throws BadUserInputError (`to` for the count; `to.N` for the N-th recipient, 0-based).
 */
export function validateRecipients(to: readonly string[], recipientsMax: number): string[] {
  if (to.length < 1 || to.length > recipientsMax) {
    throw new BadUserInputError('to', `to must list 1 to ${recipientsMax} recipients`);
  }
  const seen = new Set<string>();
  to.forEach((recipient, index) => {
    if (!isE164(recipient)) throw new BadUserInputError(`to.${index}`, `to.${index} must be an E.164 number such as "+447700900123"`);
    if (seen.has(recipient)) throw new BadUserInputError(`to.${index}`, `to.${index} (${recipient}) is listed twice`);
    seen.add(recipient);
  });
  return [...to];
}

/** One recipient's price: the segments of the body at the per-segment price of its rate. */
export interface PricedRecipient {
  to: string;
  ratePrefix: string;
  perSegmentMicros: bigint;
  priceMicros: bigint;
}

/** How a body is sent: its encoding, size in units (septets or UTF-16 units) and parts. */
export interface BodyShape {
  encoding: MessageEncoding;
  units: number;
  segments: number;
}

/** The encoding, units and parts of a body (see {@link countSegments}). */
export function shapeOf(body: string): BodyShape {
  const counted = countSegments(body);
  return {
    encoding: counted.encoding === 'GSM7' ? MessageEncoding.GSM7 : MessageEncoding.UCS2,
    units: counted.units,
    segments: counted.segments,
  };
}

/**
 * Prices an outbound message to each recipient: segments × the SMS price of the recipient's rate
 * (longest prefix). The longest prefix decides even when its SMS price is null (SMS not offered
 * there): a shorter prefix's price is never borrowed.
 * @throws BadUserInputError (`to.N`) for a recipient without an SMS price in the plan.
 */
export function priceRecipients(
  rates: readonly RateRecord[],
  ratePlanName: string,
  to: readonly string[],
  segments: number,
): PricedRecipient[] {
  return to.map((recipient, index) => {
    const rate = findRate(rates, recipient);
    if (!rate || rate.smsPerSegmentMicros === null) {
      throw new BadUserInputError(`to.${index}`, `SMS to ${recipient} is not offered in rate plan "${ratePlanName}"`);
    }
    return {
      to: recipient,
      ratePrefix: rate.prefix,
      perSegmentMicros: rate.smsPerSegmentMicros,
      priceMicros: rate.smsPerSegmentMicros * BigInt(segments),
    };
  });
}

/**
 * Prices an inbound message from `from` (a number or a sender id; a sender id only matches the
 * catch-all prefix ""): segments × the inbound price of its rate, 0 when no rate matches.
 */
export function priceInbound(rates: readonly RateRecord[], from: string, segments: number): { ratePrefix: string; priceMicros: bigint } {
  const rate = findRate(rates, isE164(from) ? from : '');
  if (!rate) return { ratePrefix: '', priceMicros: 0n };
  return { ratePrefix: rate.prefix, priceMicros: rate.smsInboundPerSegmentMicros * BigInt(segments) };
}

/** "1 segment", "2 segments". */
export function segmentsText(segments: number): string {
  return `${segments} segment${segments === 1 ? '' : 's'}`;
}
