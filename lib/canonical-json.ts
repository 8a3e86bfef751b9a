/**
 * JSON with every object's keys in sorted order. Rows read back from IndexedDB keep
 * the key order they were written with, which differs between a row the panel wrote
 * and the same row restored from a file; sorting makes an export depend on the
 * record's content alone, so export, import, export gives the same bytes.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;

  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = (value as Record<string, unknown>)[key];
  }
  return sorted;
}
