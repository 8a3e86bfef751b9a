import { useMemo, useRef, useState } from 'preact/hooks';

import { toolsOf } from '@/lib/catalogue';
import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { renderMarkdown } from '@/lib/markdown';
import { recordAnswer, recordDone, type ModuleRef } from '@/lib/progress';
import { noteRecordFailure, noteRecordSuccess } from '@/lib/record-health';
import { recallOfAnswer, scheduleReview, type Recall, type ReviewItem } from '@/lib/review';
import type { Suggestion } from '@/rules/engine';
import type { Module } from '@/rules/schema';

import { Checklist } from './checklist';
import { useDatabase } from './database-context';
import { FlashcardDeck } from './flashcard-deck';
import { LessonLinks } from './lesson-links';
import { MarkDone } from './mark-done';
import { Quiz } from './quiz';
import { SaveLesson } from './save-lesson';
import { StruggleHelp } from './struggle-help';
import { useQuizResult } from './use-quiz-result';

interface LessonContentProps {
  lesson: ModuleRef;
  module: Module;
  done: boolean;
  onOpen: (lesson: Suggestion) => void;
}

/** A lesson's body, its practice and the way to finish it; each step goes to the learner's record. */
export function LessonContent({ lesson, module, done, onOpen }: LessonContentProps) {
  const db = useDatabase();
  const [saveFailed, setSaveFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const body = useMemo(() => renderMarkdown(module.body), [module.body]);
  const openedAt = useRef(Date.now());

  // Only the reference: the record keeps pack and module, not the suggestion's display fields.
  const ref = { pack: lesson.pack, module: lesson.module };
  const tools = toolsOf(module);

  const save = async (write: Promise<unknown>) => {
    const ok = await saved(write);
    setSaveFailed(!ok);
    return ok;
  };

  const review = (item: string, from: ReviewItem['from'], recall: Recall) =>
    save(scheduleReview(db, { ...ref, item, from, tools }, recall));

  const quiz = useQuizResult(db, ref, module.questions?.length ?? 0, attempt, save);

  // The first answer of each attempt says how well the question is known.
  const answer = (question: string, response: number[], success: boolean) => {
    void save(recordAnswer(db, ref, { question, response, success }));
    if (quiz.noteFirstAnswer(question, success))
      void review(question, 'question', recallOfAnswer(success));
  };

  const retake = () => setAttempt((count) => count + 1);

  return (
    <>
      <div
        class="lesson-body"
        data-testid="lesson-body"
        lang={module.language}
        dir="auto"
        dangerouslySetInnerHTML={{ __html: body }}
      />
      {module.items && module.items.length > 0 && (
        <Checklist items={module.items} lang={module.language} />
      )}
      {module.cards && module.cards.length > 0 && (
        <FlashcardDeck
          cards={module.cards}
          lang={module.language}
          onRate={(card, recall) => review(card, 'card', recall)}
        />
      )}
      {module.questions && module.questions.length > 0 && (
        <Quiz key={attempt} questions={module.questions} lang={module.language} onAnswer={answer} />
      )}
      {quiz.result && !quiz.result.passed && (
        <StruggleHelp
          lesson={ref}
          module={module}
          result={quiz.result}
          onOpen={onOpen}
          onRetake={retake}
        />
      )}
      {module.links && module.links.length > 0 && <LessonLinks links={module.links} />}
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
