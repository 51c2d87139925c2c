/** The dashboard session's cookie. */
export const SESSION_COOKIE = 'sw_session';

/**
 * The value of one cookie in a `Cookie` header, or undefined. A value that is not valid
 * percent-encoding (`%E0%A4%A`) is returned as sent: no session token has that form, so it is
 * refused as an unknown session (UNAUTHENTICATED) rather than throwing a URIError (a 500).
 */
export function cookieValue(header: string | undefined | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** `Set-Cookie` for a session: httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it). */
export function sessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join('; ');
}

/**
 * True when a browser request comes from this server's own pages: its `Origin` (absent for
 * same-origin GETs and non-browser clients) names the host it was sent to. Cookies ride along on
 * cross-site WebSocket handshakes, which have no CORS: this is what stops another site from
 * opening a socket as the signed-in user.
 */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
