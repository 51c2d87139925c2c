import net from 'node:net';

/** An HTTP answer: its status and its body as text. */
export interface LeanHttpAnswer {
  status: number;
  body: string;
}

/**
 * One keep-alive HTTP/1.1 connection to 127.0.0.1:`port` that POSTs to /graphql, one request at a
 * time, each request written as one buffer: the load generator of the closed-loop points.
 * node:http's client spent ~80 µs of the bench's CPU per charge (agent, ClientRequest and
 * IncomingMessage objects, header validation, stream events), on the same 2 cores as the server it
 * measures; this writes one buffer per request and reads the answer's status line, Content-Length
 * or chunked body, and nothing else (`BENCH_HTTP_CLIENT=node` uses node:http instead).
 */
export class LeanHttpConnection {
  private socket: net.Socket | undefined;
  private readonly head: string;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve(answer: LeanHttpAnswer): void; reject(error: Error): void; timer: NodeJS.Timeout } | undefined;

  constructor(
    private readonly port: number,
    token: string,
    /** How long an answer may take, in ms; then the request fails and the connection is closed. */
    private readonly timeoutMs = 30_000,
  ) {
    this.head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\n`;
  }

  /** POSTs `body` (one request at a time); the answer's status and body. @throws on a socket error, a malformed answer or after `timeoutMs`. */
  post(body: string): Promise<LeanHttpAnswer> {
    if (this.waiting) return Promise.reject(new Error('one request at a time on a LeanHttpConnection'));
    const socket = this.connected();
    return new Promise<LeanHttpAnswer>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      this.waiting = { resolve, reject, timer };
      socket.write(`${this.head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  close(): void {
    const socket = this.socket;
    // No longer the connection's own first: the events it still emits are ignored (see connected()).
    this.socket = undefined;
    socket?.destroy();
  }

  private connected(): net.Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = net.connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    // A socket closed here (after a `Connection: close` answer, a failure or a timeout) still emits
    // its 'close' (and maybe 'error') later, when the next request may already wait on a new one: only
    // the current socket's events count.
    socket.on('data', (chunk: Buffer) => {
      if (this.socket !== socket) return;
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.answerIfComplete();
    });
    socket.on('error', (error) => {
      if (this.socket === socket) this.fail(error);
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.fail(new Error('the server closed the connection'));
    });
    this.socket = socket;
    this.received = Buffer.alloc(0);
    return socket;
  }

  private answerIfComplete(): void {
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.waiting) return;
    const head = this.received.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body: string;
    let consumed: number;
    if (length) {
      consumed = headEnd + 4 + Number(length[1]);
      if (this.received.length < consumed) return;
      body = this.received.toString('utf8', headEnd + 4, consumed);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const parts: Buffer[] = [];
      let at = headEnd + 4;
      for (;;) {
        const lineEnd = this.received.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = Number.parseInt(this.received.toString('latin1', at, lineEnd), 16);
        if (this.received.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          consumed = lineEnd + 4;
          break;
        }
        parts.push(this.received.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    } else {
      this.fail(new Error(`an answer with neither Content-Length nor chunked body: ${head.slice(0, 200)}`));
      return;
    }
    this.received = this.received.subarray(consumed);
    const { resolve, timer } = this.waiting;
    clearTimeout(timer);
    this.waiting = undefined;
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    resolve({ status, body });
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.waiting = undefined;
    this.close();
    waiting.reject(error);
  }
}
