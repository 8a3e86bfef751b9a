import { useId } from 'preact/hooks';

import type { ReviewCard } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { Suggestion } from '@/rules/engine';

import { ContextHeader, placeOf } from './context-header';
import { EmptyState } from './empty-state';
import { LessonList } from './lesson-list';
import { Notice, RetryButton } from './notice';
import { PausedNotice } from './paused-notice';
import type { ContextState } from './use-tab-context';

interface PageLessonsProps {
  state: ContextState;
  onRetry: () => void;
  onOpen: (lesson: Suggestion) => void;
  /** The `pack/module` key of the lesson just closed, to give its button focus again. */
  focusLesson: string | null;
  /** Review cards due now whose lessons belong to this page's tool. */
  dueHere: readonly ReviewCard[];
  onReview: () => void;
  /** Fetches every lesson of the page, when only the first ones came. */
  onLoadAll: () => void;
}

/** "For this page": the tool and context, and the lessons that fit, or why there are none. */
export function PageLessons({ state, ...rest }: PageLessonsProps) {
  return (
    <div class="page" aria-busy={state.status === 'loading'}>
      <h1 class="page-title">{t('panelTitle')}</h1>
      <PageContent state={state} {...rest} />
    </div>
  );
}

function PageContent(props: PageLessonsProps) {
  const { state, onRetry, onOpen, focusLesson, dueHere, onReview, onLoadAll } = props;
  const headingId = useId();

  if (state.status === 'loading') return <Notice testId="loading">{t('loading')}</Notice>;
  if (state.status === 'failed') {
    return (
      <Notice testId="context-error" action={<RetryButton onRetry={onRetry} />}>
        {t('contextFailed')}
      </Notice>
    );
  }

  if (state.context?.paused) return <PausedNotice url={state.context.url} />;

  const moreLessons = state.context?.moreLessons;
  const detection = state.context?.detection;
  if (!detection) return <EmptyState />;

  return (
    <>
      <ContextHeader detection={detection} />
      {dueHere.length > 0 && (
        <DueHere count={dueHere.length} tool={detection.toolName} onReview={onReview} />
      )}
      {detection.lessons.length === 0 ? (
        <Notice testId="no-lessons">{t('noLessons', placeOf(detection))}</Notice>
      ) : (
        <section aria-labelledby={headingId}>
          <h2 id={headingId} class="section-title">
            {t('lessonsHeading')}
          </h2>
          <LessonList
            lessons={detection.lessons}
            onOpen={onOpen}
            focusLesson={focusLesson}
            more={moreLessons ? { count: moreLessons, load: onLoadAll } : undefined}
          />
        </section>
      )}
    </>
  );
}

interface DueHereProps {
  count: number;
  tool: string;
  onReview: () => void;
}

/** A quiet line, never a pop-up: cards of this tool's lessons are due for review. */
function DueHere({ count, tool, onReview }: DueHereProps) {
  return (
    <div class="due-here" data-testid="due-here">
      <p>{t(count === 1 ? 'dueHereOne' : 'dueHereOther', [String(count), tool])}</p>
      <button type="button" class="button" data-testid="review-here" onClick={onReview}>
        {t('reviewNow')}
      </button>
    </div>
  );
}
