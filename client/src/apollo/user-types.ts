/**
 * Hand-written TypeScript for the user and invitation parts of schema/schema.graphql this client
 * uses (`inviteUser`), named as in the schema. Kept apart from apollo/types.ts, which another
 * change owns; fold it in when the client's types are generated.
 */
import type { DateTime, Role } from './types.js';

/** `Invitation`: an invitation into an account, accepted at POST /auth/accept-invitation with its token. */
export interface Invitation {
  id: string;
  accountId: string;
  email: string;
  role: Role;
  expiresAt: DateTime;
}

/** `InviteUserInput`. */
export interface InviteUserInput {
  /** The caller's account when null or absent. */
  accountId?: string | null;
  email: string;
  /** OWNER, CAMPAIGN_MANAGER or INTEGRATOR. */
  role: Role;
}

/** Result of the `InviteUser` mutation (hooks/useInviteUserMutation.ts). */
export interface InviteUserMutation {
  inviteUser: {
    /** Shown once: the invitee accepts with it. */
    token: string;
    invitation: Pick<Invitation, 'id' | 'email' | 'role' | 'expiresAt'>;
  };
}

/** Variables of the `InviteUser` mutation. */
export interface InviteUserMutationVariables {
  input: InviteUserInput;
}
