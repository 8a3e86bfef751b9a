/**
 * Why a backup cannot be imported, in words a learner can act on: what is wrong,
 * where (a JSON path such as `statements[12].timestamp`) and what to do.
 */
import type { z } from 'zod';

/** Why an import was refused; each has a message for the learner (see `BackupError`). */
export type BackupRefusal =
  'too-large' | 'truncated' | 'too-deep' | 'not-json' | 'not-backup' | 'newer' | 'invalid';

/**
 * An import that was refused; nothing was written. Caught by name. `values` fill
 * the learner's message for `reason`; `problems` are one line each, starting with
 * the JSON path. The English `message` is for logs and tests.
 */
export class BackupError extends Error {
  override name = 'BackupError';

  constructor(
    readonly reason: BackupRefusal,
    message: string,
    readonly values: readonly string[] = [],
    readonly problems: readonly string[] = [],
  ) {
    super(`${message} ${NOTHING_IMPORTED}`);
  }
}

const NOTHING_IMPORTED = 'Nothing was imported.';
const SHOWN_PROBLEMS = 10;

/** `['statements', 12, 'timestamp']` → `statements[12].timestamp`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)';

  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      return index === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
}

/** The first problems of a failed check, one line each. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.slice(0, SHOWN_PROBLEMS).map((issue) => {
    return `${jsonPath(issue.path)}: ${issue.message}`;
  });
  const more = issues.length - SHOWN_PROBLEMS;
  return more > 0 ? [...lines, `…and ${more} more problems`] : lines;
}
