import { useId, useState, type ReactNode } from 'react';
import type { NotificationKind } from '../../gql/graphql.js';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AccountPageProps } from '../account/account-page-props';
import { useNotificationPreferences } from './hooks/useNotificationPreferences';
import { useSetNotificationPreferenceMutation } from './hooks/useSetNotificationPreferenceMutation';
import { notificationKindText, preferenceSavedMessage } from './notification-kinds';
import { UsageReportPreview } from './UsageReportPreview';
import './notifications.css';

/**
 * The Notifications page (every account role): which e-mails the signed-in user gets, one switch
 * per kind (the daily and monthly usage reports among them), each saved the moment it is flipped and
 * confirmed on screen, and a preview of the latest usage report. Preferences belong to a person:
 * signed in with an API key, the page says so.
 */
export function NotificationsPage(props: AccountPageProps) {
  const headingId = useId();
  const query = useNotificationPreferences();
  const [setPreference, saving] = useSetNotificationPreferenceMutation();
  // The choice being saved, shown at once (the switch follows the click) until the server answers.
  const [pending, setPending] = useState<{ kind: NotificationKind; email: boolean } | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [failedKind, setFailedKind] = useState<string | null>(null);
  const user = query.data?.me.user;

  const toggle = async (kind: NotificationKind, email: boolean) => {
    setPending({ kind, email });
    setConfirmation(null);
    setFailedKind(null);
    try {
      const result = await setPreference({ variables: { input: { kind, email } } });
      const stored = result.data?.setNotificationPreference.preference;
      if (stored) setConfirmation(`Saved: ${preferenceSavedMessage(stored.kind, stored.email)}`);
    } catch {
      setFailedKind(kind);
    } finally {
      setPending(null);
    }
  };

  let body: ReactNode;
  if (query.data === undefined) {
    body = query.error ? null : <p className="placeholder">Loading your notification settings…</p>;
  } else if (!user) {
    body = (
      <p className="notice" role="status">
        Notification settings belong to a person: sign in with your e-mail and password to choose which e-mails you get. An API key has
        none.
      </p>
    );
  } else if (user.notificationPreferences.length === 0) {
    body = <p className="placeholder">There is nothing to choose yet.</p>;
  } else {
    body = (
      <>
        <p className="muted">
          E-mails go to <strong>{user.email}</strong>. Each change is saved at once and applies to what happens after it.
        </p>
        <ul className="notification-list" aria-label="E-mail notifications">
          {user.notificationPreferences.map((preference) => {
            const text = notificationKindText(preference.kind);
            const inputId = `${headingId}-${preference.kind}`;
            const saving = pending?.kind === preference.kind;
            const checked = saving ? pending.email : preference.email;
            return (
              <li key={preference.kind} className="notification-list__item">
                <div className="notification-list__text">
                  <label htmlFor={inputId} className="notification-list__label">
                    {text.label}
                  </label>
                  <span id={`${inputId}-description`} className="muted notification-list__description">
                    {text.description}
                  </span>
                </div>
                <span className="notification-list__switch">
                  <input
                    id={inputId}
                    type="checkbox"
                    role="switch"
                    aria-checked={checked}
                    checked={checked}
                    disabled={pending !== null}
                    aria-describedby={`${inputId}-description`}
                    onChange={(event) => void toggle(preference.kind, event.target.checked)}
                  />
                  <span aria-hidden="true">{saving ? 'Saving…' : checked ? 'On' : 'Off'}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </>
    );
  }

  return (
    <>
      <section className="card notifications" aria-labelledby={headingId}>
        <div className="section-header">
          <h2 id={headingId}>Notifications</h2>
        </div>
        {query.error && (
          <ErrorNotice error={query.error}>
            <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
              Try again
            </button>
          </ErrorNotice>
        )}
        {body}
        <div aria-live="polite" className="notifications__status">
          {confirmation && (
            <p className="notice notice--success" role="status">
              {confirmation}
            </p>
          )}
        </div>
        {failedKind && saving.error && (
          <ErrorNotice error={saving.error}>
            <span>The {notificationKindText(failedKind).label.toLowerCase()} setting was not changed.</span>
          </ErrorNotice>
        )}
      </section>
      <UsageReportPreview accountId={props.account.id} />
    </>
  );
}
