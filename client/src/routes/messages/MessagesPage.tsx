import type { AccountPageProps } from '../account/account-page-props';

/** The Messages section (being built: see issue 16). */
export function MessagesPage(_props: AccountPageProps) {
  return (
    <section className="card" aria-label="Messages">
      <h2>Messages</h2>
      <p className="placeholder">Not built yet.</p>
    </section>
  );
}
