import { useId, useState, type FormEvent } from 'react';

/** Props of {@link ApiKeyForm}. */
export interface ApiKeyFormProps {
  /** Called with the trimmed, non-empty key. */
  onSubmit: (apiKey: string) => void;
}

/**
 * Asks for the API key the dashboard signs its requests with: the integrators' way in, offered on
 * the sign-in page under the e-mail and password form (routes/sign-in/SignInPage.tsx).
 */
export function ApiKeyForm({ onSubmit }: ApiKeyFormProps) {
  const inputId = useId();
  const hintId = useId();
  const [value, setValue] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const apiKey = value.trim();
    if (apiKey !== '') onSubmit(apiKey);
  };

  return (
    <form onSubmit={submit} className="sign-in__form" aria-label="Sign in with an API key">
      <label htmlFor={inputId}>API key</label>
      <input
        id={inputId}
        className="sign-in__secret"
        type="password"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder="sw_…"
        autoComplete="off"
        spellCheck={false}
        required
        aria-describedby={hintId}
      />
      <p id={hintId} className="muted">
        The key is kept in this browser’s local storage until you choose “Forget key”.
      </p>
      <button type="submit" className="button button--primary" disabled={value.trim() === ''}>
        Use key
      </button>
    </form>
  );
}
