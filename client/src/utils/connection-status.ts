/**
 * The state of the dashboard's WebSocket, as the header shows it, derived from the graphql-ws
 * client's events (connecting / connected / closed). A pure reducer, so every transition is
 * tested without a socket.
 */

/** graphql-ws close code for a missing, unknown or revoked API key (the server's onConnect refused it). */
export const CLOSE_CODE_FORBIDDEN = 4403;

/** Normal Closure: the client closed an idle socket (no subscription left) or was disposed. */
export const CLOSE_CODE_NORMAL = 1000;

/**
 * Close codes after which graphql-ws 6 never reconnects, whatever `shouldRetry` says
 * (`shouldRetryConnectOrThrow` and `isFatalInternalCloseCode` in graphql-ws/dist/client.js):
 * 4500 internal server error, 4005 internal client error, 4400 bad request, 4004 bad response,
 * 4401 unauthorized, 4406 subprotocol not acceptable, 4409 subscriber already exists, 4429 too
 * many initialisation requests, and the 1xxx codes other than 1000, 1001, 1005, 1006, 1012, 1013,
 * 1014. The dashboard adds {@link CLOSE_CODE_FORBIDDEN}: a refused key does not become valid by
 * asking again.
 */
export function isTerminalCloseCode(code: number): boolean {
  if (code === CLOSE_CODE_FORBIDDEN) return true;
  if ([4500, 4005, 4400, 4004, 4401, 4406, 4409, 4429].includes(code)) return true;
  if ([1000, 1001, 1005, 1006, 1012, 1013, 1014].includes(code)) return false;
  return code >= 1000 && code <= 1999;
}

/** Where the socket stands. */
export type ConnectionStatus =
  /** No socket: nothing on the page is live, or no key is in use. */
  | { state: 'idle' }
  /** Opening a socket; `retry` when an earlier one was lost or failed. */
  | { state: 'connecting'; retry: boolean }
  /** Connected and acknowledged: subscriptions deliver. */
  | { state: 'live' }
  /** The socket closed unexpectedly. `retrying`: graphql-ws reconnects after a back-off; otherwise it gave up. */
  | { state: 'offline'; closeCode: number | null; retrying: boolean }
  /** The server refused the key (4403). Final for this key: nothing reconnects until another key is used. */
  | { state: 'revoked' };

/** What the graphql-ws client reported. */
export type ConnectionEvent =
  | { type: 'connecting'; retry: boolean }
  | { type: 'connected' }
  /** `code` is null when the socket failed without a close frame the client could read. */
  | { type: 'closed'; code: number | null };

/** The status before any event. */
export const INITIAL_CONNECTION_STATUS: ConnectionStatus = { state: 'idle' };

/**
 * The status after `event`; an unchanged status is returned as is. A revoked key stays revoked:
 * only another key (a new client, starting from {@link INITIAL_CONNECTION_STATUS}) leaves it.
 */
export function nextConnectionStatus(status: ConnectionStatus, event: ConnectionEvent): ConnectionStatus {
  if (status.state === 'revoked') return status;
  switch (event.type) {
    case 'connecting':
      return status.state === 'connecting' && status.retry === event.retry ? status : { state: 'connecting', retry: event.retry };
    case 'connected':
      return status.state === 'live' ? status : { state: 'live' };
    case 'closed':
      if (event.code === CLOSE_CODE_FORBIDDEN) return { state: 'revoked' };
      // The client closes an idle socket with 1000 on its own; if subscriptions remain it reconnects and says so.
      if (event.code === CLOSE_CODE_NORMAL) return INITIAL_CONNECTION_STATUS;
      return { state: 'offline', closeCode: event.code, retrying: event.code === null || !isTerminalCloseCode(event.code) };
  }
}

/** What the header shows for a status: null shows nothing. */
export interface ConnectionStatusLabel {
  /** One or two words: "Live", "Reconnecting…", "Offline", "API key revoked or unknown". */
  text: string;
  /** A sentence for the tooltip. */
  detail: string;
  /** Picks the indicator's colour. */
  tone: 'ok' | 'pending' | 'error';
}

/** The header's words for `status`; null while idle (nothing on screen is live). */
export function connectionStatusLabel(status: ConnectionStatus): ConnectionStatusLabel | null {
  switch (status.state) {
    case 'idle':
      return null;
    case 'connecting':
      return status.retry
        ? {
            text: 'Reconnecting…',
            detail: 'The live connection was lost; reconnecting. Missed transactions are fetched on reconnect.',
            tone: 'pending',
          }
        : { text: 'Connecting…', detail: 'Opening the live connection.', tone: 'pending' };
    case 'live':
      return { text: 'Live', detail: 'Balances and transactions update as they happen.', tone: 'ok' };
    case 'offline': {
      const code = status.closeCode === null ? 'no close code' : `close code ${status.closeCode}`;
      return status.retrying
        ? { text: 'Offline', detail: `The live connection is down (${code}); retrying in the background.`, tone: 'error' }
        : { text: 'Offline', detail: `The server ended the live connection (${code}). Reload the page to reconnect.`, tone: 'error' };
    }
    case 'revoked':
      return {
        text: 'API key revoked or unknown',
        detail: 'The server refused this API key on the live connection (4403). Use another key.',
        tone: 'error',
      };
  }
}
