/**
 * Limits that keep an untrusted pack from exhausting the browser: its size in
 * bytes and how deeply its JSON nests. Both are checked before the schema runs,
 * since the schema walks nested conditions recursively.
 */
import {
  createScanner,
  parse,
  printParseErrorCode,
  SyntaxKind,
  type ParseError,
} from 'jsonc-parser';

import { jsonPath, pathStep, type Problem } from './problem';

export const MAX_PACK_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 40;

/** The size limit in words, exact: "5.0 MB" would hide a pack one byte over it. */
const PACK_MEGABYTES = MAX_PACK_BYTES / 1024 / 1024;
export const PACK_SIZE_LIMIT = `at most ${PACK_MEGABYTES} MB (${bytesOf(MAX_PACK_BYTES)})`;

export function bytesOf(count: number): string {
  return `${count.toLocaleString('en')} bytes`;
}

/**
 * What the build of a parsed value breaks, found in one walk: nesting deeper than
 * MAX_DEPTH (then alone, since the schema walks nesting recursively and must not
 * run), else every key "__proto__". JSON.parse keeps such a key as data, but a
 * checked copy cannot hold it: Zod drops it from a map such as `set` without a word,
 * so it is refused with a reason instead.
 */
export function structureProblems(
  value: unknown,
): { tooDeep: Problem } | { prototypeKeys: Problem[] } {
  const prototypeKeys: Problem[] = [];
  for (const { node, path, depth } of objectsIn(value)) {
    if (depth >= MAX_DEPTH) return { tooDeep: nestingProblem(path) };
    if (!Array.isArray(node) && Object.hasOwn(node, '__proto__')) {
      prototypeKeys.push({
        path: pathStep(path, '__proto__'),
        expected: 'any key but "__proto__", which a JavaScript object cannot hold',
        found: 'that key',
      });
    }
  }
  return { prototypeKeys };
}

/** The first place where the value nests deeper than MAX_DEPTH. */
export function depthProblem(value: unknown): Problem | null {
  const found = structureProblems(value);
  return 'tooDeep' in found ? found.tooDeep : null;
}

/** Every object and array in a parsed JSON value, with its path and depth, without recursion. */
function* objectsIn(value: unknown): Generator<{ node: object; path: string; depth: number }> {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '$', depth: 0 }];

  while (stack.length > 0) {
    const { value: node, path, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    yield { node, path, depth };
    // Pushed last to first, so the walk meets them in the order they are written.
    for (const [key, child] of Object.entries(node).reverse()) {
      const childPath = pathStep(path, Array.isArray(node) ? Number(key) : key);
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
}

function nestingProblem(path: string): Problem {
  return { path, expected: `nesting at most ${MAX_DEPTH} levels deep`, found: 'deeper nesting' };
}

/** Parses a pack file's text, refusing oversized input before parsing it. */
export function parsePackText(text: string): { value: unknown } | { problem: Problem } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES) {
    return {
      problem: { path: '$', expected: `a pack of ${PACK_SIZE_LIMIT}`, found: bytesOf(bytes) },
    };
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problem: { path: '$', expected: 'valid JSON', found: placeSyntaxError(reason, text) },
    };
  }

  const problem = depthProblem(value) ?? writtenProblem(text);
  return problem ? { problem } : { value };
}

/**
 * A JSON syntax error as an admin looks for it in an editor: what is wrong, at which
 * line and column. V8 names the offset of most errors; for an unexpected token it
 * names no place and echoes the text instead (whole, or cut with `...` at either
 * end), so jsonc-parser's first error says what and where.
 */
function placeSyntaxError(reason: string, text: string): string {
  const position = /at position (\d+)/.exec(reason);
  if (position) {
    const what = reason.replace(/( in JSON)? at position \d+.*$/s, '');
    return `${what} at ${lineAndColumn(text, Number(position[1]))}`;
  }

  const found =
    firstSyntaxError(text) ??
    (reason.startsWith('Unexpected end') ? { what: reason, offset: text.length } : undefined);
  if (found) return `${found.what} at ${lineAndColumn(text, found.offset)}`;
  // Nesting deep enough to overflow jsonc-parser's recursion: V8's words, without the echo.
  return reason
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ is not valid JSON$/, '');
}

/** Lines end at LF, CRLF or a lone CR, as the duplicate-key check counts them. */
function lineAndColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

/** jsonc-parser's error codes, in words. */
const SYNTAX_ERRORS: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidSymbol: 'Unexpected characters, not a JSON value',
  InvalidNumberFormat: 'A malformed number',
  PropertyNameExpected: 'Expected a double-quoted property name',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':'",
  CommaExpected: "Expected ','",
  CloseBraceExpected: "Expected '}'",
  CloseBracketExpected: "Expected ']'",
  EndOfFileExpected: 'Unexpected text after the JSON',
  InvalidCommentToken: 'A comment, which JSON does not allow',
  UnexpectedEndOfComment: 'A comment that does not end',
  UnexpectedEndOfString: 'A string that does not end',
  UnexpectedEndOfNumber: 'A number that does not end',
  InvalidUnicode: 'A malformed \\u escape',
  InvalidEscapeCharacter: 'A malformed escape',
  InvalidCharacter: 'A control character in a string',
};

function firstSyntaxError(text: string): { what: string; offset: number } | undefined {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch {
    return undefined;
  }
  const first = errors[0];
  if (!first) return undefined;
  const code = printParseErrorCode(first.error);
  return { what: SYNTAX_ERRORS[code] ?? code, offset: first.offset };
}

/** Where the reading of a JSON text stands in one object or array. */
interface Level {
  /** The keys the object has shown so far; absent for an array. */
  keys?: Set<string>;
  /** The key or index of the value being read. */
  at: string | number;
}

/**
 * What only the text shows, once JSON.parse has taken it: a key written twice in one
 * object, which JSON.parse drops without a word (a pack with two `contexts` would
 * lose one), and nesting deeper than the limit inside that dropped copy. A token scan
 * with a stack of its own, so that deep nesting cannot overflow the call stack.
 */
export function writtenProblem(text: string): Problem | null {
  const scanner = createScanner(text, true);
  const levels: Level[] = [];
  let keyNext = false;

  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const level = levels.at(-1);
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (levels.length >= MAX_DEPTH) return nestingProblem(jsonPath(levels.map(({ at }) => at)));
      keyNext = token === SyntaxKind.OpenBraceToken;
      levels.push(keyNext ? { keys: new Set(), at: '' } : { at: 0 });
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      levels.pop();
      keyNext = false;
    } else if (token === SyntaxKind.CommaToken && level) {
      if (level.keys) keyNext = true;
      else level.at = Number(level.at) + 1;
    } else if (token === SyntaxKind.StringLiteral && keyNext && level?.keys) {
      keyNext = false;
      const key = scanner.getTokenValue();
      if (level.keys.has(key)) {
        const place = `line ${scanner.getTokenStartLine() + 1}, column ${scanner.getTokenStartCharacter() + 1}`;
        const found = `${JSON.stringify(key)} a second time, at ${place}`;
        const path = jsonPath(levels.slice(0, -1).map(({ at }) => at));
        return { path, expected: 'each key once in an object', found };
      }
      level.keys.add(key);
      level.at = key;
    }
  }
  return null;
}
