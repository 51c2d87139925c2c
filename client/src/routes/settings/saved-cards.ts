/**
 * Saved cards on the Settings page: who may manage them, and the offline sandbox's simulated
 * 3-D Secure at card setup (`POST {sandboxUrl}/v1/setup_intents/{id}/sandbox_authenticate`,
 * authorised by the SetupIntent's client secret; the endpoint allows CORS). Building the request
 * and reading its refusal are here; the fetch is the component's.
 */
import type { Role } from '../../gql/graphql.js';
import type { SandboxAuthenticationOutcome, SandboxAuthenticationRequest, SandboxError } from '../../utils/sandbox-three-d-secure.js';

/** Roles of an account that may list, add, remove and pick the default card (the server's CARD_ROLES, less the platform's). */
export const CARD_MANAGER_ROLES: readonly Role[] = ['OWNER', 'CAMPAIGN_MANAGER'];

/** Whether this role may manage the account's saved cards. */
export function canManageCards(role: Role): boolean {
  return CARD_MANAGER_ROLES.includes(role);
}

/** Options of {@link sandboxSetupAuthenticationRequest}. */
export interface SandboxSetupAuthenticationOptions {
  /** `PaymentsConfig.sandboxUrl`. */
  sandboxUrl: string;
  /** `AddPaymentMethodPayload.setupIntentId`, e.g. "seti_…". */
  setupIntentId: string;
  /** `AddPaymentMethodPayload.clientSecret`. */
  clientSecret: string;
  outcome: SandboxAuthenticationOutcome;
}

/** The request that answers the sandbox's 3-D Secure challenge of a SetupIntent (a card being saved). */
export function sandboxSetupAuthenticationRequest(options: SandboxSetupAuthenticationOptions): SandboxAuthenticationRequest {
  const base = options.sandboxUrl.trim().replace(/\/+$/, '');
  return {
    url: `${base}/v1/setup_intents/${encodeURIComponent(options.setupIntentId)}/sandbox_authenticate`,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: options.clientSecret, outcome: options.outcome }),
    },
  };
}

/** Whether a refused answer means the setup's challenge is no longer open: the card's fate is the server's to tell. */
export function isSetupChallengeAlreadyAnswered(error: SandboxError): boolean {
  return error.code === 'setup_intent_unexpected_state';
}

/** The ids of cards in `after` that were not in `before`: the card a setup just saved. */
export function newCardIds(before: readonly { id: string }[], after: readonly { id: string }[]): string[] {
  const known = new Set(before.map((card) => card.id));
  return after.filter((card) => !known.has(card.id)).map((card) => card.id);
}
