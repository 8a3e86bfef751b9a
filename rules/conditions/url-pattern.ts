/**
 * URLPattern syntax (`/lightning/r/:object/:id/view`, `:id([0-9]+)`, `{/}?`, `*`)
 * compiled to native regular expressions with path-to-regexp 6, whose grammar
 * URLPattern's is based on. Patterns match the whole component, case-sensitively,
 * as URLPattern does by default.
 */
import { parse, pathToRegexp, type Key } from 'path-to-regexp';
import { z } from 'zod';

import {
  BacktrackingCheck,
  canMatchCharacter,
  canVaryInLength,
  log2Ways,
  MAX_WAYS,
} from '../regex-safety';

export interface ComponentPattern {
  exec(value: string): Record<string, string> | null;
}

/**
 * Compiles one component pattern. `delimiter` separates segments: `/` for paths
 * and fragments, `.` for hosts. Throws with the library's message on bad syntax.
 */
export function compileComponentPattern(source: string, delimiter = '/'): ComponentPattern {
  const cacheKey = `${delimiter}${source}`;
  const cached = compiledPatterns.get(cacheKey);
  if (cached) return cached;

  const keys: Key[] = [];
  const regexp = patternRegExp(source, delimiter, keys);
  const compiled: ComponentPattern = {
    exec(value) {
      const found = regexp.exec(value);
      if (!found) return null;
      return namedGroups(keys, found);
    },
  };
  if (compiledPatterns.size >= MAX_CACHED_PATTERNS) compiledPatterns.clear();
  compiledPatterns.set(cacheKey, compiled);
  return compiled;
}

/**
 * Patterns compiled so far, by delimiter and source. Packs repeat patterns (every
 * tool has its `/`), and one shared native expression per pattern keeps the matcher's
 * code small and warm. Sharing is safe: the expressions have no `g` or `y` flag, so
 * `exec` keeps no state.
 */
const compiledPatterns = new Map<string, ComponentPattern>();
// Bounds the memory kept across pack changes; real packs share a few dozen patterns.
const MAX_CACHED_PATTERNS = 5000;

/** The native regular expression a pattern compiles to; `keys` receives its groups. */
export function patternRegExp(source: string, delimiter = '/', keys: Key[] = []): RegExp {
  return pathToRegexp(bareWildcards(source), keys, {
    sensitive: true,
    strict: true,
    delimiter,
    prefixes: delimiter,
  });
}

/** A pattern in a pack: refused at validation unless it compiles. */
export function patternSchema(delimiter: string) {
  return z
    .string()
    .max(1000)
    .superRefine((source, context) => {
      const problem = patternProblem(source, delimiter);
      if (problem) context.addIssue({ code: 'custom', message: problem, input: source });
    });
}

/** Why a pattern cannot be used, or `null` when it compiles. */
export function patternProblem(source: string, delimiter = '/'): string | null {
  try {
    patternRegExp(source, delimiter);
    return null;
  } catch (error) {
    return `a URLPattern pattern (${error instanceof Error ? error.message : error})`;
  }
}

/**
 * Why a pattern could backtrack catastrophically, or `null`. Each group's own
 * expression is checked; then the ways the pattern itself can explode: a repeated
 * group that can span segments (`/:a(.+)+`), more than two groups that can span
 * segments (`/*-*-*!`, `/:a([^?]*)/:b([^?]*)/:c([^?]*)!`: cubic on a long
 * address), and groups of one segment that together can split it in too many ways
 * (`/:a-:b-:c!`, cubic on a long segment; twenty `(a|a)` in a row).
 */
export function patternBacktrackingProblem(
  source: string,
  delimiter = '/',
  check = new BacktrackingCheck(),
): string | null {
  const tokens = parse(bareWildcards(source), { delimiter, prefixes: delimiter });
  const groups = tokens.filter((token): token is Key => typeof token !== 'string');

  for (const group of groups) {
    // A group always matches a whole segment (or more): check it anchored, as it runs.
    const problem = check.problemOf(`^(?:${group.pattern})$`, false);
    if (problem) return `${problem}, in the group "${String(group.name)}"`;
  }
  const spanning = groups.filter((group) => spansSegments(group, delimiter));
  if (spanning.some((group) => group.modifier === '+' || group.modifier === '*')) {
    return 'a pattern without a repeated group that can span segments (such as "/:a(.+)+")';
  }
  if (spanning.length > 2) return 'a pattern with at most two wildcards that can span segments';
  const echoing = groups.find(
    (group) => (group.modifier === '+' || group.modifier === '*') && echoesItsPrefix(group),
  );
  if (echoing) {
    const name = String(echoing.name);
    return (
      `a pattern whose repeated group cannot also take its own prefix, unlike "${name}" ` +
      '(such as "{-:tag([a-z0-9]+)}*")'
    );
  }
  if (log2WaysOfPattern(tokens, spanning) > Math.log2(MAX_WAYS)) {
    return (
      'a pattern with at most two groups of varying length in one segment ' +
      '(give the others a fixed length, such as ":year(\\d{4})")'
    );
  }
  return null;
}

/**
 * A repeated group of varying length that can take its own prefix: `{-:tag([a-z-]+)}*`
 * can split "----" between its repeats in countless ways.
 */
function echoesItsPrefix(group: Key): boolean {
  const first = group.prefix[0];
  return canVaryInLength(group.pattern) && (!first || canMatchCharacter(group.pattern, first));
}

/** A group that can take the delimiter, and so run across segments: `*`, `(.+)`, `([^?]*)`. */
function spansSegments(group: Key, delimiter: string): boolean {
  return canVaryInLength(group.pattern) && canMatchCharacter(group.pattern, delimiter);
}

/**
 * How many ways the groups between two pinned places can split the text there
 * together, as a base-2 logarithm, for the stretch where that is most. A literal
 * pins the place where it stands when no group before it in the stretch can take its
 * first character: `/` after `[^/]+`, `.do` after `[a-z_]+`. An optional group that
 * would pin (`{/:id}?`) may be absent, so both ways are counted. A group alone in
 * its stretch had its own check. Groups that span segments are limited to two on
 * their own; a literal after one bounds its ways by how often the literal occurs, so
 * one counts here only when another group follows it directly (`*:a([a-z]*)`).
 */
function log2WaysOfPattern(tokens: readonly (string | Key)[], spanning: readonly Key[]): number {
  let widest = 0;
  let stretch: Stretch = { ways: 0, groups: [] };
  let previous: Key | undefined;
  for (const token of tokens) {
    if (typeof token === 'string') {
      if (pins(stretch, token)) stretch = { ways: 0, groups: [] };
      previous = undefined;
      continue;
    }
    if (token.pattern === '') continue;

    const adjacent = token.prefix === '' ? previous : undefined;
    const counted = !spanning.includes(token) || adjacent !== undefined;
    const before = adjacent && spanning.includes(adjacent) ? log2Ways(adjacent.pattern) : 0;
    stretch = withGroup(stretch, token, (counted ? log2Ways(token.pattern) : 0) + before);
    if (stretch.groups.length > 1) widest = Math.max(widest, stretch.ways);
    previous = token;
  }
  return widest;
}

interface Stretch {
  ways: number;
  groups: Key[];
}

function withGroup(stretch: Stretch, group: Key, ways: number): Stretch {
  const joined = { ways: stretch.ways + ways, groups: [...stretch.groups, group] };
  if (!pins(stretch, group.prefix)) return joined;

  const alone = { ways, groups: [group] };
  const mayBeAbsent = group.modifier === '?' || group.modifier === '*';
  return mayBeAbsent && stretch.ways > alone.ways ? stretch : alone;
}

function pins(stretch: Stretch, literal: string): boolean {
  const first = literal[0];
  if (first === undefined) return false;
  return !stretch.groups.some((group) => canMatchCharacter(group.pattern, first));
}

/**
 * The first segment every path matching a pathname pattern starts with, when the
 * pattern spells it out: `area` for `/area/:id` or `/area{/:id}?`; `undefined` for
 * `/:kind/x`, `/item-:id` or `/area*`, whose first segment varies.
 */
export function leadingSegment(source: string): string | undefined {
  const [first, ...rest] = parse(bareWildcards(source), { delimiter: '/', prefixes: '/' });
  if (typeof first !== 'string' || !first.startsWith('/')) return undefined;

  const end = first.indexOf('/', 1);
  if (end !== -1) return first.slice(1, end);
  return segmentEndsAfter(rest) ? first.slice(1) : undefined;
}

/**
 * Whether whatever follows a pattern's first literal starts a new segment on every
 * path it matches: a `/`, the end, or a group that begins with `/` and must be there.
 * A group that may be left out (`/issues/:id?.json` matches `/issues.json`) passes
 * the decision to what comes after it.
 */
function segmentEndsAfter(tokens: readonly (string | Key)[]): boolean {
  for (const token of tokens) {
    if (typeof token === 'string') return token.startsWith('/');
    if (!token.prefix.startsWith('/')) return false;
    if (token.modifier !== '?' && token.modifier !== '*') return true;
  }
  return true;
}

/** The first segment of a pathname: `area` for `/area/7`, `` for `/`. */
export function firstSegment(pathname: string): string {
  const end = pathname.indexOf('/', 1);
  return pathname.slice(1, end === -1 ? undefined : end);
}

// URLPattern lets `*` stand alone for "anything"; path-to-regexp 6 needs it as a group.
// A `*` inside a `(regex)` or right after a name, `)` or `}` is a modifier and stays.
function bareWildcards(source: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (char === '\\') {
      out += char + (source[++i] ?? '');
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') depth--;
    const isModifier = depth > 0 || /[\w)}]/.test(source[i - 1] ?? '');
    out += char === '*' && !isModifier ? '(.*)' : char;
  }
  return out;
}

function namedGroups(keys: Key[], found: RegExpExecArray): Record<string, string> {
  const groups: Record<string, string> = {};
  keys.forEach((key, index) => {
    const value = found[index + 1];
    if (typeof key.name === 'string' && value !== undefined) groups[key.name] = decode(value);
  });
  return groups;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
