/**
 * Regular expressions from packs run on every page of a tool, and a JavaScript
 * regular expression cannot be interrupted: one that backtracks catastrophically
 * (`(a+)+$`, `(a|a)*b`, `/*-*-*!` as a path) could freeze the browser. Validation
 * refuses them. The check is redos-detector's: it follows the expression's possible
 * backtracking paths, and treats an expression it cannot finish exploring within a
 * step budget as unsafe, so it may refuse a safe but very complex pattern.
 */
import { isSafePattern } from 'redos-detector';

/** Explored paths per expression: about 10 ms for a typical pack pattern. */
const MAX_STEPS = 2000;

/**
 * How many ways to backtrack one input position may have. Above the library's
 * default (200) so that bounded overlap (`org\\d+|[a-z0-9]+` in one segment) passes;
 * exponential patterns exhaust MAX_STEPS long before.
 */
const MAX_SCORE = 1000;

/** Why a regular expression does not compile, or `null`. Cheap: the schema runs it. */
export function regexSyntaxProblem(source: string): string | null {
  try {
    new RegExp(source, 'i');
    return null;
  } catch (error) {
    return `a valid regular expression (${oneLine(error)})`;
  }
}

/** Why a regular expression could freeze the browser, or `null` when it cannot. */
export function backtrackingProblem(source: string, caseInsensitive: boolean): string | null {
  const refused =
    'a regular expression that cannot backtrack catastrophically (no nested or overlapping repetition)';
  if (!mayBacktrack(source)) return null;

  try {
    // The detector's parser predates named groups; they do not change how it backtracks.
    const plain = source.replace(/\(\?<([A-Za-z_$][\w$]*)>/g, '(');
    const result = isSafePattern(plain, {
      caseInsensitive,
      maxSteps: MAX_STEPS,
      maxScore: MAX_SCORE,
    });
    return result.safe ? null : refused;
  } catch {
    // Syntax the detector cannot read: refuse rather than run it unchecked.
    return refused;
  }
}

/**
 * Only two shapes can backtrack more than polynomially, or polynomially to a high
 * degree: a repeated group (`(a|a)*`, `(a+)+`), and three or more unbounded
 * repetitions (`\\d*\\d*\\d*`). Others skip the detector, which is slow and overly
 * cautious on long alternations of names.
 */
function mayBacktrack(source: string): boolean {
  const plain = source.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  const repeatedGroup = /\)(?:[*+]|\{\d+,\d*\})/.test(plain);
  const unbounded = plain.match(/[*+]|\{\d+,\}/g)?.length ?? 0;
  return repeatedGroup || unbounded >= 3;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
}
