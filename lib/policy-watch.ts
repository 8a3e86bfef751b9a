/**
 * Follows the organization's policy: managed storage is read at start, without
 * start-up waiting for it (the first answer takes seconds), and again whenever it
 * changes, so a policy that arrives or changes later applies without a restart.
 */
import { browser } from 'wxt/browser';

import { logger } from './logger';
import type { PolicyReading } from './pack-settings';
import { readPolicy } from './policy';

/** Calls `apply` with every reading, newest last. Returns the remover. */
export function watchPolicy(apply: (reading: PolicyReading) => void): () => void {
  let latest = 0;
  const read = async () => {
    const turn = ++latest;
    const managed = await readManaged();
    // A slower earlier read must not overwrite a newer one.
    if (turn === latest) apply({ ...readPolicy(managed), readAt: new Date().toISOString() });
  };
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') void read();
  };

  browser.storage.onChanged.addListener(onChanged);
  void read();
  return () => browser.storage.onChanged.removeListener(onChanged);
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get(null)) ?? {};
  } catch (error) {
    // Firefox rejects when no policy names the extension: the same as no policy.
    logger.debug('No managed storage:', error);
    return {};
  }
}
