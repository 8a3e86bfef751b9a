import { useId } from 'preact/hooks';

import type { PathSummary } from '@/lib/catalogue';
import type { ModuleProgress } from '@/lib/db';
import { t, type MessageKey } from '@/lib/i18n';
import { learningStreak, milestonesOf, type Milestone } from '@/lib/milestones';

import { useDatabase } from './database-context';
import { useLive } from './use-live';

const labels: Record<Milestone, MessageKey> = {
  'first-lesson': 'milestoneFirstLesson',
  'five-lessons': 'milestoneFiveLessons',
  'twenty-lessons': 'milestoneTwentyLessons',
  'all-right': 'milestoneAllRight',
  'path-complete': 'milestonePathComplete',
  'three-days': 'milestoneThreeDays',
  'seven-days': 'milestoneSevenDays',
};

interface MilestonesProps {
  rows: readonly ModuleProgress[];
  paths: readonly PathSummary[];
}

/** The days in a row and the milestones reached: private, and only ever encouraging. */
export function Milestones({ rows, paths }: MilestonesProps) {
  const db = useDatabase();
  const headingId = useId();
  // The live query follows the statements itself; the rows need not restart it.
  const streak = useLive(() => learningStreak(db), [db], 0) ?? 0;
  const reached = milestonesOf(rows, paths, streak);

  return (
    <section aria-labelledby={headingId} data-testid="milestones">
      <h2 id={headingId} class="section-title">
        {t('milestonesHeading')}
      </h2>
      <p class="streak" data-testid="streak">
        {streak === 0
          ? t('streakNone')
          : t(streak === 1 ? 'streakOne' : 'streakOther', String(streak))}
      </p>
      {reached.length > 0 && (
        <ul class="badges">
          {reached.map((milestone) => (
            <li key={milestone} class="badge" data-testid="badge">
              <span aria-hidden="true">★ </span>
              {t(labels[milestone])}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
