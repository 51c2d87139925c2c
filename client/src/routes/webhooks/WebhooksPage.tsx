import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { WebhookEndpointFieldsFragment as WebhookEndpoint, WebhookEventType } from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeError } from '../../apollo/describe-error';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import type { AccountPageProps } from '../account/account-page-props';
import { ConnectionPager, useCursorPages } from '../../components/ConnectionPager';
import { useReplayWebhookDeliveryMutation, useWebhookDeliveries } from './hooks/useWebhookDeliveries';
import {
  useCreateWebhookEndpointMutation,
  useDeleteWebhookEndpointMutation,
  useRotateWebhookEndpointSecretMutation,
  useUpdateWebhookEndpointMutation,
} from './hooks/useWebhookEndpointMutations';
import { useWebhookEndpoints } from './hooks/useWebhookEndpoints';
import {
  attemptOutcome,
  canManageWebhooks,
  checkEndpointDraft,
  type EndpointDraft,
  eventTypeLabel,
  WEBHOOK_DESCRIPTION_LENGTH_MAX,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_URL_LENGTH_MAX,
} from './webhooks';
import './webhooks.css';

/**
 * The Webhooks page (OWNER and INTEGRATOR): the account's endpoints with their event types, a form
 * to add one (its signing secret shown once, copyable), edit, enable/disable, rotate the secret,
 * delete (confirmed), and per endpoint the delivery log (attempts, last status code, next retry)
 * with replay. Other roles are told who manages webhooks.
 */
export function WebhooksPage({ role }: AccountPageProps) {
  const headingId = useId();
  if (!canManageWebhooks(role)) {
    return (
      <section className="card" aria-label="Webhooks">
        <h2>Webhooks</h2>
        <p className="notice" role="status">
          As a {enumLabel(role).toLowerCase()}, you do not manage webhooks: an owner or integrator of the account does.
        </p>
      </section>
    );
  }
  return (
    <section className="card webhooks" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Webhooks</h2>
      </div>
      <p className="muted">
        Events are POSTed as JSON to each endpoint, signed with its secret, and retried with backoff until it answers 2xx.
      </p>
      <WebhookEndpoints />
    </section>
  );
}

/** A secret shown this once, with a button that copies it. */
function SecretReveal({ secret, title, onDone }: { secret: string; title: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="notice notice--success webhook-secret" aria-label="Signing secret">
      <p>
        <strong>{title}</strong> Copy it now: it is not shown again.
      </p>
      <code className="webhook-secret__value" data-testid="webhook-secret">
        {secret}
      </code>
      <div className="webhook-secret__actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Done
        </button>
        <span role="status" className="muted">
          {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'The browser refused: select the secret and copy it.' : ''}
        </span>
      </div>
    </section>
  );
}

/** The list of endpoints, the "Add endpoint" form, and the secret just issued. */
function WebhookEndpoints() {
  const query = useWebhookEndpoints();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const endpoints = query.data?.webhookEndpoints;

  let body: ReactNode;
  if (endpoints === undefined) {
    body = query.error ? null : <p className="placeholder">Loading webhook endpoints…</p>;
  } else if (endpoints.length === 0) {
    body = <p className="placeholder">No webhook endpoints yet: add one to receive this account’s events.</p>;
  } else {
    body = (
      <ul className="webhook-endpoints" aria-label="Webhook endpoints">
        {endpoints.map((endpoint) => (
          <EndpointItem
            key={endpoint.id}
            endpoint={endpoint}
            onSecret={(value) => setSecret({ title: `New signing secret for ${endpoint.url}.`, value })}
          />
        ))}
      </ul>
    );
  }

  return (
    <>
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {secret && <SecretReveal secret={secret.value} title={secret.title} onDone={() => setSecret(null)} />}
      {body}
      {adding ? (
        <CreateEndpointForm
          onCreated={(url, value) => {
            setAdding(false);
            setSecret({ title: `Endpoint added: ${url}. Its signing secret:`, value });
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div className="webhooks__add">
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add endpoint
          </button>
        </div>
      )}
    </>
  );
}

/** Props of {@link EndpointFields}. */
interface EndpointFieldsProps {
  draft: EndpointDraft;
  onChange: (draft: EndpointDraft) => void;
  /** The form's own problems, per field (shown after a submit). */
  problems: ReturnType<typeof checkEndpointDraft>;
  /** The server's refusal, shown under the field it names. */
  error: unknown;
}

/** URL, description and event types: the fields of the add and edit forms. */
function EndpointFields({ draft, onChange, problems, error }: EndpointFieldsProps) {
  const id = useId();
  const urlError = problems.url ?? fieldErrorOf(error, 'url');
  const typesError = problems.eventTypes ?? fieldErrorOf(error, 'eventTypes');
  const descriptionError = problems.description ?? fieldErrorOf(error, 'description');
  const toggleType = (value: WebhookEventType, on: boolean) =>
    onChange({ ...draft, eventTypes: on ? [...draft.eventTypes, value] : draft.eventTypes.filter((type) => type !== value) });
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-url`}>URL</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          value={draft.url}
          maxLength={WEBHOOK_URL_LENGTH_MAX}
          placeholder="https://example.com/hooks/spendwire"
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? `${id}-url-error` : undefined}
          onChange={(event) => onChange({ ...draft, url: event.target.value })}
        />
        {urlError && (
          <span id={`${id}-url-error`} className="field-error" role="alert">
            {urlError}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <input
          id={`${id}-description`}
          value={draft.description}
          maxLength={WEBHOOK_DESCRIPTION_LENGTH_MAX}
          aria-invalid={descriptionError ? true : undefined}
          onChange={(event) => onChange({ ...draft, description: event.target.value })}
        />
        {descriptionError && (
          <span className="field-error" role="alert">
            {descriptionError}
          </span>
        )}
      </div>
      <fieldset className="webhook-form__types" aria-describedby={typesError ? `${id}-types-error` : undefined}>
        <legend>Event types</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type.value} className="choice">
            <input
              type="checkbox"
              checked={draft.eventTypes.includes(type.value)}
              onChange={(event) => toggleType(type.value, event.target.checked)}
            />
            <span>
              {type.label} <span className="muted">— {type.description}</span>
            </span>
          </label>
        ))}
        {typesError && (
          <span id={`${id}-types-error`} className="field-error" role="alert">
            {typesError}
          </span>
        )}
      </fieldset>
    </>
  );
}

/** Errors the server gave that no field shows. */
function unplaced(error: unknown): boolean {
  return Boolean(error) && ['url', 'eventTypes', 'description'].every((field) => fieldErrorOf(error, field) === null);
}

/** The "Add endpoint" form. */
function CreateEndpointForm({ onCreated, onCancel }: { onCreated: (url: string, secret: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<EndpointDraft>({ url: '', description: '', eventTypes: [] });
  const [submitted, setSubmitted] = useState(false);
  const [create, creating] = useCreateWebhookEndpointMutation();
  const problems = submitted ? checkEndpointDraft(draft) : {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(checkEndpointDraft(draft)).length > 0) return;
    try {
      const result = await create({
        variables: { input: { url: draft.url.trim(), description: draft.description.trim() || null, eventTypes: draft.eventTypes } },
      });
      const created = result.data?.createWebhookEndpoint;
      if (created) onCreated(created.endpoint.url, created.secret);
    } catch {
      // `creating.error` shows why.
    }
  };
  return (
    <form className="webhook-form" aria-label="Add endpoint" noValidate onSubmit={(event) => void submit(event)}>
      <h3>Add endpoint</h3>
      <EndpointFields draft={draft} onChange={setDraft} problems={problems} error={creating.error} />
      {unplaced(creating.error) && <ErrorNotice error={creating.error} />}
      <div className="webhook-form__actions">
        <button type="submit" className="button button--primary" disabled={creating.loading}>
          {creating.loading ? 'Adding…' : 'Add endpoint'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={creating.loading}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Props of {@link EndpointItem}. */
interface EndpointItemProps {
  endpoint: WebhookEndpoint;
  /** Called with a freshly rotated secret, to show once. */
  onSecret: (secret: string) => void;
}

/** One endpoint: what it receives, its actions, and (opened) its edit form or delivery log. */
function EndpointItem({ endpoint, onSecret }: EndpointItemProps) {
  const [panel, setPanel] = useState<'none' | 'edit' | 'log'>('none');
  const [confirm, setConfirm] = useState<'delete' | 'rotate' | null>(null);
  const [update, updating] = useUpdateWebhookEndpointMutation();
  const [remove, removing] = useDeleteWebhookEndpointMutation();
  const [rotate, rotating] = useRotateWebhookEndpointSecretMutation();
  const [status, setStatus] = useState<string | null>(null);
  const headingId = useId();

  const setEnabled = async (enabled: boolean) => {
    setStatus(null);
    try {
      await update({ variables: { input: { id: endpoint.id, enabled } } });
      setStatus(enabled ? 'Enabled: new events are sent again.' : 'Disabled: no new events are sent until it is enabled.');
    } catch {
      // `updating.error` shows why.
    }
  };

  return (
    <li className="webhook-endpoint" aria-labelledby={headingId}>
      <div className="webhook-endpoint__head">
        <h3 id={headingId} className="webhook-endpoint__url">
          {endpoint.url}
        </h3>
        <span className={`status ${endpoint.enabled ? 'status--completed' : 'status--pending'}`}>
          {endpoint.enabled ? 'Enabled' : 'Disabled'}
        </span>
      </div>
      {endpoint.description && <p className="muted webhook-endpoint__description">{endpoint.description}</p>}
      <ul className="webhook-endpoint__types" aria-label="Event types">
        {endpoint.eventTypes.map((type) => (
          <li key={type} className="badge">
            {eventTypeLabel(type)}
          </li>
        ))}
      </ul>
      <div className="webhook-endpoint__actions">
        <button type="button" className="button" aria-expanded={panel === 'log'} onClick={() => setPanel(panel === 'log' ? 'none' : 'log')}>
          {panel === 'log' ? 'Hide deliveries' : 'Deliveries'}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={panel === 'edit'}
          onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}
        >
          Edit
        </button>
        <button type="button" className="button" disabled={updating.loading} onClick={() => void setEnabled(!endpoint.enabled)}>
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="button" onClick={() => setConfirm('rotate')}>
          Rotate secret
        </button>
        <button type="button" className="button button--danger" onClick={() => setConfirm('delete')}>
          Delete
        </button>
      </div>
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
      {updating.error && panel !== 'edit' && <ErrorNotice error={updating.error} />}
      {panel === 'edit' && (
        <EditEndpointForm
          endpoint={endpoint}
          onSaved={() => {
            setPanel('none');
            setStatus('Endpoint saved.');
          }}
          onCancel={() => setPanel('none')}
        />
      )}
      {panel === 'log' && <DeliveryLog endpointId={endpoint.id} />}
      {confirm === 'delete' && (
        <ConfirmDialog
          title={`Delete the endpoint ${endpoint.url}?`}
          confirmLabel="Delete endpoint"
          destructive
          busy={removing.loading}
          error={removing.error ? describeError(removing.error).summary : null}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            remove({ variables: { id: endpoint.id } }).then(
              () => setConfirm(null),
              () => undefined,
            );
          }}
        >
          <p>It stops receiving events at once, and its delivery log is deleted with it.</p>
        </ConfirmDialog>
      )}
      {confirm === 'rotate' && (
        <ConfirmDialog
          title={`Rotate the signing secret of ${endpoint.url}?`}
          confirmLabel="Rotate secret"
          busy={rotating.loading}
          error={rotating.error ? describeError(rotating.error).summary : null}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            rotate({ variables: { id: endpoint.id } }).then(
              (result) => {
                setConfirm(null);
                const secret = result.data?.rotateWebhookEndpointSecret.secret;
                if (secret) onSecret(secret);
              },
              () => undefined,
            );
          }}
        >
          <p>The new secret signs every event from now on; signatures made with the old one no longer verify.</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

/** The edit form of one endpoint. */
function EditEndpointForm({ endpoint, onSaved, onCancel }: { endpoint: WebhookEndpoint; onSaved: () => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<EndpointDraft>({
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: [...endpoint.eventTypes],
  });
  const [submitted, setSubmitted] = useState(false);
  const [update, updating] = useUpdateWebhookEndpointMutation();
  const problems = submitted ? checkEndpointDraft(draft) : {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(checkEndpointDraft(draft)).length > 0) return;
    try {
      await update({
        variables: {
          input: { id: endpoint.id, url: draft.url.trim(), description: draft.description.trim(), eventTypes: draft.eventTypes },
        },
      });
      onSaved();
    } catch {
      // `updating.error` shows why.
    }
  };
  return (
    <form className="webhook-form" aria-label={`Edit ${endpoint.url}`} noValidate onSubmit={(event) => void submit(event)}>
      <EndpointFields draft={draft} onChange={setDraft} problems={problems} error={updating.error} />
      {unplaced(updating.error) && <ErrorNotice error={updating.error} />}
      <div className="webhook-form__actions">
        <button type="submit" className="button button--primary" disabled={updating.loading}>
          {updating.loading ? 'Saving…' : 'Save endpoint'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={updating.loading}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * An endpoint's deliveries, newest first, a page at a time (Newer / Older), the page shown kept
 * current while open, each with its last attempt and a Replay button.
 */
function DeliveryLog({ endpointId }: { endpointId: string }) {
  const pages = useCursorPages();
  const query = useWebhookDeliveries(endpointId, pages.after);
  const [replay] = useReplayWebhookDeliveryMutation();
  const [replaying, setReplaying] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: unknown } | null>(null);
  const connection = query.data?.webhookEndpoint.deliveries;
  const edges = connection?.edges;

  const replayDelivery = async (id: string, eventId: string) => {
    setReplaying(id);
    setMessage(null);
    try {
      await replay({ variables: { id } });
      setMessage({ text: `Replay of ${eventId} queued: it is sent again within a few seconds.`, error: null });
    } catch (error) {
      setMessage({ text: `Replay of ${eventId} failed.`, error });
    } finally {
      setReplaying(null);
    }
  };

  let body: ReactNode;
  if (edges === undefined) {
    body = query.error ? null : <p className="placeholder">Loading deliveries…</p>;
  } else if (edges.length === 0) {
    body =
      pages.after === null ? (
        <p className="placeholder">No deliveries yet: events of this endpoint’s types show here as they are sent.</p>
      ) : (
        <p className="placeholder">No older deliveries.</p>
      );
  } else {
    body = (
      <table className="webhook-deliveries table--cards" aria-label="Deliveries">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Attempts
            </th>
            <th scope="col">Last answer</th>
            <th scope="col">Next retry</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node: delivery }) => (
            <tr key={delivery.id} data-event-id={delivery.eventId}>
              <td data-label="Event" className="table--cards__title">
                <span className="webhook-deliveries__type">{eventTypeLabel(delivery.eventType)}</span>
                <code className="webhook-deliveries__event">{delivery.eventId}</code>
                <span className="muted webhook-deliveries__time">{formatDateTime(delivery.createdAt)}</span>
              </td>
              <td data-label="Status">
                <span
                  className={`status status--${delivery.status === 'DELIVERED' ? 'completed' : delivery.status === 'FAILED' ? 'failed' : 'pending'}`}
                >
                  {enumLabel(delivery.status)}
                </span>
              </td>
              <td data-label="Attempts" className="numeric">
                {delivery.attemptCount}
              </td>
              <td data-label="Last answer">{attemptOutcome(delivery.lastAttempt)}</td>
              <td data-label="Next retry">{delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : '—'}</td>
              <td data-label="Actions" className="table--cards__actions">
                <button
                  type="button"
                  className="button"
                  disabled={replaying !== null}
                  aria-label={`Replay ${delivery.eventId}`}
                  onClick={() => void replayDelivery(delivery.id, delivery.eventId)}
                >
                  {replaying === delivery.id ? 'Replaying…' : 'Replay'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <section className="webhook-log" aria-label="Delivery log">
      <h4>Delivery log</h4>
      {query.error && <ErrorNotice error={query.error} />}
      {message && (
        <div role="status">
          {message.error ? <ErrorNotice error={message.error}>{message.text}</ErrorNotice> : <p className="muted">{message.text}</p>}
        </div>
      )}
      {body}
      <ConnectionPager label="Delivery pages" pages={pages} pageInfo={connection?.pageInfo} busy={query.loading} />
    </section>
  );
}
