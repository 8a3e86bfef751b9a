/**
 * Limits that keep an untrusted pack from exhausting the browser: its size in
 * bytes and how deeply its JSON nests. Both are checked before the schema runs,
 * since the schema walks nested conditions recursively.
 */
import { visit } from 'jsonc-parser';

import { jsonPath, type Problem } from './problem';

export const MAX_PACK_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 40;

/** The first place where the value nests deeper than MAX_DEPTH, found without recursion. */
export function depthProblem(value: unknown): Problem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '$', depth: 0 }];

  while (stack.length > 0) {
    const { value: node, path, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_DEPTH) {
      return {
        path,
        expected: `nesting at most ${MAX_DEPTH} levels deep`,
        found: 'deeper nesting',
      };
    }
    for (const [key, child] of Object.entries(node)) {
      const childPath = Array.isArray(node) ? `${path}[${key}]` : `${path}.${key}`;
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/** Parses a pack file's text, refusing oversized input before parsing it. */
export function parsePackText(text: string): { value: unknown } | { problem: Problem } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES) {
    const found = `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return { problem: { path: '$', expected: 'a pack of at most 5 MB', found } };
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { path: '$', expected: 'valid JSON', found: reason } };
  }

  // Depth first: the key check below recurses, as the schema does.
  const problem = depthProblem(value) ?? repeatedKeyProblem(text);
  return problem ? { problem } : { value };
}

/**
 * The first key written twice in one object. JSON.parse keeps the last and drops the
 * first without a word, so a pack with two `contexts` would lose one of them; the
 * admin is told instead. jsonc-parser's visitor reads the text once more, about as
 * fast as JSON.parse, and only after it succeeded.
 */
export function repeatedKeyProblem(text: string): Problem | null {
  const objects: Set<string>[] = [];
  let problem: Problem | null = null;

  visit(text, {
    onObjectBegin: () => void objects.push(new Set()),
    onObjectEnd: () => void objects.pop(),
    onObjectProperty: (key, _offset, _length, line, column, pathOf) => {
      const keys = objects.at(-1)!;
      if (!problem && keys.has(key)) {
        const found = `${JSON.stringify(key)} a second time, at line ${line + 1}, column ${column + 1}`;
        problem = { path: jsonPath(pathOf()), expected: 'each key once in an object', found };
      }
      keys.add(key);
    },
  });
  return problem;
}
