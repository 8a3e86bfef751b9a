import { useId } from 'preact/hooks';

import {
  suggestionOf,
  type Catalogue,
  type ModuleSummary,
  type PathSummary,
} from '@/lib/catalogue';
import { t } from '@/lib/i18n';
import { doneKeys, pathProgress, skillProgress, type SkillProgress } from '@/lib/milestones';
import { progressKey } from '@/lib/progress';
import type { Suggestion } from '@/rules/engine';

import { useDatabase } from './database-context';
import { Milestones } from './milestones';
import { Notice } from './notice';
import { ProgressBar } from './progress-bar';
import { useCatalogue } from './use-catalogue';
import { useLive } from './use-live';

/** The learner's paths with their progress, then progress per skill, then milestones. */
export function PathsView({ onOpen }: { onOpen: (lesson: Suggestion) => void }) {
  const catalogue = useCatalogue();
  const db = useDatabase();
  const rows = useLive(() => db.progress.toArray(), [db], []);

  if (catalogue.status === 'loading' || rows === undefined) {
    return <Notice testId="paths-loading">{t('loading')}</Notice>;
  }
  if (catalogue.status === 'failed') {
    return <Notice testId="paths-error">{t('catalogueFailed')}</Notice>;
  }

  const done = doneKeys(rows);
  return (
    <div class="page" data-testid="paths-view">
      <h1 class="page-title">{t('pathsTitle')}</h1>
      <Paths catalogue={catalogue.catalogue} done={done} onOpen={onOpen} />
      <Skills catalogue={catalogue.catalogue} done={done} />
      <Milestones rows={rows} paths={catalogue.catalogue.paths} />
    </div>
  );
}

interface PathsProps {
  catalogue: Catalogue;
  done: ReadonlySet<string>;
  onOpen: (lesson: Suggestion) => void;
}

function Paths({ catalogue, done, onOpen }: PathsProps) {
  if (catalogue.paths.length === 0) return <Notice testId="no-paths">{t('noPaths')}</Notice>;

  // Looked up once for all paths, rather than searched for each of their modules.
  const byKey = new Map(catalogue.modules.map((module) => [progressKey(module), module]));

  return (
    <ul class="paths">
      {catalogue.paths.map((path) => (
        <PathItem
          key={`${path.pack}/${path.id}`}
          path={path}
          byKey={byKey}
          done={done}
          onOpen={onOpen}
        />
      ))}
    </ul>
  );
}

interface PathItemProps {
  path: PathSummary;
  byKey: ReadonlyMap<string, ModuleSummary>;
  done: ReadonlySet<string>;
  onOpen: (lesson: Suggestion) => void;
}

function PathItem({ path, byKey, done, onOpen }: PathItemProps) {
  const headingId = useId();
  const modules = path.modules.flatMap(
    (module) => byKey.get(progressKey({ pack: path.pack, module })) ?? [],
  );
  const why = t('inPath', path.title);

  return (
    <li class="path" data-testid="path" aria-labelledby={headingId}>
      <details>
        <summary>
          <span id={headingId} class="path-title" dir="auto">
            {path.title}
          </span>
          <span class="path-role" dir="auto">
            {path.role}
          </span>
        </summary>
        {path.description && (
          <p class="path-description" dir="auto">
            {path.description}
          </p>
        )}
        <ol class="path-modules">
          {modules.map((module) => (
            <li key={module.module}>
              <button
                type="button"
                class="link-button"
                data-testid="path-module"
                onClick={() => onOpen(suggestionOf(module, why))}
              >
                {done.has(progressKey(module)) && (
                  <>
                    <span aria-hidden="true">✓ </span>
                    <span class="visually-hidden">{t('lessonDone')}: </span>
                  </>
                )}
                <span dir="auto">{module.title}</span>
              </button>
            </li>
          ))}
        </ol>
      </details>
      <ProgressBar {...pathProgress(path, done)} label={path.title} />
    </li>
  );
}

function Skills({ catalogue, done }: { catalogue: Catalogue; done: ReadonlySet<string> }) {
  const headingId = useId();
  const skills = skillProgress(catalogue.modules, done);
  if (skills.length === 0) return null;

  // Skills under way first; the rest wait, folded, so the list stays short.
  const started = skills.filter((skill) => skill.done > 0);
  const waiting = skills.filter((skill) => skill.done === 0);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} class="section-title">
        {t('skillsHeading')}
      </h2>
      {started.length === 0 ? (
        <p class="skills-none">{t('skillsNone')}</p>
      ) : (
        <SkillList skills={started} />
      )}
      {waiting.length > 0 && (
        <details class="skills-waiting">
          <summary>{t('skillsWaiting', String(waiting.length))}</summary>
          <SkillList skills={waiting} />
        </details>
      )}
    </section>
  );
}

function SkillList({ skills }: { skills: readonly SkillProgress[] }) {
  return (
    <ul class="skills" data-testid="skills">
      {skills.map((skill) => (
        <li key={skill.skill} class="skill">
          <span class="skill-name">{skillName(skill.skill)}</span>
          <ProgressBar {...skill} label={skillName(skill.skill)} />
        </li>
      ))}
    </ul>
  );
}

/** `objection-handling` → `Objection handling`. */
export function skillName(skill: string): string {
  const words = skill.replace(/[-_.]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
