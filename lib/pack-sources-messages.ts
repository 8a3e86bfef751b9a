/**
 * The background's answers to the options page about packs. Only the extension's
 * own pages may change packs: a content script runs inside web pages, so its
 * messages never reach these handlers' work. Every message is checked at the door.
 */
import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';

import { MAX_PACK_BYTES } from '@/rules/limits';

import type { InstalledPack } from './db';
import { onMessage } from './messaging';
import type { PackSources } from './pack-sources';
import type { SourceOutcome } from './protocol';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/);
const subscribeSchema = z.strictObject({ url: z.string().min(1).max(8192) });
// A character takes at least one byte: more characters than bytes allowed is too large.
const importSchema = z.strictObject({
  text: z.string().max(MAX_PACK_BYTES),
  fileName: z.string().max(500),
});
const packSchema = z.strictObject({ id });

const NOT_ALLOWED = "your organization's policy does not let learners add packs";

/** Answers the `sources.*` messages. Returns the remover. */
export function answerSourceMessages(sources: PackSources): () => void {
  const removers = [
    onMessage('sources.state', (_data, sender) => {
      fromExtensionPage(sender);
      return sources.state();
    }),
    onMessage('sources.subscribe', (data, sender) => {
      fromExtensionPage(sender);
      const { url } = subscribeSchema.parse(data);
      return learnerMay(sources) ?? outcome(sources.subscribe(url));
    }),
    onMessage('sources.import', (data, sender) => {
      fromExtensionPage(sender);
      const { text, fileName } = importSchema.parse(data);
      return learnerMay(sources) ?? outcome(sources.importFile(text, fileName));
    }),
    onMessage('sources.refresh', (data, sender) => {
      fromExtensionPage(sender);
      return outcome(sources.refreshNow(packSchema.parse(data).id));
    }),
    onMessage('sources.remove', async (data, sender) => {
      fromExtensionPage(sender);
      const { id: removed } = packSchema.parse(data);
      return outcome(sources.remove(removed).then(() => ({ id: removed, name: '', version: '' })));
    }),
    onMessage('sources.reload', (_data, sender) => {
      fromExtensionPage(sender);
      return sources.reload();
    }),
  ];
  return () => removers.forEach((remove) => remove());
}

function fromExtensionPage(sender: Browser.runtime.MessageSender): void {
  if (!sender.url?.startsWith(browser.runtime.getURL('/'))) {
    throw new Error('only the extension pages may change packs');
  }
}

function learnerMay(sources: PackSources): SourceOutcome | undefined {
  return sources.policy.allowLearnerPacks ? undefined : { ok: false, error: NOT_ALLOWED };
}

async function outcome(
  change: Promise<Pick<InstalledPack, 'id' | 'name' | 'version' | 'lastError'>>,
): Promise<SourceOutcome> {
  try {
    const { id: changed, name, version, lastError } = await change;
    return { ok: true, id: changed, name, version, ...(lastError ? { lastError } : {}) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
