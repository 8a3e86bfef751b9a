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

/** ` (did you mean "hosts"?)` when a key of the format is one or two edits away. */
function didYouMean(key: string): string {
  knownKeys ??= [...keysOf(packJsonSchema())];
  const near = closest(key, knownKeys);
  return distance(key, near) <= 2 ? ` (did you mean "${near}"?)` : '';
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
  return issue.message.replace(/^Invalid input: expected /, '');
}

function foundOf(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return issue.code === 'invalid_type' ? 'nothing' : 'an invalid value';

  const shown = JSON.stringify(input) ?? String(input);
  return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
}
