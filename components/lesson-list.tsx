import { useEffect, useId, useRef, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { progressKey } from '@/lib/progress';
import type { Suggestion } from '@/rules/engine';

import { LessonMeta } from './lesson-meta';
import { useLessonProgress } from './use-lesson-progress';

interface LessonListProps {
  lessons: readonly Suggestion[];
  onOpen: (lesson: Suggestion) => void;
  /** The `pack/module` key of the lesson to focus, when coming back from it. */
  focusLesson?: string | null;
  /** Lessons that fit but were not fetched yet, and how to fetch them. */
  more?: { count: number; load: () => void };
}

/** How many lessons a list shows before "Show more": a page rarely needs more at once. */
const FIRST_SHOWN = 20;

/** The lessons that fit the page, each with its length, kind, reason and done mark. */
export function LessonList({ lessons, onOpen, focusLesson, more }: LessonListProps) {
  const [shown, setShown] = useState(FIRST_SHOWN);
  const visible = lessons.slice(0, Math.max(shown, indexOf(lessons, focusLesson) + 1));
  const progress = useLessonProgress(visible);
  const hidden = lessons.length - visible.length + (more?.count ?? 0);

  const showMore = () => {
    if (more && visible.length + FIRST_SHOWN > lessons.length) more.load();
    setShown((count) => count + FIRST_SHOWN);
  };

  return (
    <>
      <ul class="lessons" data-testid="lesson-list">
        {visible.map((lesson) => {
          const key = progressKey(lesson);
          return (
            <LessonItem
              key={key}
              lesson={lesson}
              done={progress.get(key)?.done ?? false}
              focused={key === focusLesson}
              onOpen={onOpen}
            />
          );
        })}
      </ul>
      {hidden > 0 && (
        <button type="button" class="button" data-testid="show-more" onClick={showMore}>
          {t('showMoreLessons', String(Math.min(hidden, FIRST_SHOWN)))}
        </button>
      )}
    </>
  );
}

function indexOf(lessons: readonly Suggestion[], key: string | null | undefined): number {
  return key ? lessons.findIndex((lesson) => progressKey(lesson) === key) : -1;
}

interface LessonItemProps {
  lesson: Suggestion;
  done: boolean;
  focused: boolean;
  onOpen: (lesson: Suggestion) => void;
}

function LessonItem({ lesson, done, focused, onOpen }: LessonItemProps) {
  const whyId = useId();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focused) button.current?.focus();
  }, [focused]);

  // The reason sits outside the button, so the button's name stays short for screen
  // readers; it is still read out as the button's description.
  return (
    <li class="lesson" data-testid="lesson">
      <button
        ref={button}
        type="button"
        class="lesson-open"
        aria-describedby={whyId}
        onClick={() => onOpen(lesson)}
      >
        <span class="lesson-title" data-testid="lesson-title">
          {lesson.title}
        </span>
        <span class="lesson-facts">
          <LessonMeta minutes={lesson.minutes} kind={lesson.kind} />
          {done && (
            <span class="lesson-done" data-testid="lesson-done">
              <span aria-hidden="true">✓ </span>
              {t('lessonDone')}
            </span>
          )}
        </span>
      </button>
      <p id={whyId} class="lesson-why" data-testid="lesson-why">
        {lesson.why}
        {lesson.packName && (
          <span data-testid="lesson-pack">
            {' · '}
            <bdi>{t('lessonFrom', lesson.packName)}</bdi>
          </span>
        )}
      </p>
    </li>
  );
}
