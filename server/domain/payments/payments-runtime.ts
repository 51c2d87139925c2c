import type { PaymentsDeps } from './payments-deps.js';

/** A test card of the offline sandbox, for the dashboard's picker. */
export interface SandboxTestCard {
  id: string;
  label: string;
  brand: string;
  last4: string;
  behaviour: string;
}

/** Payments as the API layer sees them: the services' dependencies and what the dashboard must know. */
export interface PaymentsRuntime {
  deps: PaymentsDeps;
  mode: 'STRIPE' | 'SANDBOX';
  publishableKey: string | null;
  /** Base URL of the loopback sandbox (SANDBOX mode). */
  sandboxUrl: string | null;
  testCards: SandboxTestCard[];
}
