import { describe, expect, it } from 'vitest';

import { eraseRecord } from '@/lib/erase-record';
import { PackSources } from '@/lib/pack-sources';

import { freshDatabase, packOf, quietHostApi } from './pack-kit';

const hostApi = quietHostApi();

describe('Delete everything', () => {
  it("should empty the learner's record and keep the installed packs", async () => {
    const db = freshDatabase();
    await new PackSources([], { db, hostApi }).importFile(JSON.stringify(packOf('mine')), 'm.json');
    const at = new Date().toISOString();
    await db.progress.put({
      key: 'mine/welcome',
      pack: 'mine',
      module: 'welcome',
      done: true,
      answers: {},
      updatedAt: at,
    });

    await eraseRecord(db);

    expect(await db.progress.count()).toBe(0);
    expect((await db.packs.toArray()).map((row) => row.id)).toEqual(['mine']);
  });
});
