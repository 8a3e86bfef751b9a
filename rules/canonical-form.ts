/**
 * The canonical form of a pack: the exact bytes a pack signature covers, so that
 * re-indenting a pack or reordering its keys never breaks its signature, while any
 * change to a value does.
 *
 * JSON with no whitespace; every object's keys in ascending order of their UTF-16
 * code units; strings and numbers written as `JSON.stringify` writes them; the
 * top-level `signature` field left out; the text encoded as UTF-8. For a pack
 * without lone surrogates this is the JSON Canonicalization Scheme of RFC 8785.
 */

/** The canonical UTF-8 bytes of a pack, its top-level `signature` field left out. */
export function canonicalPackBytes(pack: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalPackText(pack));
}

/** The canonical text of a pack; see {@link canonicalPackBytes}. Throws on non-JSON values. */
export function canonicalPackText(pack: unknown): string {
  if (!isPlainObject(pack)) return canonicalText(pack);

  const { signature: _signature, ...rest } = pack;
  return canonicalText(rest);
}

// Written out rather than through JSON.stringify's replacer: an object built with
// sorted keys still lists integer-like keys ("2", "10") first in numeric order.
function canonicalText(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalText(value[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`not a JSON value: ${typeof value}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
