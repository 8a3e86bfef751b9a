/**
 * What a page bookmark may hold, and the cleaning that every way of saving one goes
 * through: the context menu, the shortcut, the panel's button and an edit. The limits
 * are those of the backup format (lib/backup-format.ts), so every bookmark saved here
 * exports and imports again without loss.
 */
import type { Bookmark } from './db';

export const BOOKMARK_LIMITS = {
  title: 1000,
  url: 8192,
  selection: 20_000,
  note: 20_000,
  tag: 60,
  tags: 50,
  toolName: 200,
  context: 200,
  contextName: 500,
} as const;

/** The tool and context detected on a page, as a bookmark keeps them. */
export interface BookmarkPlace {
  tool: string;
  toolName: string;
  context: string;
  contextName: string;
}

/** A page as the learner saves it, before it is checked. Every field may be hostile. */
export interface PageDraft {
  url?: string;
  title?: string;
  selection?: string;
  note?: string;
  tags?: readonly string[] | string;
  place?: BookmarkPlace | null;
}

// Pack ids are slugs (rules/schema.ts); the backup refuses anything else as a tool id.
const TOOL_ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/**
 * The address a bookmark may keep and open: http or https only, without a user name
 * or password, and short enough to restore from a backup. `undefined` for anything
 * else (`javascript:`, `data:`, `file:`, `chrome:`…): those are never stored, never
 * opened. A cut address would point somewhere else, so a long one is dropped whole.
 */
export function bookmarkAddress(url: string | undefined): string | undefined {
  if (!url || url.length > BOOKMARK_LIMITS.url) return undefined;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;

  parsed.username = '';
  parsed.password = '';
  return parsed.href.length <= BOOKMARK_LIMITS.url ? parsed.href : undefined;
}

/**
 * Text as a bookmark keeps it: control characters other than tab and line breaks
 * removed, trimmed, and cut to `max` UTF-16 units without splitting a character.
 */
export function cleanText(text: string | undefined, max: number): string {
  const kept = (text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return clip(kept.trim(), max).trim();
}

/** A one-line text (a title, a tag): every run of white space becomes one space. */
export function cleanLine(text: string | undefined, max: number): string {
  return cleanText((text ?? '').replace(/\s+/g, ' '), max);
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;

  const last = text.charCodeAt(max - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? max - 1 : max);
}

/**
 * Tags from a list or from what the learner typed ("onboarding, Pricing"): split on
 * commas, cleaned, empty ones dropped, the first spelling kept of tags that differ
 * only in case, at most 50.
 */
export function cleanTags(tags: readonly string[] | string | undefined): string[] {
  const typed =
    typeof tags === 'string' ? tags.split(',') : (tags ?? []).flatMap((tag) => tag.split(','));
  const seen = new Set<string>();
  const kept: string[] = [];

  for (const tag of typed.map((each) => cleanLine(each, BOOKMARK_LIMITS.tag))) {
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return kept.slice(0, BOOKMARK_LIMITS.tags);
}

/** The detected place as a bookmark keeps it, or nothing when it could not be restored. */
function cleanPlace(place: BookmarkPlace | null | undefined): Partial<BookmarkPlace> {
  if (!place || !TOOL_ID.test(place.tool)) return {};

  return {
    tool: place.tool,
    toolName: cleanLine(place.toolName, BOOKMARK_LIMITS.toolName),
    context: cleanLine(place.context, BOOKMARK_LIMITS.context),
    contextName: cleanLine(place.contextName, BOOKMARK_LIMITS.contextName),
  };
}

/** The note and tags of a bookmark as they are stored; empty ones are left out. */
export function cleanAnnotations(draft: Pick<PageDraft, 'note' | 'tags'>): {
  note?: string;
  tags?: string[];
} {
  const note = cleanText(draft.note, BOOKMARK_LIMITS.note);
  const tags = cleanTags(draft.tags);
  return { ...(note && { note }), ...(tags.length > 0 && { tags }) };
}

/**
 * A page bookmark from a draft: every field checked and cut to its limit, empty ones
 * left out. A page without a title is named by its host; one whose address cannot be
 * kept (a local file, a browser page) is still saved, with its title and selection.
 */
export function pageBookmark(draft: PageDraft, made: { id: string; now: string }): Bookmark {
  const url = bookmarkAddress(draft.url);
  const selection = cleanText(draft.selection, BOOKMARK_LIMITS.selection);
  const title = cleanLine(draft.title, BOOKMARK_LIMITS.title) || (url ? new URL(url).host : '');

  return {
    id: made.id,
    kind: 'page',
    title,
    ...(url && { url }),
    ...(selection && { selection }),
    ...cleanAnnotations(draft),
    ...cleanPlace(draft.place),
    createdAt: made.now,
    updatedAt: made.now,
  };
}
