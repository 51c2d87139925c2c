// Goal: server processes started together on an empty database all come up (migrations and the demo seed taken in turn under advisory locks), and a production start seeds and prints no demo account, serves no /dev/mail and binds loopback unless HOST says otherwise. Method: real `node dist/server/main.js` child processes (the server compiled as npm start compiles it) on fresh PostgreSQL databases, probed over HTTP and SQL.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsList } from '../server/migrations/index.js';
import { buildServer, createEmptyDatabase, startServerProcess, type BuiltServer, type ServerProcess } from './support/server-process.js';

let built: BuiltServer;
const started: ServerProcess[] = [];

beforeAll(async () => {
  built = await buildServer();
});
afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(built.mainFile, env);
  started.push(server);
  return server;
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Whether a TCP connection to `host:port` is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function operatorTokenOf(output: string): string {
  const match = /Operator token \(PLATFORM_ADMIN\): (\S+)/.exec(output);
  if (!match) throw new Error(`No operator token printed:\n${output}`);
  return match[1]!;
}

describe('three processes starting together on an empty database', () => {
  it('all come up, the schema is migrated once and the demo seeded once', async () => {
    const databaseUrl = await createEmptyDatabase();
    const servers = await Promise.all([1, 2, 3].map(() => start({ DATABASE_URL: databaseUrl })));

    const applied = await query<{ name: string }>(databaseUrl, 'select name from mikro_orm_migrations order by id');
    expect(applied.map((row) => row.name)).toEqual(migrationsList.map((migration) => migration.name));
    for (const server of servers) {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        ready: true,
        checks: { database: { ok: true }, migrations: { ok: true }, outboxTail: { ok: true } },
      });
    }
    // One of them seeded the demo; the others found accounts and said so.
    const demos = servers.filter((server) => server.output().includes('Demo account API key (OWNER)'));
    expect(demos).toHaveLength(1);
    expect(servers.filter((server) => server.output().includes('No demo account: this database already had accounts.'))).toHaveLength(2);
    expect(await query(databaseUrl, 'select id from account')).toHaveLength(1);
    for (const server of servers) expect(server.output()).not.toMatch(/error/i);
    expect((await Promise.all(servers.map((server) => server.stop()))).every((code) => code === 0)).toBe(true);
  });
});

describe('development and production starts', () => {
  it('outside production: seeds and prints the demo, serves /dev/mail to the operator only, binds 127.0.0.1', async () => {
    const server = await start({ DATABASE_URL: await createEmptyDatabase() });
    const output = server.output();
    expect(output).toMatch(/Demo account API key \(OWNER\): +sw_/);
    expect(output).toMatch(/Demo sign-in \(OWNER\): +demo@spendwire\.local \/ \S+/);
    const token = operatorTokenOf(output);
    const anonymous = await fetch(`${server.url}/dev/mail`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const demoKey = /Demo account API key \(OWNER\): +(\S+)/.exec(output)![1]!;
    const owner = await fetch(`${server.url}/dev/mail`, { headers: { authorization: `Bearer ${demoKey}` } });
    expect(owner.status).toBe(403);
    expect(((await owner.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const admin = await fetch(`${server.url}/dev/mail`, { headers: { authorization: `Bearer ${token}` } });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('Captured mail');
    // A browser's own prompt: any user name, the operator token as password.
    const basic = await fetch(`${server.url}/dev/mail`, {
      headers: { authorization: `Basic ${Buffer.from(`operator:${token}`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);

    const port = Number(new URL(server.url).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    // Another loopback address reaches a server bound to 0.0.0.0, not one bound to 127.0.0.1.
    expect(await accepts('127.0.0.2', port)).toBe(false);
  });

  it('HOST=0.0.0.0 binds every interface', async () => {
    const server = await start({ DATABASE_URL: await createEmptyDatabase(), HOST: '0.0.0.0' });
    expect(await accepts('127.0.0.2', Number(new URL(server.url).port))).toBe(true);
  });

  it('NODE_ENV=production: no demo account seeded or printed, no /dev/mail even for the operator', async () => {
    const databaseUrl = await createEmptyDatabase();
    const server = await start({ DATABASE_URL: databaseUrl, NODE_ENV: 'production' });
    const output = server.output();
    expect(output).toContain('No demo account (NODE_ENV=production).');
    expect(output).not.toMatch(/Demo account API key|Demo sign-in|demo@spendwire/);
    expect(output).toContain('E-mail:     NOT DELIVERED: set SMTP_URL');
    expect(await query(databaseUrl, 'select id from account')).toHaveLength(0);
    expect(await query(databaseUrl, 'select id from app_user')).toHaveLength(0);
    const token = operatorTokenOf(output);
    const page = await fetch(`${server.url}/dev/mail`, { headers: { authorization: `Bearer ${token}` } });
    expect(page.status).toBe(404);
    expect(((await page.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    // The API itself is up.
    const me = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(await me.json()).toEqual({ data: { me: { role: 'PLATFORM_ADMIN' } } });
  });
});
