import { useEffect, useRef, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import type { Suggestion } from '@/rules/engine';

import { LessonContent } from './lesson-content';
import { LessonMeta } from './lesson-meta';
import { Notice, RetryButton } from './notice';
import { useLesson, type LessonState } from './use-lesson';

interface LessonReaderProps {
  lesson: Suggestion;
  onBack: () => void;
  /** Opens another lesson, such as a supplement offered after a failed quiz. */
  onOpen: (lesson: Suggestion) => void;
}

/** One lesson, read in the panel: title and length at once, the body as soon as it arrives. */
export function LessonReader({ lesson, onBack, onOpen }: LessonReaderProps) {
  const [attempt, setAttempt] = useState(0);
  const state = useLesson(lesson, attempt);
  const heading = useRef<HTMLHeadingElement>(null);
  const language = state.status === 'ready' ? state.module.language : undefined;

  // Focus on the title tells screen readers the view changed, and reading starts there.
  useEffect(() => heading.current?.focus(), [lesson.pack, lesson.module]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onBack();
  };

  return (
    <article class="reader" data-testid="reader" onKeyDown={onKeyDown}>
      <button type="button" class="back" data-testid="back" onClick={onBack}>
        <span aria-hidden="true">‹ </span>
        {t('backToLessons')}
      </button>
      <h1 ref={heading} tabIndex={-1} class="reader-title" lang={language} dir="auto">
        {lesson.title}
      </h1>
      <p class="reader-meta">
        <LessonMeta minutes={lesson.minutes} kind={lesson.kind} />
      </p>
      <ReaderBody
        state={state}
        lesson={lesson}
        onRetry={() => setAttempt((n) => n + 1)}
        onOpen={onOpen}
      />
    </article>
  );
}

interface ReaderBodyProps {
  state: LessonState;
  lesson: Suggestion;
  onRetry: () => void;
  onOpen: (lesson: Suggestion) => void;
}

function ReaderBody({ state, lesson, onRetry, onOpen }: ReaderBodyProps) {
  switch (state.status) {
    case 'loading':
      return <Notice testId="lesson-loading">{t('lessonLoading')}</Notice>;
    case 'missing':
      return <Notice testId="lesson-missing">{t('lessonMissing')}</Notice>;
    case 'failed':
      return (
        <Notice testId="lesson-error" action={<RetryButton onRetry={onRetry} />}>
          {t('lessonFailed')}
        </Notice>
      );
    case 'ready':
      return (
        <LessonContent
          key={`${lesson.pack}/${lesson.module}`}
          lesson={lesson}
          module={state.module}
          done={state.done}
          onOpen={onOpen}
        />
      );
  }
}
