/**
 * The learner's progress as encouragement: how far along each path and skill
 * they are, milestones reached, and the days in a row they learned. All of it is
 * computed on the device from their own record; nothing is compared with anyone.
 */
import type { ModuleSummary, PathSummary } from './catalogue';
import type { InflowDatabase, ModuleProgress } from './db';
import { progressKey } from './progress';
import { timestampsNewestFirst } from './statement-pages';

export interface Progress {
  done: number;
  total: number;
}

export interface SkillProgress extends Progress {
  skill: string;
}

export type Milestone =
  | 'first-lesson'
  | 'five-lessons'
  | 'twenty-lessons'
  | 'all-right'
  | 'path-complete'
  | 'three-days'
  | 'seven-days';

/** Keys (`pack/module`) of the modules the learner marked done. */
export function doneKeys(rows: readonly ModuleProgress[]): Set<string> {
  return new Set(rows.filter((row) => row.done).map((row) => row.key));
}

export function pathProgress(path: PathSummary, done: ReadonlySet<string>): Progress {
  const keys = path.modules.map((module) => progressKey({ pack: path.pack, module }));
  return { done: keys.filter((key) => done.has(key)).length, total: keys.length };
}

/** Each skill the installed modules teach, with how many of its modules are done. */
export function skillProgress(
  modules: readonly ModuleSummary[],
  done: ReadonlySet<string>,
): SkillProgress[] {
  const bySkill = new Map<string, Progress>();
  for (const module of modules) {
    const isDone = done.has(progressKey(module));
    for (const skill of module.skills) {
      const entry = bySkill.get(skill) ?? { done: 0, total: 0 };
      entry.total += 1;
      if (isDone) entry.done += 1;
      bySkill.set(skill, entry);
    }
  }
  return [...bySkill]
    .map(([skill, progress]) => ({ skill, ...progress }))
    .sort((a, b) => b.done / b.total - a.done / a.total || a.skill.localeCompare(b.skill));
}

/** The milestones reached, in the order a learner reaches them. */
export function milestonesOf(
  rows: readonly ModuleProgress[],
  paths: readonly PathSummary[],
  streak: number,
): Milestone[] {
  const done = doneKeys(rows);
  const reached: [Milestone, boolean][] = [
    ['first-lesson', done.size >= 1],
    ['all-right', rows.some(answeredAllRight)],
    ['three-days', streak >= 3],
    ['five-lessons', done.size >= 5],
    ['seven-days', streak >= 7],
    ['path-complete', paths.some((path) => isComplete(pathProgress(path, done)))],
    ['twenty-lessons', done.size >= 20],
  ];
  return reached.filter(([, yes]) => yes).map(([milestone]) => milestone);
}

function answeredAllRight(row: ModuleProgress): boolean {
  const answers = Object.values(row.answers);
  return answers.length >= 3 && answers.every(Boolean);
}

function isComplete({ done, total }: Progress): boolean {
  return total > 0 && done === total;
}

/**
 * Days in a row, up to today, on which the learner did anything in a lesson; a
 * streak still counts on a day not yet learned, as long as yesterday was.
 * Walks the record from the newest statement back, and stops at the first gap.
 */
export async function learningStreak(db: InflowDatabase, now = new Date()): Promise<number> {
  const today = localDay(now);
  const days = new Set<string>();

  for await (const timestamp of timestampsNewestFirst(db)) {
    const day = localDay(new Date(timestamp));
    if (day > today) continue;
    days.add(day);

    // A day before the run's first day (or before yesterday, with no run) is a gap.
    const first = runStart(days, today) ?? today;
    if (day < dayBefore(first)) break;
  }
  return runLength(days, today);
}

/** The first day of the run of days that ends today, or yesterday; `null` for none. */
function runStart(days: ReadonlySet<string>, today: string): string | null {
  let day = days.has(today) ? today : dayBefore(today);
  if (!days.has(day)) return null;
  while (days.has(dayBefore(day))) day = dayBefore(day);
  return day;
}

function runLength(days: ReadonlySet<string>, today: string): number {
  let day = days.has(today) ? today : dayBefore(today);
  let length = 0;
  while (days.has(day)) {
    length += 1;
    day = dayBefore(day);
  }
  return length;
}

/** `YYYY-MM-DD` in the learner's own time zone: a day is the day they lived. */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

function dayBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(year, month - 1, date - 1));
}
