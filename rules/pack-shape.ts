/**
 * The part of pack validation that every load runs: nesting depth, the schema, and
 * the references inside the pack. Cheap enough for the service worker's start, where
 * the bundled packs are checked this way; `validatePack` adds the backtracking check.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';

import { crossReferenceProblems } from './cross-references';
import { packJsonSchema } from './json-schema';
import { depthProblem } from './limits';
import { jsonPath, type Problem } from './problem';
import { packSchema, type Pack } from './schema';

export type Validation = { ok: true; pack: Pack } | { ok: false; problems: Problem[] };

/** Checks a parsed JSON value against the pack format; never throws. */
export function checkPackShape(value: unknown): Validation {
  const tooDeep = depthProblem(value);
  if (tooDeep) return { ok: false, problems: [tooDeep] };

  const parsed = packSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(toProblem) };

  const problems = crossReferenceProblems(parsed.data);
  return problems.length === 0 ? { ok: true, pack: parsed.data } : { ok: false, problems };
}

function toProblem(issue: z.core.$ZodIssue): Problem {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"${didYouMean(key)}`).join(', ');
    return {
      path: jsonPath(issue.path),
      expected: 'only known keys',
      found: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`,
    };
  }
  return { path: jsonPath(issue.path), expected: expectedOf(issue), found: foundOf(issue) };
}

let knownKeys: string[] | undefined;

/**
 * ` (did you mean "hosts"?)` when another key of the format is one or two edits away.
 * Not the key itself: `host` is a key of conditions, but in a tool a typo for `hosts`.
 */
function didYouMean(key: string): string {
  knownKeys ??= [...new Set(keysOf(packJsonSchema()))];
  const candidates = knownKeys.filter((known) => known !== key);
  const near = closest(key, candidates);
  return near !== undefined && distance(key, near) <= 2 ? ` (did you mean "${near}"?)` : '';
}

function* keysOf(schema: unknown): Generator<string> {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && typeof value === 'object' && value) yield* Object.keys(value);
    yield* keysOf(value);
  }
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.expected;
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((value) => JSON.stringify(value));
    return values.length === 1 ? values[0]! : `one of ${values.join(', ')}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') return sizeOf(issue);
  // Zod's own sentences ("Invalid string: must match pattern …"), without their label.
  return issue.message.replace(/^[A-Z][a-z]+( [a-z]+)?: (expected )?/, '');
}

/** `at least 1 item`, `at most 80 characters`, `a number of at least 0`. */
function sizeOf(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const least = issue.code === 'too_small';
  const limit = Number(least ? issue.minimum : issue.maximum);
  const exclusive = issue.inclusive === false;
  const bound = `${least ? (exclusive ? 'more than' : 'at least') : exclusive ? 'less than' : 'at most'} ${limit}`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return `${bound} item${limit === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return `${bound} character${limit === 1 ? '' : 's'}`;
  return `a number ${bound}`;
}

function foundOf(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return 'nothing';

  const shown = JSON.stringify(input) ?? String(input);
  return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
}
