import { describe, expect, it, vi } from 'vitest';

import { backupChunks } from '@/lib/backup-export';
import { importBackupText } from '@/lib/backup-import';
import type { BackupError } from '@/lib/backup-problems';
import type { InflowDatabase, ModuleProgress } from '@/lib/db';
import { readStatements, statementCount } from '@/lib/statement-pages';

import { contentsOf, databaseWith, emptyDatabase } from './record-arbitraries';

const progress: ModuleProgress = {
  key: 'p/m',
  pack: 'p',
  module: 'm',
  done: false,
  answers: {},
  updatedAt: '2026-01-02T00:00:00.000Z',
};

const statement = {
  uuid: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  verb: 'experienced' as const,
  pack: 'p',
  module: 'm',
  timestamp: '2026-01-02T00:00:00.000Z',
};

const record = {
  learner: null,
  packs: [],
  progress: [progress],
  reviews: [],
  bookmarks: [],
  statements: [statement],
};

async function backupText(db: InflowDatabase): Promise<string> {
  return (await backupChunks(db)).join('');
}

/** The refusal of importing `text` into a record with one progress row, and that record after. */
async function refusal(text: string) {
  const db = await databaseWith({ ...record, statements: [] });
  const before = await contentsOf(db);

  const error = await importBackupText(db, text).then(
    () => null,
    (thrown: unknown) => thrown as BackupError,
  );

  expect(await contentsOf(db)).toEqual(before);
  return error;
}

function backupWith(change: (backup: Record<string, unknown>) => void): string {
  const backup: Record<string, unknown> = {
    format: 'inflow-backup',
    version: 1,
    learner: null,
    packs: [],
    progress: [],
    reviews: [],
    bookmarks: [],
    statements: [statement, { ...statement, uuid: '1d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6' }],
  };
  change(backup);
  return JSON.stringify(backup);
}

describe('importing a file that is not a good backup', () => {
  it('should name a truncated file and change nothing', async () => {
    const text = await backupText(await databaseWith(record));

    const error = await refusal(text.slice(0, Math.floor(text.length / 2)));

    expect(error?.name).toBe('BackupError');
    expect(error?.reason).toBe('truncated');
    expect(error?.message).toBe(
      'The file ends before the backup does (cut off?). Nothing was imported.',
    );
  });

  it('should name a file nested 100,000 levels deep, without a stack overflow', async () => {
    const error = await refusal(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);

    expect(error?.reason).toBe('too-deep');
    expect(error?.values).toEqual(['16', '16']);
  });

  it('should name a row whose values nest deeper than a backup ever does', async () => {
    const deep = backupWith((backup) => {
      backup.progress = [
        { ...progress, answers: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) },
      ];
    });

    expect((await refusal(deep))?.reason).toBe('too-deep');
  });

  it.each([
    ['text that is not JSON', 'hello', 'not-json'],
    ['JSON of another kind', '{"statements": []}', 'not-backup'],
    ['an array', '[1, 2]', 'not-backup'],
    ['an empty file', '', 'truncated'],
  ])('should refuse %s', async (_, text, reason) => {
    expect((await refusal(text))?.reason).toBe(reason);
  });

  it('should tell a file from a newer Inflow to update first', async () => {
    const error = await refusal(backupWith((backup) => (backup.version = 2)));

    expect(error?.reason).toBe('newer');
    expect(error?.values).toEqual(['2', '1']);
    expect(error?.message).toContain('Update Inflow, then import again.');
  });

  it.each([
    [
      'a wrong timestamp',
      (b: Record<string, unknown>) => (b.statements = [{ ...statement, timestamp: 'yesterday' }]),
      'statements[0].timestamp: Invalid ISO datetime',
    ],
    [
      'an unknown field',
      (b: Record<string, unknown>) => (b.statements = [{ ...statement, mood: 'happy' }]),
      'statements[0]: Unrecognized key: "mood"',
    ],
    [
      'a missing table',
      (b: Record<string, unknown>) => delete b.bookmarks,
      'bookmarks: Invalid input: expected array, received undefined',
    ],
    [
      'a progress key that does not match its module',
      (b: Record<string, unknown>) => (b.progress = [{ ...progress, key: 'p/other' }]),
      'progress[0].key: key must be "<pack>/<module>"',
    ],
    [
      'the same statement twice',
      (b: Record<string, unknown>) => (b.statements = [statement, statement]),
      'statements[1].uuid: the same as statements[0]; each must appear once',
    ],
  ])('should name %s by its JSON path', async (_, change, problem) => {
    const error = await refusal(backupWith(change));

    expect(error?.reason).toBe('invalid');
    expect(error?.problems).toEqual([problem]);
  });

  it('should stop listing problems after ten', async () => {
    const text = backupWith((backup) => {
      backup.statements = Array.from({ length: 25 }, () => ({ ...statement, verb: 'liked' }));
    });

    const error = await refusal(text);

    expect(error?.values).toEqual(['25']);
    expect(error?.problems.at(-1)).toBe('…and 15 more problems');
  });
});

describe('importing a good backup', () => {
  it('should read a file that starts with a byte order mark', async () => {
    const db = emptyDatabase();

    const summary = await importBackupText(db, `\uFEFF${backupWith(() => {})}`);

    expect(summary.statements).toEqual({ added: 2, updated: 0 });
  });

  it('should write nothing at all when one table cannot be written', async () => {
    const recorded = { ...statement, uuid: '2d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6' };
    const db = await databaseWith({ ...record, progress: [], statements: [recorded] }, 0);
    const before = await contentsOf(db);
    const text = await backupText(await databaseWith(record));
    vi.spyOn(db.statementPages, 'bulkPut').mockRejectedValueOnce(new Error('disk failed'));

    await expect(importBackupText(db, text)).rejects.toThrow('disk failed');

    expect(await contentsOf(db)).toEqual(before);
    expect(await db.statements.count()).toBe(1);
  });

  it('should add new statements after those already kept, in the order of the file', async () => {
    const uuid = (n: number) => `${n}d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6`;
    const mine = [1, 2, 3].map((n) => ({ ...statement, uuid: uuid(n), module: `mine-${n}` }));
    const db = await databaseWith({ ...record, statements: mine }, 1);
    const file = backupWith((backup) => {
      backup.statements = [5, 2, 4].map((n) => ({
        ...statement,
        uuid: uuid(n),
        module: `file-${n}`,
      }));
    });

    const summary = await importBackupText(db, file);

    expect(summary.statements).toEqual({ added: 2, updated: 0 });
    expect((await readStatements(db)).map((s) => s.module)).toEqual([
      'mine-1',
      'mine-2',
      'mine-3',
      'file-5',
      'file-4',
    ]);
  });

  it('should keep the later of two versions of a row, and add only new statements', async () => {
    const db = await databaseWith({
      ...record,
      progress: [{ ...progress, done: true, updatedAt: '2026-01-03T00:00:00.000Z' }],
    });
    const older = backupWith((backup) => (backup.progress = [progress]));
    const newer = backupWith(
      (backup) => (backup.progress = [{ ...progress, updatedAt: '2026-01-04T00:00:00.000Z' }]),
    );

    const first = await importBackupText(db, older);
    const afterOlder = (await db.progress.get('p/m'))?.done;
    const second = await importBackupText(db, newer);

    expect([first.progress, first.statements]).toEqual([
      { added: 0, updated: 0 },
      { added: 1, updated: 0 },
    ]);
    expect(afterOlder).toBe(true);
    expect(second.progress).toEqual({ added: 0, updated: 1 });
    expect((await db.progress.get('p/m'))?.done).toBe(false);
    expect(await statementCount(db)).toBe(2);
  });
});
