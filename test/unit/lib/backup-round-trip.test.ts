import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { backupChunks } from '@/lib/backup-export';
import { importBackupText } from '@/lib/backup-import';

import { contentsOf, databaseWith, emptyDatabase, randomRecord } from './record-arbitraries';

const exported = async (db: Parameters<typeof backupChunks>[0]) =>
  (await backupChunks(db)).join('');

describe('a full backup', () => {
  it('should restore any record into an empty database exactly', async () => {
    await fc.assert(
      fc.asyncProperty(randomRecord, async (record) => {
        const source = await databaseWith(record);
        const target = emptyDatabase();

        await importBackupText(target, await exported(source));

        expect(await contentsOf(target)).toEqual(await contentsOf(source));
      }),
      { numRuns: 60 },
    );
  });

  it('should give the same bytes on export, import, export', async () => {
    await fc.assert(
      fc.asyncProperty(randomRecord, async (record) => {
        const first = await exported(await databaseWith(record));
        const target = emptyDatabase();

        await importBackupText(target, first);

        expect(await exported(target)).toBe(first);
      }),
      { numRuns: 60 },
    );
  });

  it('should change nothing when the same file is imported twice', async () => {
    await fc.assert(
      fc.asyncProperty(randomRecord, async (record) => {
        const file = await exported(await databaseWith(record));
        const target = emptyDatabase();
        await importBackupText(target, file);
        const once = await contentsOf(target);

        const summary = await importBackupText(target, file);

        expect(await contentsOf(target)).toEqual(once);
        expect(Object.values(summary).every((t) => t.added === 0 && t.updated === 0)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
