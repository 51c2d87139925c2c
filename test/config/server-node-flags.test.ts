// Goal: the server's V8 flags (config.ts SERVER_NODE_FLAGS) do what their comment says — a node started
// with them gets a young generation larger than V8's default of 2 × 16 MiB — and a process without them
// is told which are missing, from its node flags or NODE_OPTIONS. Method: real node child processes.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { missingServerNodeFlags, SERVER_NODE_FLAGS } from '../../server/config.js';

/** Allocates short-lived objects until V8 has grown its new space as far as it may, and prints its size in MiB. */
const NEW_SPACE_MIB_SCRIPT = `
const v8 = require('node:v8');
let keep = [];
for (let i = 0; i < 3e6; i++) { keep.push({ i, text: 'x' + i }); if (keep.length > 50000) keep = []; }
const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
process.stdout.write(String(space.space_size / 2 ** 20));`;

function newSpaceMib(flags: readonly string[]): number {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return Number(execFileSync(process.execPath, [...flags, '-e', NEW_SPACE_MIB_SCRIPT], { env, encoding: 'utf8' }));
}

describe('SERVER_NODE_FLAGS', () => {
  it('gives the young generation more than the default two 16 MiB semi-spaces, up to two 64 MiB ones', () => {
    expect(SERVER_NODE_FLAGS).toEqual(['--max-semi-space-size=64']);
    expect(newSpaceMib([])).toBeLessThanOrEqual(32);
    const withFlags = newSpaceMib(SERVER_NODE_FLAGS);
    expect(withFlags).toBeGreaterThan(32);
    expect(withFlags).toBeLessThanOrEqual(128);
  });

  it('names the flags missing from both the node flags and NODE_OPTIONS, whatever value is given', () => {
    expect(missingServerNodeFlags([], undefined)).toEqual(['--max-semi-space-size=64']);
    expect(missingServerNodeFlags(['--cpu-prof'], '--enable-source-maps')).toEqual(['--max-semi-space-size=64']);
    expect(missingServerNodeFlags(['--max-semi-space-size=64'], undefined)).toEqual([]);
    expect(missingServerNodeFlags([], '--enable-source-maps  --max-semi-space-size=32')).toEqual([]);
    // node accepts underscores for dashes in V8 flags.
    expect(missingServerNodeFlags(['--max_semi_space_size=64'], undefined)).toEqual([]);
    expect(missingServerNodeFlags(['--max-semi-space-size-other=64'], undefined)).toEqual(['--max-semi-space-size=64']);
  });
});
