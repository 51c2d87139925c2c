import type { AccountPageProps } from '../account/account-page-props';

/** The Notifications section (being built: see issue 16). */
export function NotificationsPage(_props: AccountPageProps) {
  return (
    <section className="card" aria-label="Notifications">
      <h2>Notifications</h2>
      <p className="placeholder">Not built yet.</p>
    </section>
  );
}
