import type { AccountPageProps } from '../account/account-page-props';

/** The Billing section (being built: see issue 16). */
export function BillingPage(_props: AccountPageProps) {
  return (
    <section className="card" aria-label="Billing">
      <h2>Billing</h2>
      <p className="placeholder">Not built yet.</p>
    </section>
  );
}
