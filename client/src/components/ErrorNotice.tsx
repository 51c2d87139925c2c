import type { ReactNode } from 'react';
import { describeError } from '../apollo/describe-error';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** The error of a query or mutation. */
  error: unknown;
  /** Buttons offered with the message ("Forget key", "Try again"). */
  children?: ReactNode;
}

/** A failed request: a sentence, the server's `extensions.code` and its message. */
export function ErrorNotice({ error, children }: ErrorNoticeProps) {
  const { code, summary, detail } = describeError(error);
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__summary">
        {summary}
        {code !== null && <code className="notice__code">{code}</code>}
      </p>
      {detail !== null && <p className="notice__detail">{detail}</p>}
      {children && <div className="notice__actions">{children}</div>}
    </div>
  );
}
