import { useEffect, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { onMessage } from '@/lib/messaging';
import { progressKey } from '@/lib/progress';
import type { Suggestion } from '@/rules/engine';

import './learning.css';
import { BookmarkPageButton } from './bookmark-page-button';
import { BookmarksView } from './bookmarks-view';
import { placeOf } from './context-header';
import { LessonReader } from './lesson-reader';
import { LiveRegion } from './live-region';
import { PageLessons } from './page-lessons';
import { PanelDataLinks } from './panel-data-links';
import { PanelTabs, tabId as tabIdOf, viewId, type PanelView } from './panel-tabs';
import { PathsView } from './paths-view';
import { ReviewView } from './review-view';
import { SearchView } from './search-view';
import { StorageBanner } from './storage-banner';
import { useDueCards } from './use-due-cards';
import { usePanelTab } from './use-panel-tab';
import { catalogueLoader, CatalogueProvider } from './use-catalogue';
import { useTabContext, type ContextState } from './use-tab-context';

/**
 * The side panel: the lessons for the tab it shows, the learner's paths, review,
 * search and bookmarks, and the lesson being read. `tabId` fixes the tab; `null`
 * follows the active tab of the window.
 */
export function Panel({ tabId: fixedTab }: { tabId: number | null }) {
  const tabId = usePanelTab(fixedTab);
  const { state, retry, loadAllLessons } = useTabContext(tabId);
  const due = useDueCards();
  const [view, setView] = useState<PanelView>('page');
  const [reading, setReading] = useState<Suggestion | null>(null);
  const [lastRead, setLastRead] = useState<string | null>(null);
  const [loadCatalogue, setLoadCatalogue] = useState(catalogueLoader);

  // A pack added, refreshed or removed changes what Paths and Search can show.
  useEffect(
    () => onMessage('sources.changed', () => setLoadCatalogue(() => catalogueLoader())),
    [],
  );

  // Another tab's list must not pull focus to a lesson read on the one before.
  useEffect(() => setLastRead(null), [tabId]);

  const open = (lesson: Suggestion) => {
    setLastRead(null);
    setReading(lesson);
  };

  const close = () => {
    if (reading) setLastRead(progressKey(reading));
    setReading(null);
  };

  const select = (next: PanelView) => {
    setReading(null);
    setView(next);
  };

  const tool = state.status === 'ready' ? state.context?.detection?.tool : undefined;

  return (
    <CatalogueProvider value={loadCatalogue}>
      <main class="panel">
        <StorageBanner />
        <LiveRegion message={announcement(state)} />
        <PanelTabs current={view} onSelect={select} due={due.cards.length} />
        <div role="tabpanel" id={viewId(view)} aria-labelledby={tabIdOf(view)} class="view">
          {reading ? (
            <LessonReader lesson={reading} onBack={close} onOpen={open} />
          ) : (
            <ViewContent
              view={view}
              state={state}
              retry={retry}
              open={open}
              lastRead={lastRead}
              due={due.cards}
              dueHere={tool ? due.cards.filter((card) => card.tools?.includes(tool)) : []}
              onReview={() => select('review')}
              onLoadAll={loadAllLessons}
            />
          )}
          {view === 'page' && !reading && <BookmarkPageButton tabId={tabId} />}
        </div>
        <PanelDataLinks />
      </main>
    </CatalogueProvider>
  );
}

interface ViewContentProps {
  view: PanelView;
  state: ContextState;
  retry: () => void;
  open: (lesson: Suggestion) => void;
  lastRead: string | null;
  due: ReturnType<typeof useDueCards>['cards'];
  dueHere: ReturnType<typeof useDueCards>['cards'];
  onReview: () => void;
  onLoadAll: () => void;
}

function ViewContent(props: ViewContentProps) {
  const { view, state, retry, open, lastRead, due, dueHere, onReview, onLoadAll } = props;
  switch (view) {
    case 'page':
      return (
        <PageLessons
          state={state}
          onRetry={retry}
          onOpen={open}
          focusLesson={lastRead}
          dueHere={dueHere}
          onReview={onReview}
          onLoadAll={onLoadAll}
        />
      );
    case 'paths':
      return <PathsView onOpen={open} />;
    case 'review':
      return <ReviewView cards={due} />;
    case 'search':
      return <SearchView onOpen={open} />;
    case 'bookmarks':
      return <BookmarksView onOpenLesson={open} />;
  }
}

/** What the live region says about the list: "3 lessons for Salesforce › Opportunity record". */
export function announcement(state: ContextState): string {
  if (state.status === 'loading') return '';
  if (state.status === 'failed') return t('contextFailed');

  const detection = state.context?.detection;
  if (!detection) return t('noLessonsForPage');

  const count = detection.lessons.length;
  const place = placeOf(detection);
  if (count === 0) return t('noLessons', place);
  return t(count === 1 ? 'lessonCountOne' : 'lessonCountOther', [String(count), place]);
}
