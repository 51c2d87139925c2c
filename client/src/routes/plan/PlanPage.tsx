import type { AccountPageProps } from '../account/account-page-props';

/** The Plan section (being built: see issue 16). */
export function PlanPage(_props: AccountPageProps) {
  return (
    <section className="card" aria-label="Plan">
      <h2>Plan</h2>
      <p className="placeholder">Not built yet.</p>
    </section>
  );
}
