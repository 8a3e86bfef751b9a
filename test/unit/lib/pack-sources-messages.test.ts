import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import { PackSources } from '@/lib/pack-sources';
import { answerSourceMessages } from '@/lib/pack-sources-messages';

import { freshDatabase, packOf, quietHostApi } from './pack-kit';

const hostApi = quietHostApi();

const db = freshDatabase();
let sources: PackSources;
let stop: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  await db.packs.clear();
  sources = new PackSources([], { db, hostApi });
  stop = answerSourceMessages(sources);
});

afterEach(() => stop());

/** What the background answers a message from `url`, as the messaging envelope carries it. */
async function ask(url: string, type: string, data: unknown): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger({ inflow: type, data }, { url });
  return Promise.all(answers).then((all) => all.find((answer) => answer !== undefined));
}

const OPTIONS = fakeBrowser.runtime.getURL('/options.html');
const text = JSON.stringify(packOf('mine'));

describe('pack messages', () => {
  it('should install a file sent by the options page', async () => {
    const answer = await ask(OPTIONS, 'sources.import', { text, fileName: 'mine.json' });

    expect(answer).toEqual({
      value: { ok: true, id: 'mine', name: 'Pack mine', version: '1.0.0' },
    });
    expect(await db.packs.count()).toBe(1);
  });

  it('should refuse them from a web page, where a content script runs', async () => {
    const answer = await ask('https://evil.example/', 'sources.import', {
      text,
      fileName: 'x.json',
    });

    expect(answer).toEqual({ error: 'only the extension pages may change packs' });
    expect(await db.packs.count()).toBe(0);
  });

  it('should refuse a malformed message before doing anything', async () => {
    const answer = (await ask(OPTIONS, 'sources.remove', { id: '../../etc' })) as { error: string };

    expect(answer.error).toMatch(/Invalid string/);
  });

  it('should read the installed packs again when the options page wrote them itself', async () => {
    // Another page's copy stands for the options page importing a backup with a pack.
    await new PackSources([], { db, hostApi }).importFile(text, 'mine.json');
    const page = { url: 'https://mine.tracker.example/' };
    await sources.ready;
    expect(sources.rules.match(page)).toBeNull();

    await ask(OPTIONS, 'sources.reload', {});

    expect(sources.rules.match(page)).toMatchObject({ pack: 'mine', context: 'home' });
  });
});
