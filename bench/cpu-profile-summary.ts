/**
 * `node dist/bench/cpu-profile-summary.js FILE.cpuprofile [rows] [--functions]`: where a V8 CPU profile (node
 * --cpu-prof, e.g. the server's under `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"`)
 * spent its busy time, per module: an npm package, a file of this project's build (`server/…`),
 * a node: built-in, or a native frame such as `(writev)` (socket writes) or `(garbage collector)`.
 * "self" is time in the module's own frames; "total" is time with the module anywhere on the stack
 * (counted once per sample), so a caller's total includes its callees'. Percentages are of the busy
 * time (idle samples left out). Async continuations start from the microtask queue, so an
 * `await`ing function's total misses what runs after its first await: read "self" for who burns
 * the CPU, "total" for who calls into it synchronously. `--functions` lists functions instead of
 * modules (name, module and line), self and total alike.
 */
import fs from 'node:fs';

/** The part of a .cpuprofile this summary reads (V8's Profile object). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber?: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The module a frame belongs to: the npm package, the built file, or the native frame's name. */
function moduleOf(callFrame: { functionName: string; url: string }): string {
  if (!callFrame.url) return `(${callFrame.functionName || 'native'})`;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(callFrame.url);
  if (inPackage) return inPackage[1]!;
  const inBuild = /\/dist\/(.*)$/.exec(callFrame.url);
  return inBuild ? inBuild[1]! : callFrame.url;
}

/** The function a frame runs: its name, module and line (1-based). */
function functionOf(callFrame: { functionName: string; url: string; lineNumber?: number }): string {
  if (!callFrame.url) return moduleOf(callFrame);
  return `${callFrame.functionName || '(anonymous)'} ${moduleOf(callFrame)}:${(callFrame.lineNumber ?? -1) + 1}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const byFunction = args.includes('--functions');
  const [file, rowsText] = args.filter((arg) => arg !== '--functions');
  if (!file) throw new Error('usage: node dist/bench/cpu-profile-summary.js FILE.cpuprofile [rows] [--functions]');
  const unitOf = byFunction ? functionOf : moduleOf;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });

  const selfByModule = new Map<string, number>();
  const totalByModule = new Map<string, number>();
  let busyMicros = 0;
  let idleMicros = 0;
  for (const [id, micros] of selfMicros) {
    const node = nodes.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      idleMicros += micros;
      continue;
    }
    busyMicros += micros;
    const own = unitOf(node.callFrame);
    selfByModule.set(own, (selfByModule.get(own) ?? 0) + micros);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) onStack.add(unitOf(nodes.get(at)!.callFrame));
    for (const name of onStack) totalByModule.set(name, (totalByModule.get(name) ?? 0) + micros);
  }

  const percent = (micros: number) => `${((100 * micros) / busyMicros).toFixed(1).padStart(5)} %`;
  console.log(`${file}: busy ${(busyMicros / 1e6).toFixed(2)} s, idle ${(idleMicros / 1e6).toFixed(2)} s`);
  console.log(`${'self'.padStart(7)}  ${'total'.padStart(7)}  ${byFunction ? 'function' : 'module'}`);
  const rows = [...selfByModule].sort((left, right) => right[1] - left[1]).slice(0, Number(rowsText ?? 40));
  for (const [name, micros] of rows) console.log(`${percent(micros)}  ${percent(totalByModule.get(name) ?? 0)}  ${name}`);
}

main();
