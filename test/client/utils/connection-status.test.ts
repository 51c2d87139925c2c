// Goal: the header's Live / Reconnecting… / Offline / revoked indicator follows the graphql-ws client's events, and a refused key stays refused; method: drive the pure reducer through event sequences.
import { describe, expect, it } from 'vitest';
import {
  connectionStatusLabel,
  INITIAL_CONNECTION_STATUS,
  isTerminalCloseCode,
  nextConnectionStatus,
  type ConnectionEvent,
  type ConnectionStatus,
} from '../../../client/src/utils/connection-status.js';

const run = (...events: ConnectionEvent[]): ConnectionStatus => events.reduce(nextConnectionStatus, INITIAL_CONNECTION_STATUS);

describe('connection status', () => {
  it('shows nothing before a socket is needed, then Connecting… and Live', () => {
    expect(connectionStatusLabel(INITIAL_CONNECTION_STATUS)).toBeNull();
    expect(connectionStatusLabel(run({ type: 'connecting', retry: false }))?.text).toBe('Connecting…');
    expect(connectionStatusLabel(run({ type: 'connecting', retry: false }, { type: 'connected' }))?.text).toBe('Live');
  });

  it('goes Offline when the socket drops and Reconnecting… when the client tries again', () => {
    const dropped = run({ type: 'connecting', retry: false }, { type: 'connected' }, { type: 'closed', code: 1006 });
    expect(dropped).toEqual({ state: 'offline', closeCode: 1006, retrying: true });
    expect(connectionStatusLabel(dropped)?.text).toBe('Offline');
    const retrying = nextConnectionStatus(dropped, { type: 'connecting', retry: true });
    expect(connectionStatusLabel(retrying)?.text).toBe('Reconnecting…');
    expect(nextConnectionStatus(retrying, { type: 'connected' })).toEqual({ state: 'live' });
  });

  it('treats a server that could not be reached at all (no close code) as offline and retrying', () => {
    expect(run({ type: 'connecting', retry: false }, { type: 'closed', code: null })).toEqual({
      state: 'offline',
      closeCode: null,
      retrying: true,
    });
  });

  it('resumes after a 4413 (subscriber fell behind) and a 4408 (init timeout): both are retried', () => {
    expect(run({ type: 'connected' }, { type: 'closed', code: 4413 })).toMatchObject({ retrying: true });
    expect(run({ type: 'connected' }, { type: 'closed', code: 4408 })).toMatchObject({ retrying: true });
  });

  it('says the key is revoked or unknown on 4403 and stays so whatever follows', () => {
    const revoked = run({ type: 'connecting', retry: false }, { type: 'closed', code: 4403 });
    expect(revoked).toEqual({ state: 'revoked' });
    expect(connectionStatusLabel(revoked)?.text).toBe('API key revoked or unknown');
    expect(nextConnectionStatus(revoked, { type: 'connecting', retry: true })).toBe(revoked);
    expect(nextConnectionStatus(revoked, { type: 'connected' })).toBe(revoked);
  });

  it('returns to idle when the client closes an idle socket itself (1000)', () => {
    expect(run({ type: 'connected' }, { type: 'closed', code: 1000 })).toEqual(INITIAL_CONNECTION_STATUS);
  });

  it('reports a close graphql-ws will not retry as offline for good', () => {
    const ended = run({ type: 'connected' }, { type: 'closed', code: 4500 });
    expect(ended).toEqual({ state: 'offline', closeCode: 4500, retrying: false });
    expect(connectionStatusLabel(ended)?.detail).toContain('Reload');
  });

  it('returns the same object when nothing changes, so React does not re-render', () => {
    const live = run({ type: 'connected' });
    expect(nextConnectionStatus(live, { type: 'connected' })).toBe(live);
  });

  it('knows which close codes graphql-ws never retries', () => {
    for (const code of [4403, 4500, 4400, 4401, 4409, 4429, 1002, 1011]) expect(isTerminalCloseCode(code)).toBe(true);
    for (const code of [1000, 1001, 1006, 1012, 4408, 4413, 4499, 4504]) expect(isTerminalCloseCode(code)).toBe(false);
  });
});
