import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files known to run far longer than the rest (the chaos storm: 2–3 minutes on the 2-core CI
 * machines), matched on their path. Vitest's own order runs large files first when it has no
 * durations of an earlier run (a clean clone on CI has none), and the storm is a small file: it
 * started last, and the other worker sat idle while it ran.
 */
const LONG_FILES: readonly RegExp[] = [/\/test\/chaos\//];

/**
 * Vitest's order (failed first, then longest, from the durations of earlier runs when it has them;
 * else largest first), with {@link LONG_FILES} moved to the front, so the other workers fill the
 * time they take with the many short files instead of waiting at the end.
 */
export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLong = (file: TestSpecification) => LONG_FILES.some((pattern) => pattern.test(file.moduleId));
    return [...sorted.filter(isLong), ...sorted.filter((file) => !isLong(file))];
  }
}
