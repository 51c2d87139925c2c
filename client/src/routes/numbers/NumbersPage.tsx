import type { AccountPageProps } from '../account/account-page-props';

/** The Numbers section (being built: see issue 16). */
export function NumbersPage(_props: AccountPageProps) {
  return (
    <section className="card" aria-label="Numbers">
      <h2>Numbers</h2>
      <p className="placeholder">Not built yet.</p>
    </section>
  );
}
