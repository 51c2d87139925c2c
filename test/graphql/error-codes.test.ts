// Goal: the schema's ErrorCode enum lists exactly the `extensions.code` values the server can answer.
// Method: scan server/ for codes set on errors (DomainError classes, GraphQLError extensions, transport errors) and compare both ways with the enum.
import dns from 'node:dns';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE_DESCRIPTIONS, ErrorCode } from '../../server/errors.js';
import { createSchema } from '../../server/graphql/schema.js';

/** Every .ts file under `dir`, recursively. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return Promise.resolve(entry.name.endsWith('.ts') ? [full] : []);
    }),
  );
  return nested.flat();
}

/** The server's sources, without its migrations (SQL, no error codes) and without the definition of the codes themselves. */
async function serverSources(): Promise<Map<string, string>> {
  const files = (await sourceFiles(path.resolve('server'))).filter((file) => !file.includes(`${path.sep}migrations${path.sep}`));
  const sources = new Map<string, string>();
  for (const file of files) sources.set(path.relative(process.cwd(), file), await fs.readFile(file, 'utf8'));
  const errors = sources.get(path.join('server', 'errors.ts'))!;
  // The descriptions' keys are the definition, not a use: leave them out of the scan.
  sources.set(path.join('server', 'errors.ts'), errors.replace(/export const ERROR_CODE_DESCRIPTIONS = \{[\s\S]*?\} as const/, ''));
  return sources;
}

/** Node.js system error codes (errno and resolver names such as ENOTFOUND): set on socket errors, never on an answer. */
const SYSTEM_ERROR_CODES = new Set<string>([
  ...Object.keys(os.constants.errno),
  ...Object.values(dns as Record<string, unknown>).filter((value): value is string => typeof value === 'string' && /^E[A-Z]+$/.test(value)),
]);

/** Codes the sources set on an answer: `code: 'X'`, `code = 'X'`, `ErrorCode.X`, the transport's `TransportErrorCode` union and `QUERY_TOO_COMPLEX`. */
function codesSet(sources: Map<string, string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (code: string, file: string) => {
    if (!SYSTEM_ERROR_CODES.has(code)) found.set(code, [...(found.get(code) ?? []), file]);
  };
  for (const [file, text] of sources) {
    for (const match of text.matchAll(/\bcode\s*[:=]\s*'([A-Z][A-Z_]+)'/g)) add(match[1]!, file);
    for (const match of text.matchAll(/\bErrorCode\.([A-Z][A-Z_]+)/g)) add(match[1]!, file);
    for (const match of text.matchAll(/export const ([A-Z][A-Z_]+) = '\1';/g)) add(match[1]!, file);
    const union = /export type TransportErrorCode =([^;]+);/.exec(text);
    for (const match of union?.[1]?.matchAll(/'([A-Z][A-Z_]+)'/g) ?? []) add(match[1]!, file);
  }
  return found;
}

describe('ErrorCode', () => {
  it('lists every code the server sets on an error', async () => {
    const used = codesSet(await serverSources());
    const unknown = [...used]
      .filter(([code]) => !(code in ERROR_CODE_DESCRIPTIONS))
      .map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('lists no code the server never sets', async () => {
    const used = codesSet(await serverSources());
    expect(Object.keys(ErrorCode).filter((code) => !used.has(code))).toEqual([]);
  });

  it('is published in the schema with a description per value', async () => {
    const type = (await createSchema()).getType('ErrorCode');
    expect(type && isEnumType(type)).toBe(true);
    if (!type || !isEnumType(type)) return;
    expect(type.getValues().map((value) => value.name)).toEqual(Object.keys(ERROR_CODE_DESCRIPTIONS));
    for (const value of type.getValues()) expect(value.description).toBe(ERROR_CODE_DESCRIPTIONS[value.name as ErrorCode]);
  });
});
