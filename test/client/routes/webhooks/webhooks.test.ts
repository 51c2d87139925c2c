// Goal: the Webhooks page lets OWNERs and INTEGRATORs manage endpoints, offers every event type the schema has, checks an endpoint before sending it (URL present, http(s), at most 2048 characters; at least one event type; a description of at most 500), and words a delivery's last answer. Method: examples at the boundaries, the event types compared with the generated schema enum.
import { describe, expect, it } from 'vitest';
import { WebhookEventType } from '../../../../client/src/gql/graphql.js';
import {
  attemptOutcome,
  canManageWebhooks,
  checkEndpointDraft,
  eventTypeLabel,
  WEBHOOK_DESCRIPTION_LENGTH_MAX,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_URL_LENGTH_MAX,
} from '../../../../client/src/routes/webhooks/webhooks.js';
import { loadConfig } from '../../../../server/config.js';

describe('webhooks page logic', () => {
  it('is for OWNERs and INTEGRATORs only', () => {
    expect(canManageWebhooks('OWNER')).toBe(true);
    expect(canManageWebhooks('INTEGRATOR')).toBe(true);
    expect(canManageWebhooks('CAMPAIGN_MANAGER')).toBe(false);
  });

  it('offers every event type of the schema, in its order', () => {
    expect(WEBHOOK_EVENT_TYPES.map((type) => type.value)).toEqual(Object.values(WebhookEventType));
    expect(eventTypeLabel('TOP_UP_FAILED')).toBe('Top-up failed');
    expect(eventTypeLabel('SOMETHING_NEW')).toBe('Something new');
  });

  it('checks the URL at its length boundary and form, the event types and the description', () => {
    expect(WEBHOOK_URL_LENGTH_MAX).toBe(loadConfig({}).webhookUrlLengthMax);
    const base = { url: 'https://example.com/hooks', description: '', eventTypes: [WebhookEventType.AlertRaised] };
    expect(checkEndpointDraft(base)).toEqual({});
    const longest = `https://example.com/${'a'.repeat(WEBHOOK_URL_LENGTH_MAX - 'https://example.com/'.length)}`;
    expect(longest).toHaveLength(WEBHOOK_URL_LENGTH_MAX);
    expect(checkEndpointDraft({ ...base, url: longest })).toEqual({});
    expect(checkEndpointDraft({ ...base, url: `${longest}a` }).url).toContain('at most 2048');
    expect(checkEndpointDraft({ ...base, url: '  ' }).url).toBe('Enter the URL events are POSTed to.');
    expect(checkEndpointDraft({ ...base, url: 'ftp://example.com' }).url).toContain('https://');
    expect(checkEndpointDraft({ ...base, eventTypes: [] }).eventTypes).toBe('Choose at least one event type.');
    expect(checkEndpointDraft({ ...base, description: 'd'.repeat(WEBHOOK_DESCRIPTION_LENGTH_MAX) })).toEqual({});
    expect(checkEndpointDraft({ ...base, description: 'd'.repeat(WEBHOOK_DESCRIPTION_LENGTH_MAX + 1) }).description).toContain('500');
  });

  it('words the last answer of a delivery', () => {
    expect(attemptOutcome(null)).toBe('Not sent yet');
    expect(attemptOutcome({ statusCode: 200, error: null })).toBe('HTTP 200');
    expect(attemptOutcome({ statusCode: 500, error: 'HTTP_ERROR' })).toBe('HTTP 500');
    expect(attemptOutcome({ statusCode: 302, error: 'REDIRECT' })).toBe('HTTP 302 (REDIRECT)');
    expect(attemptOutcome({ statusCode: null, error: 'TIMEOUT' })).toBe('No answer (TIMEOUT)');
  });
});
