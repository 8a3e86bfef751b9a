/**
 * The learning record store an organization's policy names, if any: the one place
 * besides the learner's own exports that learning events may go. Read from managed
 * storage (key `recordStore`, an https address); absent on personal installs.
 */
import { storage } from 'wxt/utils/storage';

import { logger } from './logger';

export async function recordStoreAddress(): Promise<string | null> {
  try {
    const value = await storage.getItem<unknown>('managed:recordStore');
    return typeof value === 'string' && /^https:\/\//.test(value) ? value : null;
  } catch (error) {
    // Browsers without managed storage, or no policy schema: no record store.
    logger.debug('No managed record store', error);
    return null;
  }
}
