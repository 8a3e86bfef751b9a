import { useRef } from 'preact/hooks';

import { t, type MessageKey } from '@/lib/i18n';

export type PanelView = 'page' | 'paths' | 'review' | 'search' | 'bookmarks';

const views: readonly { view: PanelView; label: MessageKey }[] = [
  { view: 'page', label: 'tabPage' },
  { view: 'paths', label: 'tabPaths' },
  { view: 'review', label: 'tabReview' },
  { view: 'search', label: 'tabSearch' },
  { view: 'bookmarks', label: 'tabBookmarks' },
];

export const tabId = (view: PanelView) => `panel-tab-${view}`;
export const viewId = (view: PanelView) => `panel-view-${view}`;

interface PanelTabsProps {
  current: PanelView;
  onSelect: (view: PanelView) => void;
  /** Review cards due now, shown on the Review tab. */
  due: number;
}

/**
 * The panel's views as a tab list: arrow keys move between tabs and select them,
 * Home and End jump to the ends, as in every tab list a keyboard user knows.
 */
export function PanelTabs({ current, onSelect, due }: PanelTabsProps) {
  const list = useRef<HTMLDivElement>(null);

  const move = (event: KeyboardEvent) => {
    const index = views.findIndex((entry) => entry.view === current);
    const next = nextIndex(event.key, index, views.length);
    if (next === null) return;

    event.preventDefault();
    const target = views[next]!.view;
    onSelect(target);
    list.current?.querySelector<HTMLElement>(`#${tabId(target)}`)?.focus();
  };

  return (
    <div ref={list} class="tabs" role="tablist" aria-label={t('panelViews')} onKeyDown={move}>
      {views.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={tabId(view)}
          class="tab"
          data-testid={`tab-${view}`}
          aria-selected={view === current}
          aria-controls={viewId(view)}
          tabIndex={view === current ? 0 : -1}
          onClick={() => onSelect(view)}
        >
          {t(label)}
          {view === 'review' && due > 0 && (
            <>
              <span class="tab-count" aria-hidden="true" data-testid="due-count">
                {due}
              </span>
              <span class="visually-hidden">, {t('dueCount', String(due))}</span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}

function nextIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
