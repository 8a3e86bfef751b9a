/**
 * Reading the text files the CLI is given: packs and policies. A file that is not
 * UTF-8 is refused with the place of its first bad byte, rather than read with
 * U+FFFD in place of the bytes, which would let a pack saved in another encoding
 * pass validation with its text changed.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

import { utf8Text } from '@/lib/utf8';
import { bytesOf, MAX_PACK_BYTES, PACK_SIZE_LIMIT } from '@/rules/limits';

/**
 * The file's text; throws NotUtf8Error naming the place of the first bad byte, and
 * FileTooLargeError before reading a file over the pack limit (which also bounds
 * policy files): a 600 MB file would otherwise be read whole, only to be refused.
 */
export async function readUtf8(file: string): Promise<string> {
  const found = await stat(file);
  if (found.isFile() && found.size > MAX_PACK_BYTES) throw new FileTooLargeError(found.size);

  const bytes = await readFile(file);
  const text = utf8Text(bytes);
  if (text === undefined) throw new NotUtf8Error(placeOfFirstBadByte(bytes));
  return text;
}

/**
 * Why a file could not be read, in words, with the full path that was tried, so that
 * a relative path read from an unexpected folder shows at once.
 */
export function readFailure(error: unknown): string {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const tried = path ? ` (tried ${resolve(path)})` : '';
  if (code === 'ENOENT') return `no such file${tried}`;
  if (code === 'EISDIR') return `a folder, not a file${tried}`;
  if (code === 'EACCES') return `not allowed to read it${tried}`;
  return error instanceof Error ? error.message : String(error);
}

export class FileTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`expected a file of ${PACK_SIZE_LIMIT}, found ${bytesOf(bytes)}`);
  }
}

export class NotUtf8Error extends Error {
  constructor(readonly place: string) {
    super(`expected UTF-8 text, found a byte that is not UTF-8 at ${place}`);
  }
}

/** "line 3, column 7 (byte 41)": where the first bad sequence starts, counting from 1. */
function placeOfFirstBadByte(bytes: Uint8Array): string {
  // Streaming decode waits for characters cut at the end, so a prefix fails exactly
  // when it holds a bad sequence: search for the longest prefix that passes.
  const decodes = (length: number) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), {
        stream: true,
      });
    } catch {
      return undefined;
    }
  };
  let passes = 0;
  let fails = bytes.length;
  while (fails - passes > 1) {
    const middle = Math.floor((passes + fails) / 2);
    if (decodes(middle) === undefined) fails = middle;
    else passes = middle;
  }

  // The text before the bad sequence; its start is the byte after that text's own,
  // and after the byte order mark, which the decoder reads without a character.
  const before = decodes(passes) ?? '';
  const mark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const byte = mark + new TextEncoder().encode(before).length + 1;
  // Lines end at LF, CRLF or a lone CR, as the duplicate-key check counts them.
  const lines = before.split(/\r\n|\r|\n/);
  const line = lines.length;
  const column = lines.at(-1)!.length + 1;
  return `line ${line}, column ${column} (byte ${byte})`;
}
