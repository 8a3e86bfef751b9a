/**
 * Reads the selected text of a tab, once, when the learner asks to bookmark it.
 * Inflow has no access to pages outside its packs' hosts; the shortcut and the
 * context menu grant `activeTab` for the tab they were used in, and that is what
 * lets this script run there. Without that grant it fails, and the bookmark is
 * saved without the selection.
 */
import { browser } from 'wxt/browser';

import type { PageReading } from './bookmark-capture';
import { BOOKMARK_LIMITS } from './bookmark-draft';
import { logger } from './logger';

/** The page's address, title and selection, or `undefined` when Inflow may not read the tab. */
export async function readPage(tabId: number): Promise<PageReading | undefined> {
  // Firefox has `scripting` in Manifest V2 since version 102; older browsers do not.
  if (!browser.scripting) return undefined;

  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: readSelectionInPage,
      args: [BOOKMARK_LIMITS.selection + 1],
    });
    return asReading(frame?.result);
  } catch (error) {
    logger.debug(`Tab ${tabId} cannot be read; saving without the selection`, error);
    return undefined;
  }
}

/**
 * Runs inside the page, in the extension's isolated world (page scripts cannot
 * change what it sees of `getSelection`). Self-contained: the browser serializes it.
 * A selection inside a text field is read from the field, never from a password one.
 */
function readSelectionInPage(max: number): PageReading {
  const field = document.activeElement;
  const typed =
    field instanceof HTMLTextAreaElement ||
    (field instanceof HTMLInputElement && ['text', 'search', 'url', 'tel'].includes(field.type));
  const selection = typed
    ? field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0)
    : String(getSelection() ?? '');

  return { url: location.href, title: document.title, selection: selection.slice(0, max) };
}

/** The page's answer is untrusted: only strings are taken from it. */
function asReading(value: unknown): PageReading | undefined {
  if (typeof value !== 'object' || value === null) return undefined;

  const { url, title, selection } = value as Record<string, unknown>;
  const text = (each: unknown) => (typeof each === 'string' ? each : undefined);
  return { url: text(url), title: text(title), selection: text(selection) };
}
