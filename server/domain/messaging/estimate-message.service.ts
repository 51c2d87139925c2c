import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { findRatePlan } from '../rating/rate-plan.service.js';
import { priceRecipients, shapeOf, validateBody, validateRecipients, type PricedRecipient } from './message-input.js';
import type { MessageEncoding } from './message-record.js';

/** What a message would cost, before sending it. */
export interface MessageEstimate {
  currency: string;
  encoding: MessageEncoding;
  /** Length of the body in characters (UTF-16 code units, as the body limit counts). */
  characters: number;
  /** Size as sent: GSM7 septets (extension characters count 2) or UCS2 code units. */
  units: number;
  /** Parts per recipient, each billed as one SMS. */
  segments: number;
  /** Per recipient, in the order given. */
  recipients: PricedRecipient[];
  /** What sendMessage would hold for it, in micros. */
  totalMicros: bigint;
}

/**
 * Prices a message exactly as sendMessage would, without sending it. Rate plans are public, so
 * any authenticated caller may ask.
 * @throws NotFoundError for an unknown rate plan.
 * @throws BadUserInputError (`body`, `to`, `to.N`).
 */
export async function estimateMessage(
  em: EntityManager,
  options: { ratePlanId: string; to: readonly string[]; body: string; limits: Pick<Config, 'messageRecipientsMax'> },
): Promise<MessageEstimate> {
  const body = validateBody('body', options.body);
  const to = validateRecipients(options.to, options.limits.messageRecipientsMax);
  const ratePlan = await findRatePlan(em, options.ratePlanId);
  const shape = shapeOf(body);
  const recipients = priceRecipients(ratePlan.rates, ratePlan.name, to, shape.segments);
  return {
    currency: ratePlan.currency,
    encoding: shape.encoding,
    characters: body.length,
    units: shape.units,
    segments: shape.segments,
    recipients,
    totalMicros: recipients.reduce((sum, recipient) => sum + recipient.priceMicros, 0n),
  };
}
