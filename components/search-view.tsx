import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { suggestionOf } from '@/lib/catalogue';
import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { LearningSearch, type SearchHit } from '@/lib/search';
import type { Suggestion } from '@/rules/engine';

import { lessonOf, openPage, pageAddressOf } from './bookmark-open';
import { useDatabase } from './database-context';
import { LessonMeta } from './lesson-meta';
import { Notice } from './notice';
import { useCatalogue } from './use-catalogue';
import { useLive } from './use-live';

/**
 * Search over every lesson and bookmark, keyboard first: the field has focus on
 * arrival, results follow each key, ArrowDown moves into them.
 */
export function SearchView({ onOpen }: { onOpen: (lesson: Suggestion) => void }) {
  const search = useLearningSearch();
  const [query, setQuery] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLUListElement>(null);
  const hits = useMemo(() => search?.search(query) ?? [], [search, query]);

  useEffect(() => field.current?.focus(), []);

  const intoResults = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    results.current?.querySelector<HTMLButtonElement>('button')?.focus();
  };

  return (
    <div class="page" data-testid="search-view">
      <h1 class="page-title">{t('searchTitle')}</h1>
      <input
        ref={field}
        type="search"
        class="search-field"
        data-testid="search-field"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={intoResults}
      />
      <SearchResults
        ready={search !== null}
        query={query}
        hits={hits}
        list={results}
        field={field}
        onOpen={onOpen}
      />
    </div>
  );
}

interface SearchResultsProps {
  ready: boolean;
  query: string;
  hits: SearchHit[];
  list: { current: HTMLUListElement | null };
  field: { current: HTMLInputElement | null };
  onOpen: (lesson: Suggestion) => void;
}

function SearchResults({ ready, query, hits, list, field, onOpen }: SearchResultsProps) {
  if (query.trim() === '') return null;
  if (!ready) return <Notice testId="search-loading">{t('loading')}</Notice>;

  // Up and down walk the list; up from the first result returns to the field.
  const walk = (event: KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') buttons[index + 1]?.focus();
    else if (event.key === 'ArrowUp') (buttons[index - 1] ?? field.current)?.focus();
    else return;
    event.preventDefault();
  };

  return (
    <>
      <p class="visually-hidden" aria-live="polite">
        {t(hits.length === 1 ? 'searchCountOne' : 'searchCountOther', String(hits.length))}
      </p>
      {hits.length === 0 ? (
        <Notice testId="no-results">{t('searchNothing', query.trim())}</Notice>
      ) : (
        <ul ref={list} class="search-results" data-testid="search-results" onKeyDown={walk}>
          {hits.map((hit) => (
            <SearchResult key={keyOf(hit)} hit={hit} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </>
  );
}

function SearchResult({ hit, onOpen }: { hit: SearchHit; onOpen: (lesson: Suggestion) => void }) {
  const why = t('searchWhy', hit.matched.join(', '));

  if (hit.kind === 'module') {
    return (
      <li class="lesson" data-testid="search-result">
        <button
          type="button"
          class="lesson-open"
          onClick={() => onOpen(suggestionOf(hit.module, why))}
        >
          <span class="lesson-title" dir="auto">
            {hit.module.title}
          </span>
          <span class="lesson-facts">
            <LessonMeta minutes={hit.module.minutes} kind={hit.module.kind} />
          </span>
        </button>
        <p class="lesson-why">{why}</p>
      </li>
    );
  }

  const { bookmark } = hit;
  const openBookmark = () => {
    if (hit.module) return onOpen(suggestionOf(hit.module, why));

    const lesson = lessonOf(bookmark);
    if (lesson) return onOpen(lesson);
    const url = pageAddressOf(bookmark);
    if (url) openPage(url).catch((error: unknown) => logger.warn('Could not open the page', error));
  };

  return (
    <li class="lesson" data-testid="search-result">
      <button type="button" class="lesson-open" onClick={openBookmark}>
        <span class="lesson-title" dir="auto">
          {bookmark.title}
        </span>
        <span class="lesson-facts">{t('searchBookmark')}</span>
      </button>
      <p class="lesson-why">{why}</p>
    </li>
  );
}

function keyOf(hit: SearchHit): string {
  return hit.kind === 'module'
    ? `m:${hit.module.pack}/${hit.module.module}`
    : `b:${hit.bookmark.id}`;
}

/** The index, built once the catalogue and bookmarks are in, and again when bookmarks change. */
function useLearningSearch(): LearningSearch | null {
  const db = useDatabase();
  const catalogue = useCatalogue();
  const bookmarks = useLive(() => db.bookmarks.toArray(), [db], []);

  return useMemo(() => {
    if (catalogue.status === 'loading' || bookmarks === undefined) return null;
    const modules = catalogue.status === 'ready' ? catalogue.catalogue.modules : [];
    return new LearningSearch(modules, bookmarks);
  }, [catalogue, bookmarks]);
}
