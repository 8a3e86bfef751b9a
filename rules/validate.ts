/**
 * Pack validation for admins: every problem at once, each with its JSON path, what
 * was expected and what was found. Validation never throws; it only reports.
 */
import { backtrackingProblems } from './backtracking';
import { checkPackShape, type Validation } from './pack-shape';

export { formatProblem, jsonPath, type Problem } from './problem';
export type { Validation } from './pack-shape';

/**
 * Checks a parsed JSON value against the pack format, then refuses regular
 * expressions that could backtrack catastrophically (milliseconds per pattern).
 */
export function validatePack(value: unknown): Validation {
  const shape = checkPackShape(value);
  if (!shape.ok) return shape;

  const problems = backtrackingProblems(shape.pack);
  return problems.length === 0 ? shape : { ok: false, problems };
}
