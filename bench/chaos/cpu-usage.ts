/**
 * CPU time used by the storm's own processes (the harness, each server process, the PostgreSQL
 * cluster with all its backends), read from /proc: on a machine shared with other work the wall
 * time of a storm says little, the CPU seconds each part spends per operation say where its time
 * goes. Linux only; elsewhere every reading is undefined.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux in use). */
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  /** utime + stime of the process itself, in s. */
  own: number;
  /** cutime + cstime: its children that exited and were waited for, in s. */
  children: number;
}

function readTimes(pid: number): ProcessTimes | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after its closing parenthesis start at field 3.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const at = (field: number) => Number(fields[field - 3]);
    return {
      own: (at(14) + at(15)) / TICKS_PER_SECOND,
      children: (at(16) + at(17)) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by one process (itself only), or undefined when unreadable. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : readTimes(pid)?.own;
}

/**
 * CPU seconds used so far by a PostgreSQL cluster: its postmaster, its live children (backends,
 * background workers) and the children that already exited (counted in the postmaster's
 * children's times once reaped). Undefined when unreadable.
 */
export function clusterCpuSeconds(postmasterPid: number | undefined): number | undefined {
  if (postmasterPid === undefined) return undefined;
  const postmaster = readTimes(postmasterPid);
  if (!postmaster) return undefined;
  let total = postmaster.own + postmaster.children;
  let children: number[];
  try {
    // The kernel's list of the postmaster's children (cheap: no scan of every process).
    children = fs.readFileSync(`/proc/${postmasterPid}/task/${postmasterPid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return undefined;
  }
  for (const child of children) total += readTimes(child)?.own ?? 0;
  return total;
}

/** One part of the storm whose CPU time is metered: how to find its process now, and how to read it. */
export interface MeteredPart {
  name: string;
  /** The process's pid now (it changes when the part is restarted); undefined while it is down. */
  pid(): number | undefined;
  /** CPU seconds used so far by this pid (since it started). */
  read(pid: number): number | undefined;
}

/**
 * Accumulates the CPU seconds of parts that may be restarted (a killed server, a restarted
 * PostgreSQL): sampled often, a part's new pid starts a new count from its own zero. What a
 * process used between its last sample and its death is not counted (at most one interval's).
 */
export class CpuMeter {
  private readonly last = new Map<string, { pid: number; seconds: number }>();
  private readonly totals = new Map<string, number>();

  constructor(private readonly parts: MeteredPart[]) {
    for (const part of parts) this.totals.set(part.name, 0);
  }

  /** Reads every part once and adds what each used since the previous sample. */
  sample(): void {
    for (const part of this.parts) {
      const pid = part.pid();
      if (pid === undefined) continue;
      const seconds = part.read(pid);
      if (seconds === undefined) continue;
      const previous = this.last.get(part.name);
      const used = previous?.pid === pid ? seconds - previous.seconds : seconds;
      this.totals.set(part.name, this.totals.get(part.name)! + Math.max(0, used));
      this.last.set(part.name, { pid, seconds });
    }
  }

  /** CPU seconds per part accumulated so far (after a fresh sample). */
  snapshot(): Map<string, number> {
    this.sample();
    return new Map(this.totals);
  }
}
