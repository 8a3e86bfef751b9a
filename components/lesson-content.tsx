import { useMemo, useRef, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { renderMarkdown } from '@/lib/markdown';
import { recordAnswer, recordDone, type ModuleRef } from '@/lib/progress';
import { noteRecordFailure, noteRecordSuccess } from '@/lib/record-health';
import type { Module } from '@/rules/schema';

import { useDatabase } from './database-context';
import { MarkDone } from './mark-done';
import { Quiz } from './quiz';
import { SaveLesson } from './save-lesson';
import { useQuizResult } from './use-quiz-result';

interface LessonContentProps {
  lesson: ModuleRef;
  module: Module;
  done: boolean;
}

/** A lesson's body, its quiz and the way to finish it; each step goes to the learner's record. */
export function LessonContent({ lesson, module, done }: LessonContentProps) {
  const db = useDatabase();
  const [saveFailed, setSaveFailed] = useState(false);
  const body = useMemo(() => renderMarkdown(module.body), [module.body]);
  const openedAt = useRef(Date.now());

  // Only the reference: the record keeps pack and module, not the suggestion's display fields.
  const ref = { pack: lesson.pack, module: lesson.module };

  const save = async (write: Promise<unknown>) => {
    const ok = await saved(write);
    setSaveFailed(!ok);
    return ok;
  };

  const noteFirstAnswer = useQuizResult(db, ref, module.questions?.length ?? 0, save);

  const answer = (question: string, response: number[], success: boolean) => {
    void save(recordAnswer(db, ref, { question, response, success }));
    noteFirstAnswer(question, success);
  };

  return (
    <>
      <div
        class="lesson-body"
        data-testid="lesson-body"
        lang={module.language}
        dir="auto"
        dangerouslySetInnerHTML={{ __html: body }}
      />
      {module.questions && module.questions.length > 0 && (
        <Quiz questions={module.questions} lang={module.language} onAnswer={answer} />
      )}
      <div class="lesson-actions">
        <MarkDone
          initiallyDone={done}
          onMark={() => save(recordDone(db, ref, Date.now() - openedAt.current))}
        />
        <SaveLesson lesson={ref} title={module.title} />
      </div>
      <div aria-live="polite">
        {saveFailed && (
          <p class="notice" data-testid="save-failed">
            {t('progressNotSaved')}
          </p>
        )}
      </div>
    </>
  );
}

async function saved(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    noteRecordSuccess();
    return true;
  } catch (error) {
    logger.warn('Could not save progress', error);
    noteRecordFailure(error);
    return false;
  }
}
