import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Options of {@link withFolderLock}. */
export interface FolderLockOptions {
  /** Age after which another process's lock is taken as abandoned and broken, in milliseconds. */
  staleMs: number;
  /** Longest wait for the lock, in milliseconds, before giving up with an error. */
  timeoutMs: number;
  /** How often a waiting process looks whether the lock is free, in milliseconds. @default 100 */
  pollMs?: number;
}

/**
 * Runs `work` while holding a lock shared by every process of the machine: the folder `lockDir`,
 * which only one `mkdir` can create. Test files in parallel workers use it so that one of them
 * builds what all need (the dashboard, the server) while the others wait. A lock older than
 * `staleMs` (its holder died) is broken.
 * @throws Error when the lock stays taken for `timeoutMs`.
 */
export async function withFolderLock<T>(lockDir: string, options: FolderLockOptions, work: () => Promise<T>): Promise<T> {
  const deadlineMs = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const heldSinceMs = await fs.stat(lockDir).then(
        (stat) => stat.mtimeMs,
        () => Date.now(),
      );
      if (Date.now() - heldSinceMs > options.staleMs) await fs.rm(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadlineMs) throw new Error(`Timed out waiting for the lock ${lockDir}`);
      else await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

/**
 * The folder of a test run's server build (server-process.ts `buildServer`), named after the run's
 * database prefix; global-setup.ts removes it at the end of the run.
 */
export function serverBuildFolder(testDatabasePrefix: string): string {
  return path.join(os.tmpdir(), `${testDatabasePrefix}server_build`);
}
