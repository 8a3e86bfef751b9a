/**
 * Search over every lesson and bookmark, with MiniSearch: words match by prefix
 * while typing, and by a small edit distance when misspelt. Each hit says which
 * of the learner's words it matched, so the result list can say why it is shown.
 */
import MiniSearch, { type SearchResult } from 'minisearch';

import type { ModuleSummary } from './catalogue';
import type { Bookmark } from './db';

export type SearchHit =
  | { kind: 'module'; module: ModuleSummary; matched: string[] }
  | {
      kind: 'bookmark';
      bookmark: Bookmark;
      matched: string[];
      /** For a saved lesson: the lesson, when its pack is installed. */
      module?: ModuleSummary;
    };

interface Entry {
  id: string;
  title: string;
  skills: string;
  tools: string;
  text: string;
  tags: string;
}

/** Results shown at most: enough to choose from, few enough to scan. */
const MAX_HITS = 50;

export class LearningSearch {
  readonly #index = new MiniSearch<Entry>({
    fields: ['title', 'skills', 'tools', 'text', 'tags'],
    storeFields: [],
    processTerm: indexedTerm,
    searchOptions: {
      boost: { title: 3, skills: 2, tags: 2, tools: 1.5 },
      // Only the word being typed is a prefix; the ones before it are whole words.
      prefix: (_term, index, terms) => index === terms.length - 1,
      fuzzy: typoDistance,
      maxFuzzy: 2,
      combineWith: 'AND',
    },
  });
  readonly #modules = new Map<string, ModuleSummary>();
  readonly #bookmarks = new Map<string, Bookmark>();

  constructor(modules: readonly ModuleSummary[], bookmarks: readonly Bookmark[]) {
    const entries: Entry[] = [];
    for (const module of modules) {
      const id = `m:${module.pack}/${module.module}`;
      this.#modules.set(id, module);
      entries.push({
        id,
        title: module.title,
        skills: module.skills.map(words).join(' '),
        tools: module.tools.join(' '),
        text: module.text,
        tags: '',
      });
    }
    for (const bookmark of bookmarks) {
      const id = `b:${bookmark.id}`;
      this.#bookmarks.set(id, bookmark);
      entries.push(bookmarkEntry(id, bookmark));
    }
    this.#index.addAll(entries);
  }

  /** The best hits for what the learner typed; an empty query finds nothing. */
  search(query: string): SearchHit[] {
    const trimmed = query.trim();
    if (trimmed === '') return [];

    // Every word must match; when none does, any word will do, so a list is never
    // empty for a query that is only partly misspelt beyond repair.
    let results = this.#index.search(trimmed);
    if (results.length === 0) results = this.#index.search(trimmed, { combineWith: 'OR' });
    return results.slice(0, MAX_HITS).flatMap((result) => this.#hitOf(result));
  }

  #hitOf(result: SearchResult): SearchHit[] {
    const id = String(result.id);
    const matched = Object.keys(result.match);
    const module = this.#modules.get(id);
    if (module) return [{ kind: 'module', module, matched }];

    const bookmark = this.#bookmarks.get(id);
    if (!bookmark) return [];
    const saved = this.#modules.get(`m:${bookmark.pack}/${bookmark.module}`);
    return [{ kind: 'bookmark', bookmark, matched, module: saved }];
  }
}

function bookmarkEntry(id: string, bookmark: Bookmark): Entry {
  return {
    id,
    title: bookmark.title,
    skills: '',
    tools: [bookmark.toolName, bookmark.contextName].filter(Boolean).join(' '),
    text: [bookmark.selection, bookmark.note, hostOf(bookmark.url)].filter(Boolean).join(' '),
    tags: (bookmark.tags ?? []).join(' '),
  };
}

/**
 * Lower-cased words, without one-letter words and bare numbers: they match
 * everything and nothing, and would only grow the index.
 */
function indexedTerm(term: string): string | null {
  const word = term.toLowerCase();
  return word.length < 2 || /^\d+$/.test(word) ? null : word;
}

/**
 * Edits allowed for a misspelt word: none for short words (too easily another
 * word), one from five letters, two (a swapped pair of letters) from eight.
 */
function typoDistance(term: string): number | false {
  if (term.length >= 8) return 2;
  return term.length >= 5 ? 1 : false;
}

/** `objection-handling` → `objection handling`, so each word can be searched. */
function words(slug: string): string {
  return slug.replace(/[-_.]+/g, ' ');
}

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
