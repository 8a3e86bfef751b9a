/**
 * URLPattern syntax (`/lightning/r/:object/:id/view`, `:id([0-9]+)`, `{/}?`, `*`)
 * compiled to native regular expressions with path-to-regexp 6, whose grammar
 * URLPattern's is based on. Patterns match the whole component, case-sensitively,
 * as URLPattern does by default.
 */
import { parse, pathToRegexp, type Key } from 'path-to-regexp';
import { z } from 'zod';

import { regexProblem } from '../regex-safety';

export interface ComponentPattern {
  exec(value: string): Record<string, string> | null;
}

/**
 * Compiles one component pattern. `delimiter` separates segments: `/` for paths
 * and fragments, `.` for hosts. Throws with the library's message on bad syntax.
 */
export function compileComponentPattern(source: string, delimiter = '/'): ComponentPattern {
  const keys: Key[] = [];
  const regexp = pathToRegexp(bareWildcards(source), keys, {
    sensitive: true,
    strict: true,
    delimiter,
    prefixes: delimiter,
  });

  return {
    exec(value) {
      const found = regexp.exec(value);
      if (!found) return null;
      return namedGroups(keys, found);
    },
  };
}

/** A pattern in a pack: refused at validation unless it compiles to safe expressions. */
export function patternSchema(delimiter: string) {
  return z
    .string()
    .max(1000)
    .superRefine((source, context) => {
      const problem = patternProblem(source, delimiter);
      if (problem) context.addIssue({ code: 'custom', message: problem, input: source });
    });
}

/** Why a pattern cannot be used, or `null` when it compiles to safe expressions. */
export function patternProblem(source: string, delimiter = '/'): string | null {
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(bareWildcards(source), { delimiter, prefixes: delimiter });
    compileComponentPattern(source, delimiter);
  } catch (error) {
    return `a URLPattern pattern (${error instanceof Error ? error.message : error})`;
  }

  for (const token of tokens) {
    if (typeof token === 'string') continue;
    const problem = regexProblem(token.pattern);
    if (problem) return `${problem}, in the group "${String(token.name)}"`;
  }
  return null;
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
