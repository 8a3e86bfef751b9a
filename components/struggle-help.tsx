import { useEffect, useRef } from 'preact/hooks';

import { suggestionOf, type ModuleSummary } from '@/lib/catalogue';
import { t } from '@/lib/i18n';
import type { ModuleRef } from '@/lib/progress';
import type { Suggestion } from '@/rules/engine';
import type { Module } from '@/rules/schema';

import { LessonList } from './lesson-list';
import { skillName } from './paths-view';
import { useCatalogue } from './use-catalogue';
import type { QuizResult } from './use-quiz-result';

interface StruggleHelpProps {
  lesson: ModuleRef;
  module: Module;
  result: QuizResult;
  onOpen: (lesson: Suggestion) => void;
  onRetake: () => void;
}

/**
 * After a failed attempt: the score without judgement, a way to try again, and
 * lessons that may help, each saying why it is offered.
 */
export function StruggleHelp({ lesson, module, result, onOpen, onRetake }: StruggleHelpProps) {
  const catalogue = useCatalogue();
  const box = useRef<HTMLElement>(null);
  const modules = catalogue.status === 'ready' ? catalogue.catalogue.modules : [];
  const help = helpFor(lesson, module, modules);

  // The help appears below the quiz; focus brings it into view and reads it out.
  useEffect(() => box.current?.focus(), []);

  return (
    <section
      ref={box}
      tabIndex={-1}
      class="struggle"
      data-testid="struggle-help"
      aria-label={t('struggleLabel')}
    >
      <p>{t('struggleScore', [String(result.right), String(result.total)])}</p>
      <button type="button" class="button" data-testid="retake-quiz" onClick={onRetake}>
        {t('retakeQuiz')}
      </button>
      {help.length > 0 && (
        <>
          <p class="struggle-lead">{t('struggleHelpLead')}</p>
          <LessonList lessons={help} onOpen={onOpen} />
        </>
      )}
    </section>
  );
}

/** How many easier lessons are offered when the author named no supplement. */
const EASIER_SHOWN = 2;

const levels = ['beginner', 'intermediate', 'advanced'] as const;

/** The author's supplements first; else shorter or lower-level lessons on the same skills. */
export function helpFor(
  lesson: ModuleRef,
  module: Module,
  modules: readonly ModuleSummary[],
): Suggestion[] {
  const inPack = modules.filter((m) => m.pack === lesson.pack);
  const supplements = (module.supplements ?? []).flatMap(
    (id) => inPack.find((m) => m.module === id) ?? [],
  );
  if (supplements.length > 0) {
    return supplements.map((m) => suggestionOf(m, t('supplementWhy', module.title)));
  }

  const skills = new Set(module.skills ?? []);
  const rank = (m: { level?: Module['level'] }) => levels.indexOf(m.level ?? 'intermediate');
  return modules
    .filter((m) => m.module !== lesson.module || m.pack !== lesson.pack)
    .filter((m) => m.language === module.language)
    .filter(
      (m) => rank(m) < rank(module) || (rank(m) === rank(module) && m.minutes < module.minutes),
    )
    .flatMap((m) => {
      const shared = m.skills.find((skill) => skills.has(skill));
      return shared ? [suggestionOf(m, t('easierWhy', skillName(shared)))] : [];
    })
    .slice(0, EASIER_SHOWN);
}
