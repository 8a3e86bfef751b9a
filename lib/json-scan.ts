/**
 * A look at a JSON text before it is parsed: how deep it nests and whether it
 * ends where it should. A truncated download and a file built to nest thousands of
 * levels deep both get a message that says so, instead of a parser's error.
 */
export type JsonShape =
  | { ok: true }
  | { ok: false; reason: 'too-deep'; offset: number }
  | { ok: false; reason: 'truncated' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
// Compared directly, not through a Set, since this runs once for each character
// of a file that may be 50 MB.
const OPEN_SQUARE = 0x5b;
const OPEN_CURLY = 0x7b;
const CLOSE_SQUARE = 0x5d;
const CLOSE_CURLY = 0x7d;

/** Walks `text` once, outside strings counting brackets; stops at `maxDepth`. */
export function scanJson(text: string, maxDepth: number): JsonShape {
  let depth = 0;
  let inString = false;

  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);

    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_SQUARE || code === OPEN_CURLY) {
      if (++depth > maxDepth) return { ok: false, reason: 'too-deep', offset: index };
    } else if (code === CLOSE_SQUARE || code === CLOSE_CURLY) {
      depth--;
    }
  }

  return inString || depth > 0 ? { ok: false, reason: 'truncated' } : { ok: true };
}
