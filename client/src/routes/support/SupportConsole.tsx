import type { ReactNode } from 'react';
import type { Role } from '../../gql/graphql.js';
import type { DashboardCredential } from '../../utils/dashboard-screen';

/** Props of {@link SupportConsole}. */
export interface SupportConsoleProps {
  /** SUPPORT or PLATFORM_ADMIN. */
  role: Role;
  credentialKind: DashboardCredential['kind'];
  /** The frame's "Refresh" button. */
  refreshButton: ReactNode;
  /** The frame's error notice for the identity query, or a falsy value. */
  errorNotice: ReactNode;
}

/** The support console for platform staff (being built: see issue 16). */
export function SupportConsole({ errorNotice }: SupportConsoleProps) {
  return (
    <>
      {errorNotice}
      <section className="card" aria-label="Support console">
        <h2>Support console</h2>
        <p className="placeholder">Not built yet.</p>
      </section>
    </>
  );
}
