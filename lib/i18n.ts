/**
 * UI strings, from `public/_locales/<lang>/messages.json` through the browser's
 * i18n API. The English catalogue names the keys; every other locale follows it.
 */
import { browser } from 'wxt/browser';

import type english from '@/public/_locales/en/messages.json';

import { logger } from './logger';

export type MessageKey = keyof typeof english;

/**
 * The message `key` in the browser's language, with `$1`… filled from `substitutions`.
 * Falls back to the key itself when the message is missing or the API is absent
 * (fake browsers in tests), so the panel always renders something readable.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch (error) {
    logger.debug(`No message for "${key}"`, error);
    return key;
  }
}
