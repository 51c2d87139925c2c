import type { AccountPageProps } from '../account/account-page-props';

/** The Team section (being built: see issue 16). */
export function TeamPage(_props: AccountPageProps) {
  return (
    <section className="card" aria-label="Team">
      <h2>Team</h2>
      <p className="placeholder">Not built yet.</p>
    </section>
  );
}
