import { useEffect, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { progressKey } from '@/lib/progress';
import type { Suggestion } from '@/rules/engine';

import { placeOf } from './context-header';
import { LessonReader } from './lesson-reader';
import { LiveRegion } from './live-region';
import { PageLessons } from './page-lessons';
import { PanelDataLinks } from './panel-data-links';
import { StorageBanner } from './storage-banner';
import { usePanelTab } from './use-panel-tab';
import { useTabContext, type ContextState } from './use-tab-context';

/**
 * The side panel's main view: the lessons for the tab it shows, and the lesson
 * being read. `tabId` fixes the tab; `null` follows the active tab of the window.
 */
export function ForThisPage({ tabId: fixedTab }: { tabId: number | null }) {
  const tabId = usePanelTab(fixedTab);
  const { state, retry } = useTabContext(tabId);
  const [reading, setReading] = useState<Suggestion | null>(null);
  const [lastRead, setLastRead] = useState<string | null>(null);

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

  return (
    <main class="panel">
      <StorageBanner />
      <LiveRegion message={announcement(state)} />
      {reading ? (
        <LessonReader lesson={reading} onBack={close} />
      ) : (
        <PageLessons state={state} onRetry={retry} onOpen={open} focusLesson={lastRead} />
      )}
      <PanelDataLinks />
    </main>
  );
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
