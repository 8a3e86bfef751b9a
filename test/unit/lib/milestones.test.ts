import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';

import type { ModuleSummary, PathSummary } from '@/lib/catalogue';
import { InflowDatabase, type ModuleProgress } from '@/lib/db';
import {
  doneKeys,
  learningStreak,
  milestonesOf,
  pathProgress,
  skillProgress,
} from '@/lib/milestones';
import { appendStatements } from '@/lib/statement-pages';

const pack = 'inflow.salesforce';

function summary(module: string, skills: string[]): ModuleSummary {
  const base = { pack, packName: 'Salesforce', title: module, minutes: 2, kind: 'lesson' as const };
  return { ...base, module, skills, language: 'en', tools: [], supplements: [], text: '' };
}

function progress(module: string, done: boolean, answers: Record<string, boolean> = {}) {
  const key = `${pack}/${module}`;
  const row: ModuleProgress = { key, pack, module, done, answers, updatedAt: '2026-12-01' };
  return row;
}

const path: PathSummary = {
  pack,
  packName: 'Salesforce',
  id: 'new-ae',
  title: 'First month',
  role: 'New account executive',
  modules: ['discovery', 'price', 'next-step'],
};

describe('paths and skills', () => {
  const rows = [progress('discovery', true), progress('price', false), progress('next-step', true)];

  it('should count the done modules of a path', () => {
    expect(pathProgress(path, doneKeys(rows))).toEqual({ done: 2, total: 3 });
  });

  it('should give each skill its share of done modules, most advanced first', () => {
    const modules = [
      summary('discovery', ['discovery']),
      summary('price', ['objection-handling', 'discovery']),
      summary('next-step', ['next-steps']),
    ];

    expect(skillProgress(modules, doneKeys(rows))).toEqual([
      { skill: 'next-steps', done: 1, total: 1 },
      { skill: 'discovery', done: 1, total: 2 },
      { skill: 'objection-handling', done: 0, total: 1 },
    ]);
  });

  it('should reach milestones from the record alone', () => {
    const allRight = progress('price', false, { a: true, b: true, c: true });
    const complete = [...rows.filter((row) => row.module !== 'price'), progress('price', true)];

    expect(milestonesOf([], [path], 0)).toEqual([]);
    expect(milestonesOf([allRight], [path], 3)).toEqual(['all-right', 'three-days']);
    expect(milestonesOf(complete, [path], 1)).toEqual(['first-lesson', 'path-complete']);
  });
});

describe('the streak of days learned', () => {
  let db: InflowDatabase;
  beforeEach(() => {
    db = new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  });

  const noon = (day: number) => new Date(2026, 11, day, 12);
  const learnedOn = (...dates: Date[]) =>
    db.statements.bulkAdd(
      dates.map((date) => ({
        verb: 'experienced' as const,
        pack,
        module: 'price',
        timestamp: date.toISOString(),
      })),
    );

  it('should count the days in a row up to today', async () => {
    await learnedOn(noon(1), noon(3), noon(4), new Date(2026, 11, 5, 8), noon(5));

    expect(await learningStreak(db, noon(5))).toBe(3);
  });

  it('should keep yesterday\u2019s streak on a day not learned yet, and end it after a gap', async () => {
    await learnedOn(noon(3), noon(4));

    expect(await learningStreak(db, noon(5))).toBe(2);
    expect(await learningStreak(db, noon(6))).toBe(0);
  });

  it('should count days kept in pages by an import, then the rows recorded since', async () => {
    await learnedOn(noon(2), noon(3));
    const imported = (await db.statements.toArray()).map(({ id: _row, ...statement }) => ({
      ...statement,
      uuid: statement.uuid!,
    }));
    await db.transaction('rw', db.statements, db.statementPages, () =>
      appendStatements(
        db,
        imported.map((statement) => ({ ...statement, uuid: crypto.randomUUID() })),
      ),
    );
    await learnedOn(noon(4), noon(5));

    expect(await db.statementPages.count()).toBe(1);
    expect(await learningStreak(db, noon(5))).toBe(4);
  });

  it('should be zero with no record', async () => {
    expect(await learningStreak(db, noon(5))).toBe(0);
  });
});
