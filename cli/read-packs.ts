/** Reading pack files for the CLI: JSON parse errors and problems reported per file. */

import { loadBundledPacks } from '@/rules/bundled';
import { parsePackText } from '@/rules/limits';
import type { Pack } from '@/rules/schema';
import { formatProblem, validatePack } from '@/rules/validate';

import { FileTooLargeError, NotUtf8Error, readFailure, readUtf8 } from './read-text';

export class PackFileError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/**
 * Problems of one pack file, as lines `FILE: $.path: expected …, found …`; none when
 * valid. `value` is the parsed JSON as written, `pack` the checked pack.
 */
export async function problemsOf(
  file: string,
): Promise<{ pack?: Pack; value?: unknown; lines: string[] }> {
  let text: string;
  try {
    text = await readUtf8(file);
  } catch (error) {
    if (error instanceof NotUtf8Error || error instanceof FileTooLargeError) {
      return { lines: [`${file}: $: ${error.message}`] };
    }
    return { lines: [`${file}: $: expected a readable file, found ${readFailure(error)}`] };
  }

  const parsed = parsePackText(text);
  if ('problem' in parsed) return { lines: [`${file}: ${formatProblem(parsed.problem)}`] };

  const result = validatePack(parsed.value);
  if (result.ok) return { pack: result.pack, value: parsed.value, lines: [] };
  return { lines: result.problems.map((problem) => `${file}: ${formatProblem(problem)}`) };
}

/** The packs of the given files, or the bundled packs when none are given. */
export async function readPacks(files: readonly string[]): Promise<Pack[]> {
  if (files.length === 0) return loadBundledPacks().packs;

  const results = await Promise.all(files.map(problemsOf));
  const lines = results.flatMap((result) => result.lines);
  if (lines.length > 0) throw new PackFileError(lines);
  return results.map((result) => result.pack as Pack);
}
