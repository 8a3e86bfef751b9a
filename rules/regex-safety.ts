/**
 * Regular expressions from packs run on every page of a tool, so a pattern that can
 * backtrack catastrophically (`(a+)+$`) could freeze the browser. Such patterns are
 * refused when a pack is validated; inputs are also cut to bounded lengths
 * (see MAX_URL_LENGTH and MAX_TEXT_LENGTH).
 *
 * The check is safe-regex2's star-height test: it refuses nested quantifiers, the
 * common cause. It does not catch every slow pattern (overlapping alternatives under
 * one quantifier pass); the input bounds limit those (2026-12-03).
 */
import safeRegex from 'safe-regex2';

/** Why a regular expression cannot be used, or `null` when it can. */
export function regexProblem(source: string): string | null {
  try {
    new RegExp(source, 'i');
  } catch (error) {
    return `a valid regular expression (${error instanceof Error ? error.message : error})`;
  }
  if (!safeRegex(source)) {
    return 'a regular expression without nested quantifiers, which can freeze the browser';
  }
  return null;
}
