/** A problem found in a pack or a file an admin or learner hands in. */
export interface Problem {
  /** A JSON path such as `$.tools[0].contexts[2].when.path`. */
  path: string;
  expected: string;
  found: string;
}

/** Formats a problem as one line: `$.tools[0].id: expected …, found …`. */
export function formatProblem(problem: Problem): string {
  return oneLine(`${problem.path}: expected ${problem.expected}, found ${problem.found}`);
}

/**
 * Text from a pack or a page made safe to print as one line: every control
 * character (C0, DEL and C1, where U+009B starts a terminal command as ESC [ does),
 * line and paragraph separator, byte order mark and bidirectional override is
 * written as `\uXXXX`, so that no file can forge more lines, recolour the terminal,
 * or show its text in another order than it holds.
 */
export function oneLine(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(pathStep, '$');
}

/** One step further into a JSON path: `[2]`, `.when`, or `["key with spaces"]`. */
export function pathStep(path: string, segment: PropertyKey): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  const key = String(segment);
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
