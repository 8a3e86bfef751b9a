/**
 * Test builds only: fixture-build.ts appends this file to the background script,
 * so tests can call, inside the real service worker, the very handlers that the
 * context menu and the keyboard shortcut run. Headless Chromium can neither open
 * its native context menu nor press a browser-level shortcut. Production builds
 * (`npm run build`) never include this file, so the shipped worker exposes nothing.
 */
import { BOOKMARK_MENUS, bookmarkFromCommand, bookmarkFromMenu } from '@/lib/bookmark-actions';

/** What a test finds at `globalThis.inflowTest` in the test build's service worker. */
export interface WorkerHooks {
  BOOKMARK_MENUS: typeof BOOKMARK_MENUS;
  bookmarkFromMenu: typeof bookmarkFromMenu;
  bookmarkFromCommand: typeof bookmarkFromCommand;
}

const hooks: WorkerHooks = { BOOKMARK_MENUS, bookmarkFromMenu, bookmarkFromCommand };
Object.assign(globalThis, { inflowTest: hooks });
