/**
 * The storm's server processes: `node <entry>` on a fixed port each (a restarted process comes back
 * on the same port, as behind a load balancer), killed with SIGKILL or stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

/** Longest wait for a process to answer /healthz after it was spawned, in ms. */
const START_TIMEOUT_MS = 90_000;
/** Longest wait for a process to exit after SIGTERM before SIGKILL, in ms. */
const STOP_TIMEOUT_MS = 15_000;
/** Lines of each process's output kept for the report. */
const OUTPUT_LINES_KEPT = 400;

/** One server process slot: the port stays, the child changes across restarts. */
export class ServerSlot {
  child: ChildProcess | undefined;
  /** The last lines it printed (all of its lives), newest last. */
  readonly output: string[] = [];
  private exited: Promise<void> = Promise.resolve();

  /** Lines it printed that report an unexpected error (all of its lives), and of those, PostgreSQL deadlocks. */
  readonly errors = { unexpected: 0, deadlocks: 0 };
  /** When set, every line the process prints is also appended to this file. */
  logFile: string | undefined;
  /** Node.js options placed before the entry (e.g. `--cpu-prof`). */
  nodeArguments: string[] = [];

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly cwd: string,
  ) {}

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the process and waits until /healthz answers 200. @throws when it exits first or stays silent. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, [...this.nodeArguments, this.entry], {
      cwd: this.cwd,
      env: { ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        if (line.includes('Unexpected error')) this.errors.unexpected++;
        if (line.includes('deadlock detected')) this.errors.deadlocks++;
        this.output.push(`[${this.name}] ${line}`);
        if (this.logFile) fs.appendFileSync(this.logFile, `${new Date().toISOString()} [${this.name}] ${line}\n`);
        if (this.output.length > OUTPUT_LINES_KEPT) this.output.shift();
      }
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited while starting:\n${this.output.slice(-40).join('\n')}`);
      if (await this.healthy()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not answer /healthz within ${START_TIMEOUT_MS} ms`);
  }

  /** Whether GET /healthz answers 200 within a second. */
  healthy(): Promise<boolean> {
    return new Promise((resolve) => {
      const request = http.get({ host: '127.0.0.1', port: this.port, path: '/healthz', agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      request.setTimeout(1_000, () => request.destroy());
      request.on('error', () => resolve(false));
    });
  }

  /** `kill -9`: no shutdown at all. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    const stopped = await Promise.race([
      this.exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS)),
    ]);
    if (!stopped) await this.kill();
  }
}
