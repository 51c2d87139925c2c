// Goal: the dashboard opens its socket on its own host and path, encrypted when the page is; method: examples.
import { describe, expect, it } from 'vitest';
import { webSocketUrl } from '../../../client/src/utils/web-socket-url.js';

describe('webSocketUrl', () => {
  it('maps http to ws and https to wss on the same host and port', () => {
    expect(webSocketUrl('http://localhost:4310/')).toBe('ws://localhost:4310/graphql');
    expect(webSocketUrl('https://spendwire.example/wallets?x=1#top')).toBe('wss://spendwire.example/graphql');
  });

  it('takes another path when given one', () => {
    expect(webSocketUrl('http://127.0.0.1:5173/', '/api/graphql')).toBe('ws://127.0.0.1:5173/api/graphql');
  });
});
