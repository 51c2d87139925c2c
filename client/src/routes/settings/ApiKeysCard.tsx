import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ErrorLike } from '@apollo/client';
import type { ApiKeyRowFieldsFragment as ApiKeyRow, CreateApiKeyMutation } from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiKeys, useCredentialInUse } from './hooks/useApiKeys';
import { useCreateApiKeyMutation } from './hooks/useCreateApiKeyMutation';
import { useRevokeApiKeyMutation } from './hooks/useRevokeApiKeyMutation';
import {
  activeKeysFirst,
  API_KEY_NAME_LENGTH_MAX,
  API_KEY_ROLE_DEFAULT,
  API_KEY_ROLE_HINTS,
  API_KEY_ROLES,
  apiKeyPrefixLabel,
  checkApiKeyName,
  isApiKeyActive,
  type ApiKeyRole,
} from './api-keys';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { SettingsCard } from './SettingsCard';

/** Props of {@link ApiKeysCard}. */
export interface ApiKeysCardProps {
  accountId: string;
}

type Created = CreateApiKeyMutation['createApiKey'];

/**
 * The "API keys" card, for OWNERs: the account's keys (active first, then revoked), a form to
 * create one with a role and a name, whose secret is shown this once with a copy button, and
 * "Revoke" with a confirmation (the key stops working on its next request).
 */
export function ApiKeysCard({ accountId }: ApiKeysCardProps) {
  const query = useApiKeys(accountId);
  const credential = useCredentialInUse();
  const [revoke, revokeState] = useRevokeApiKeyMutation();
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  const revokeKey = async (id: string) => {
    setRevokingId(id);
    try {
      await revoke({ variables: { id } });
    } catch {
      // The mutation's `error` shows why.
    } finally {
      setRevokingId(null);
    }
  };

  return (
    <SettingsCard title="API keys">
      <p className="muted">
        Keys let your platform call the API: send one as “Authorization: Bearer …”. A key’s secret is shown only when it is created.
      </p>
      {created === null ? (
        <CreateApiKeyForm accountId={accountId} onCreated={setCreated} />
      ) : (
        <NewApiKeySecret created={created} onDone={() => setCreated(null)} />
      )}
      <ApiKeyList
        keys={query.data?.account?.apiKeys}
        keyInUseId={credential.data?.me.apiKeyId ?? null}
        loading={query.loading}
        error={query.error}
        onRetry={() => void query.refetch().catch(() => undefined)}
        revokingId={revokingId}
        revokeError={revokeState.error}
        onRevoke={(id) => void revokeKey(id)}
      />
    </SettingsCard>
  );
}

function CreateApiKeyForm({ accountId, onCreated }: { accountId: string; onCreated: (created: Created) => void }) {
  const nameId = useId();
  const roleId = useId();
  const nameMessageId = useId();
  const roleHintId = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiKeyRole>(API_KEY_ROLE_DEFAULT);
  const [touched, setTouched] = useState(false);
  const [create, { loading, error, reset }] = useCreateApiKeyMutation();

  const nameCheck = checkApiKeyName(name);
  const nameError = (touched && !nameCheck.valid ? nameCheck.message : null) ?? fieldErrorOf(error, 'name');
  const otherError = error && fieldErrorOf(error, 'name') === null ? error : null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (loading || !nameCheck.valid) return;
    try {
      const result = await create({ variables: { input: { accountId, role, name: nameCheck.name } } });
      if (result.data) onCreated(result.data.createApiKey);
    } catch {
      // The mutation's `error` shows why.
    }
  };

  return (
    <form className="api-keys__form" aria-label="Create an API key" onSubmit={(event) => void submit(event)} noValidate aria-busy={loading}>
      <div className="api-keys__fields">
        <div className="field api-keys__name">
          <label htmlFor={nameId}>Key name</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={API_KEY_NAME_LENGTH_MAX}
            autoComplete="off"
            onChange={(event) => {
              setName(event.target.value);
              if (error) reset();
            }}
            aria-invalid={nameError !== null}
            aria-describedby={nameError !== null ? nameMessageId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as ApiKeyRole)} aria-describedby={roleHintId}>
            {API_KEY_ROLES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {enumLabel(candidate)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Creating…' : 'Create key'}
        </button>
      </div>
      <p id={roleHintId} className="muted field__hint">
        {enumLabel(role)}: {API_KEY_ROLE_HINTS[role]}
      </p>
      {nameError !== null && (
        <p id={nameMessageId} className="field-error" role="alert">
          {nameError}
        </p>
      )}
      {otherError && <ErrorNotice error={otherError} />}
    </form>
  );
}

/** Props of {@link NewApiKeySecret}. */
export interface NewApiKeySecretProps {
  created: Created;
  /** Forgets the secret and brings the form back. */
  onDone: () => void;
}

/** A key just created: its secret, shown only now, with a copy button, and the way back to the form. */
export function NewApiKeySecret({ created, onDone }: NewApiKeySecretProps) {
  const secretId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.apiKey);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): select the secret for Ctrl+C.
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="api-keys__created">
      <p role="status">
        Key <strong>{created.key.name}</strong> created ({enumLabel(created.key.role)}).
      </p>
      <div className="field">
        <label htmlFor={secretId}>Secret</label>
        <div className="api-keys__secret">
          <input
            id={secretId}
            ref={inputRef}
            value={created.apiKey}
            readOnly
            spellCheck={false}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </button>
        </div>
        <p className={copied === 'failed' ? 'field-error' : 'muted field__hint'} aria-live="polite">
          {copied === 'failed'
            ? 'This browser did not allow copying: the secret is selected, copy it with Ctrl+C (⌘C).'
            : 'Store it now: it is shown only this once, and cannot be shown again.'}
        </p>
      </div>
      <div>
        <button type="button" className="button button--primary" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}

/** Props of {@link ApiKeyList}. */
export interface ApiKeyListProps {
  /** Newest first; undefined before the first answer. */
  keys: readonly ApiKeyRow[] | undefined;
  /** The key this dashboard is signed in with, if any: revoking it signs the page out. */
  keyInUseId: string | null;
  loading: boolean;
  error: ErrorLike | undefined;
  onRetry: () => void;
  /** The key being revoked: its buttons wait. */
  revokingId: string | null;
  revokeError: unknown;
  onRevoke: (id: string) => void;
}

/** The account's keys: name, role, prefix, created, revoked; "Revoke" asks first. Data-free. */
export function ApiKeyList({ keys, keyInUseId, loading, error, onRetry, revokingId, revokeError, onRevoke }: ApiKeyListProps) {
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  let body: ReactNode;
  if (keys === undefined) {
    body = error ? null : <p className="placeholder">Loading API keys…</p>;
  } else if (keys.length === 0) {
    body = <p className="placeholder">No API keys yet.</p>;
  } else {
    body = (
      <div className="table-scroll">
        <table className="transactions api-keys__table table--cards" aria-label="API keys" aria-busy={loading}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Key</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {activeKeysFirst(keys).map((key) => {
              const active = isApiKeyActive(key);
              const inUse = key.id === keyInUseId;
              return (
                <tr key={key.id} className={active ? undefined : 'api-keys__row--revoked'}>
                  <td data-label="Name" className="table--cards__title">
                    {key.name}
                    {inUse && <span className="muted"> (this dashboard)</span>}
                  </td>
                  <td className="nowrap" data-label="Role">
                    {enumLabel(key.role)}
                  </td>
                  <td className="nowrap" data-label="Key">
                    <code>{apiKeyPrefixLabel(key.prefix)}</code>
                  </td>
                  <td className="nowrap" data-label="Created">
                    <time dateTime={key.createdAt}>{formatDateTime(key.createdAt)}</time>
                  </td>
                  <td className="nowrap" data-label="Status">
                    {active ? (
                      <span className="status status--completed">Active</span>
                    ) : (
                      <span className="status status--failed" title={formatDateTime(key.revokedAt!)}>
                        Revoked {formatDateTime(key.revokedAt!)}
                      </span>
                    )}
                  </td>
                  <td className="table--cards__actions">
                    {active &&
                      (confirmingId === key.id ? (
                        // biome-ignore lint/a11y/useSemanticElements: a <fieldset> brings its own border, padding, margin and min-inline-size, which would change the layout; role=group gives the same semantics.
                        <div className="api-keys__confirm" role="group" aria-label={`Revoke ${key.name}?`}>
                          <span>
                            {inUse
                              ? 'This dashboard uses this key: revoking it signs this page out. Revoke?'
                              : 'Requests with it fail from now on. Revoke?'}
                          </span>
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={revokingId !== null}
                            onClick={() => {
                              setConfirmingId(null);
                              onRevoke(key.id);
                            }}
                          >
                            Revoke key
                          </button>
                          <button type="button" className="button" onClick={() => setConfirmingId(null)}>
                            Cancel
                          </button>
                        </div>
                      ) : (
                        <button
                          type="button"
                          className="button button--quiet"
                          disabled={revokingId !== null}
                          onClick={() => setConfirmingId(key.id)}
                        >
                          {revokingId === key.id ? 'Revoking…' : 'Revoke'}
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="api-keys__list">
      {error && (
        <ErrorNotice error={error}>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {revokeError ? <ErrorNotice error={revokeError} /> : null}
      {body}
    </div>
  );
}
