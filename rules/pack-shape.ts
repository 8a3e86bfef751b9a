/**
 * The part of pack validation that every load runs: nesting depth, the schema, and
 * the references inside the pack. Cheap enough for the service worker's start, where
 * the bundled packs are checked this way; `validatePack` adds the backtracking check.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';

import { crossReferenceProblems } from './cross-references';
import { packJsonSchema } from './json-schema';
import { structureProblems } from './limits';
import { jsonPath, type Problem } from './problem';
import { packSchema, type Pack } from './schema';

export type Validation = { ok: true; pack: Pack } | { ok: false; problems: Problem[] };

/** Checks a parsed JSON value against the pack format; never throws. */
export function checkPackShape(value: unknown): Validation {
  const structure = structureProblems(value);
  if ('tooDeep' in structure) return { ok: false, problems: [structure.tooDeep] };

  const { prototypeKeys } = structure;
  const parsed = packSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, problems: [...prototypeKeys, ...parsed.error.issues.flatMap(toProblems)] };
  }
  if (prototypeKeys.length > 0) return { ok: false, problems: prototypeKeys };

  const problems = crossReferenceProblems(parsed.data);
  return problems.length === 0 ? { ok: true, pack: parsed.data } : { ok: false, problems };
}

function toProblems(issue: z.core.$ZodIssue): Problem[] {
  if (issue.code !== 'unrecognized_keys') {
    return [{ path: jsonPath(issue.path), expected: expectedOf(issue), found: foundOf(issue) }];
  }

  // A key "__proto__" has its own problem, from structureProblems.
  const keys = issue.keys.filter((key) => key !== '__proto__');
  if (keys.length === 0) return [];
  const named = keys.map((key) => `${shown(key)}${didYouMean(key, issue.path)}`).join(', ');
  return [
    {
      path: jsonPath(issue.path),
      expected: 'only known keys',
      found: `unknown key${keys.length > 1 ? 's' : ''} ${named}`,
    },
  ];
}

/**
 * ` (did you mean "hosts"?)` when a key the format allows at that place is one or two
 * edits away: `host` is a key of conditions, but in a tool a typo for `hosts`.
 */
function didYouMean(key: string, path: PropertyKey[]): string {
  const near = closest(key, keysAllowedAt(path));
  return near !== undefined && distance(key, near) <= 2 ? ` (did you mean "${near}"?)` : '';
}

type SchemaNode = Record<string, unknown>;

let formatSchema: SchemaNode | undefined;

/** The keys the pack's JSON Schema allows in the object at `path`. */
function keysAllowedAt(path: PropertyKey[]): string[] {
  const root = (formatSchema ??= packJsonSchema());
  const defs = (root.$defs ?? {}) as Record<string, SchemaNode>;

  // Each step follows a property or an array's items through every alternative a
  // union (a condition is one of several shapes) and a reference (nested conditions) offers.
  let nodes = alternatives(root, defs);
  for (const step of path) {
    nodes = nodes.flatMap((node) => {
      const properties = node.properties as Record<string, SchemaNode> | undefined;
      const child =
        typeof step === 'number'
          ? node.items
          : (properties?.[String(step)] ?? node.additionalProperties);
      return typeof child === 'object' && child ? alternatives(child as SchemaNode, defs) : [];
    });
  }
  return [...new Set(nodes.flatMap((node) => Object.keys(node.properties ?? {})))];
}

/**
 * The object shapes a schema node may take: through a reference, and through each
 * member of a union (`anyOf`, `oneOf`) or of an intersection (`allOf`), whose keys
 * all count. References only lead back to conditions, so a few steps reach every
 * shape; the bound keeps a reference to itself from looping.
 */
function alternatives(node: SchemaNode, defs: Record<string, SchemaNode>, depth = 0): SchemaNode[] {
  if (depth > 8) return [];
  if (typeof node.$ref === 'string') {
    const target = defs[node.$ref.replace('#/$defs/', '')];
    return target ? alternatives(target, defs, depth + 1) : [];
  }
  const union = (node.anyOf ?? node.oneOf ?? node.allOf) as SchemaNode[] | undefined;
  if (union) return union.flatMap((member) => alternatives(member, defs, depth + 1));
  return [node];
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return issue.expected === 'int' ? 'a whole number' : issue.expected;
  if (issue.code === 'invalid_key') return keyExpected(issue.issues[0]);
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((value) => JSON.stringify(value));
    return values.length === 1 ? values[0]! : `one of ${values.join(', ')}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') return sizeOf(issue);
  // Zod's own sentences ("Invalid string: must match pattern …"), without their label.
  return issue.message.replace(/^[A-Z][a-z]+( [a-z]+)?: (expected )?/, '');
}

/** What a record's key must be: `a key of at most 80 characters`, or the pattern's words. */
function keyExpected(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'a valid key';
  if (issue.code === 'too_small' || issue.code === 'too_big') return `a key of ${sizeOf(issue)}`;
  return expectedOf(issue);
}

/** `at least 1 item`, `at most 80 characters`, `a number at least 0`. */
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

  return shown(input);
}

/** A value as JSON, cut to 80 characters: a problem line quotes, it does not reprint. */
function shown(value: unknown): string {
  // JSON.parse reads 1e309 as Infinity, which JSON.stringify would write as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value} (too large a number)`;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}
