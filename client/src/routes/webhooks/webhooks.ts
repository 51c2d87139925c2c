/** The Webhooks page's pure logic: who manages endpoints, the form's checks, and how deliveries read. */
import { type Role, WebhookEventType } from '../../gql/graphql.js';

/** The roles the server lets manage webhook endpoints (and see their deliveries). */
export const WEBHOOK_ROLES: readonly Role[] = ['OWNER', 'INTEGRATOR'];

/** Whether `role` manages webhooks. */
export function canManageWebhooks(role: Role): boolean {
  return WEBHOOK_ROLES.includes(role);
}

/** Longest endpoint URL, in characters (the server's webhookUrlLengthMax default). */
export const WEBHOOK_URL_LENGTH_MAX = 2048;

/** Longest endpoint description, in characters. */
export const WEBHOOK_DESCRIPTION_LENGTH_MAX = 500;

/** Every event type, in the schema's order, with words for people. */
export const WEBHOOK_EVENT_TYPES: readonly { value: WebhookEventType; label: string; description: string }[] = [
  { value: WebhookEventType.TransactionCreated, label: 'Transaction created', description: 'Every wallet transaction.' },
  { value: WebhookEventType.AlertRaised, label: 'Alert raised', description: 'Every alert, of any kind.' },
  { value: WebhookEventType.CallsStopped, label: 'Calls stopped', description: 'Calls were stopped, with how many.' },
  { value: WebhookEventType.TopUpSucceeded, label: 'Top-up succeeded', description: 'A card top-up was credited.' },
  { value: WebhookEventType.TopUpFailed, label: 'Top-up failed', description: 'A card payment failed.' },
  {
    value: WebhookEventType.RefundRequestUpdated,
    label: 'Refund request updated',
    description: 'A refund request was made, approved, declined or cancelled.',
  },
  {
    value: WebhookEventType.NumberRenewalFailed,
    label: 'Number renewal failed',
    description: 'A number’s monthly renewal could not be paid (grace, or owed while the wallet is suspended).',
  },
  {
    value: WebhookEventType.NumberReleased,
    label: 'Number released',
    description: 'A number was released: grace ended or the account closed.',
  },
  { value: WebhookEventType.SenderIdApproved, label: 'Sender ID approved', description: 'Support approved a sender ID.' },
  { value: WebhookEventType.SenderIdRejected, label: 'Sender ID rejected', description: 'Support rejected a sender ID.' },
  {
    value: WebhookEventType.SenderIdRenewalFailed,
    label: 'Sender ID renewal failed',
    description: 'A sender ID’s monthly renewal could not be paid.',
  },
  { value: WebhookEventType.SenderIdCancelled, label: 'Sender ID cancelled', description: 'A sender ID was cancelled.' },
  {
    value: WebhookEventType.InvoiceIssued,
    label: 'Invoice issued',
    description: 'An invoice was issued for a top-up or bank transfer, with its number, amounts and PDF link.',
  },
  {
    value: WebhookEventType.CreditNoteIssued,
    label: 'Credit note issued',
    description: 'A credit note was issued for a refund, with the invoice it credits and its PDF link.',
  },
];

/** Words for an event type; one added to the server later still reads sensibly. */
export function eventTypeLabel(value: string): string {
  const known = WEBHOOK_EVENT_TYPES.find((type) => type.value === value);
  if (known) return known.label;
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The endpoint form's fields. */
export interface EndpointDraft {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
}

/** The form's own checks, per field, before anything is sent (the server checks again, and more). */
export function checkEndpointDraft(draft: EndpointDraft): { url?: string; eventTypes?: string; description?: string } {
  const problems: { url?: string; eventTypes?: string; description?: string } = {};
  const url = draft.url.trim();
  if (url === '') problems.url = 'Enter the URL events are POSTed to.';
  else if (url.length > WEBHOOK_URL_LENGTH_MAX) problems.url = `The URL is at most ${WEBHOOK_URL_LENGTH_MAX} characters.`;
  else if (!/^https?:\/\/[^\s]+$/i.test(url)) problems.url = 'The URL starts with https:// (http:// only for localhost).';
  if (draft.eventTypes.length === 0) problems.eventTypes = 'Choose at least one event type.';
  if (draft.description.length > WEBHOOK_DESCRIPTION_LENGTH_MAX) {
    problems.description = `The description is at most ${WEBHOOK_DESCRIPTION_LENGTH_MAX} characters.`;
  }
  return problems;
}

/** What the last attempt of a delivery got: "HTTP 200", "HTTP 500 (HTTP_ERROR)", "No answer (TIMEOUT)", or "Not sent yet". */
export function attemptOutcome(attempt: { statusCode: number | null; error: string | null } | null | undefined): string {
  if (!attempt) return 'Not sent yet';
  if (attempt.statusCode === null) return `No answer${attempt.error ? ` (${attempt.error})` : ''}`;
  return `HTTP ${attempt.statusCode}${attempt.error && attempt.error !== 'HTTP_ERROR' ? ` (${attempt.error})` : ''}`;
}
