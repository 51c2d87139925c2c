import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver got. */
export interface ReceivedWebhook {
  /** The request's path, e.g. `/hooks/all`. */
  path: string;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** The status it answered. */
  answeredStatus: number;
}

/**
 * A real HTTP server on a loopback port that records every webhook POST and answers with the
 * status `respond` returns (200 unless told otherwise).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (body: string) => number = () => 200;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /** Listens on 127.0.0.1 at a free port (or `port`). */
  static async start(port = 0): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | undefined;
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = receiver!.respond(body);
        receiver!.received.push({ path: request.url ?? '', body, headers: request.headers, answeredStatus: status });
        response.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
        response.end(status >= 200 && status < 300 ? 'ok' : `refused with ${status}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${address.port}/hooks`);
    return receiver;
  }

  /** The parsed bodies received so far. */
  events(): { id: string; type: string; createdAt: string; accountId: string; data: Record<string, any> }[] {
    return this.received.map((request) => JSON.parse(request.body));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
