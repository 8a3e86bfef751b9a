import { t, type MessageKey } from '@/lib/i18n';
import type { Module } from '@/rules/schema';

const kindLabels: Record<Module['kind'], MessageKey> = {
  lesson: 'kindLesson',
  quiz: 'kindQuiz',
  checklist: 'kindChecklist',
  flashcards: 'kindFlashcards',
};

/** "2 min · Lesson": how long a lesson takes and what kind it is. */
export function LessonMeta({ minutes, kind }: { minutes: number; kind: Module['kind'] }) {
  return (
    <span class="lesson-meta">
      <span data-testid="lesson-minutes">{t('minutes', String(minutes))}</span>
      <span aria-hidden="true"> · </span>
      <span data-testid="lesson-kind">{t(kindLabels[kind])}</span>
    </span>
  );
}
