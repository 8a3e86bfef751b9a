/**
 * `browser.i18n.getMessage` as Chrome answers it in English, for the fake browser
 * (which has no i18n): placeholders first, then `$1`… from the substitutions.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import english from '@/public/_locales/en/messages.json';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalogue: Record<string, Entry> = english;

export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';

  const values = [substitutions ?? []].flat();
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
  });
}

/** Makes the panel speak English in tests; undone by `vi.restoreAllMocks()`. */
export function speakEnglish(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    englishMessage as typeof fakeBrowser.i18n.getMessage,
  );
}
