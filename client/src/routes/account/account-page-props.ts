import type { Role, WalletSummaryFieldsFragment as WalletSummary } from '../../gql/graphql.js';
import type { ResumePoints } from '../wallet/WalletView';

/** What every signed-in page gets from the account frame (WalletPage). */
export interface AccountPageProps {
  account: { id: string; name: string };
  /** The wallet chosen in the header (most accounts have one). */
  wallet: WalletSummary;
  /** The caller's role: pages hide what it may not do. */
  role: Role;
  /** Highest sequence seen per wallet, so live feeds resume without gaps across page switches. */
  resumePoints: ResumePoints;
  /** Client-side navigation to a dashboard path (see utils/account-routes.ts). */
  navigate: (path: string) => void;
}
