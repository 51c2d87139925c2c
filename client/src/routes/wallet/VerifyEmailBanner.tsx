import { useState } from 'react';
import { resendVerification } from '../../apollo/auth-requests';

/** Props of {@link VerifyEmailBanner}. */
export interface VerifyEmailBannerProps {
  email: string;
}

/**
 * Shown to a signed-up user until they confirm their address: what waits for it (topping up,
 * campaigns, messages) and "Send the link again" (`POST /auth/resend-verification`; the earlier link
 * stops working), with the server's refusal (e.g. too many mails) in its words.
 */
export function VerifyEmailBanner({ email }: VerifyEmailBannerProps) {
  const [state, setState] = useState<{ status: 'idle' | 'sending' | 'sent' } | { status: 'failed'; message: string }>({ status: 'idle' });

  const resend = async () => {
    setState({ status: 'sending' });
    const result = await resendVerification();
    setState(result.ok ? { status: 'sent' } : { status: 'failed', message: result.message });
  };

  return (
    <div className="notice notice--warning verify-email-banner" role="status">
      <p className="notice__summary">
        Verify your e-mail address: open the link we sent to <strong>{email}</strong>. Until then you can look around, but not top up, run
        campaigns or send messages.
      </p>
      {state.status === 'sent' && <p>A new link is on its way; the earlier one no longer works.</p>}
      {state.status === 'failed' && <p className="field-error">{state.message}</p>}
      <div className="notice__actions">
        <button type="button" className="button" onClick={() => void resend()} disabled={state.status === 'sending'}>
          {state.status === 'sending' ? 'Sending…' : 'Send the link again'}
        </button>
      </div>
    </div>
  );
}
