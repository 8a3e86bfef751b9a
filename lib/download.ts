/**
 * Hands a file to the browser's downloads, from an extension page: no `downloads`
 * permission needed, and nothing leaves the device.
 */

/** Saves `blob` as `name` in the learner's downloads. */
export function downloadFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();

  // The download has taken its copy once the click's task ends.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `inflow-backup-2026-12-03.json`: the kind of file and the day, local time. */
export function exportName(kind: string, extension: string, now = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  return `inflow-${kind}-${day}.${extension}`;
}
