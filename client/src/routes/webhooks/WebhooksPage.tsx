import type { AccountPageProps } from '../account/account-page-props';

/** The Webhooks section (being built: see issue 16). */
export function WebhooksPage(_props: AccountPageProps) {
  return (
    <section className="card" aria-label="Webhooks">
      <h2>Webhooks</h2>
      <p className="placeholder">Not built yet.</p>
    </section>
  );
}
