/**
 * The WebSocket address of the GraphQL endpoint on the page's own host: `http:` becomes `ws:`,
 * `https:` becomes `wss:`, so a page served over TLS never opens a plain socket. `path` is
 * resolved against `pageUrl` like a link would be.
 * @example webSocketUrl('https://spendwire.example/wallets', '/graphql') → 'wss://spendwire.example/graphql'
 * @throws TypeError when `pageUrl` is not an absolute URL.
 */
export function webSocketUrl(pageUrl: string, path = '/graphql'): string {
  const url = new URL(path, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  url.hash = '';
  return url.toString();
}
