/**
 * Pack text arrives as bytes (a download, a chosen file). Bytes that are not UTF-8
 * are refused rather than read with U+FFFD in their place, which would change the
 * pack's text without a word.
 */
export function utf8Text(bytes: BufferSource): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
