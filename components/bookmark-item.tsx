import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

import type { Bookmark } from '@/lib/db';
import { t } from '@/lib/i18n';

import { BookmarkEditor, type Annotations } from './bookmark-editor';
import { pageAddressOf } from './bookmark-open';

interface BookmarkItemProps {
  bookmark: Bookmark;
  /** The tag the list is filtered by, pressed among the bookmark's tags. */
  filter: string | null;
  /** Gives the Delete button focus, for a bookmark just put back. */
  focused: boolean;
  onOpen: (bookmark: Bookmark) => void;
  onAnnotate: (bookmark: Bookmark, annotations: Annotations) => Promise<void>;
  onDelete: (bookmark: Bookmark) => void;
  onFilter: (tag: string) => void;
}

/**
 * One bookmark: its title, where it was saved, the selection quoted, the note and
 * tags, and Open, Edit and Delete. All of it is the learner's or a page's text,
 * rendered as text, never as markup.
 */
export function BookmarkItem(props: BookmarkItemProps) {
  const { bookmark, focused, onOpen, onAnnotate, onDelete } = props;
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);

  // Focus comes back to Edit when the form closes, so the keyboard stays in place.
  useEffect(() => {
    if (editing || !returning.current) return;
    returning.current = false;
    editButton.current?.focus();
  }, [editing]);

  useEffect(() => {
    if (focused) deleteButton.current?.focus();
  }, [focused]);

  const close = () => {
    returning.current = true;
    setEditing(false);
  };

  const canOpen = bookmark.kind === 'lesson' || pageAddressOf(bookmark) !== undefined;

  return (
    <li class="bookmark" data-testid="bookmark">
      <h2 id={titleId} class="bookmark-title" dir="auto" data-testid="bookmark-title">
        {bookmark.title || t('bookmarkUntitled')}
      </h2>
      <BookmarkWhere bookmark={bookmark} />
      {bookmark.selection && (
        <blockquote class="bookmark-selection" dir="auto" data-testid="bookmark-selection">
          {bookmark.selection}
        </blockquote>
      )}
      {editing ? (
        <BookmarkEditor
          bookmark={bookmark}
          onCancel={close}
          onSave={async (annotations) => {
            await onAnnotate(bookmark, annotations);
            close();
          }}
        />
      ) : (
        <>
          <BookmarkAnnotations {...props} />
          <div class="bookmark-actions">
            {canOpen && (
              <Action name="open" describedBy={titleId} onClick={() => onOpen(bookmark)} />
            )}
            <Action
              name="edit"
              describedBy={titleId}
              buttonRef={editButton}
              onClick={() => setEditing(true)}
            />
            <Action
              name="delete"
              describedBy={titleId}
              buttonRef={deleteButton}
              onClick={() => onDelete(bookmark)}
            />
          </div>
        </>
      )}
    </li>
  );
}

const actionLabels = {
  open: 'bookmarkOpen',
  edit: 'bookmarkEdit',
  delete: 'bookmarkDelete',
} as const;

interface ActionProps {
  name: keyof typeof actionLabels;
  /** The title's id: screen readers say "Edit, Pricing notes". */
  describedBy: string;
  buttonRef?: RefObject<HTMLButtonElement | null>;
  onClick: () => void;
}

function Action({ name, describedBy, buttonRef, onClick }: ActionProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class="button"
      data-testid={`bookmark-${name}`}
      aria-describedby={describedBy}
      onClick={onClick}
    >
      {t(actionLabels[name])}
    </button>
  );
}

/** Where it was saved: "Salesforce › Opportunity record", the site's host, or a lesson; and when. */
function BookmarkWhere({ bookmark }: { bookmark: Bookmark }) {
  return (
    <p class="bookmark-where" data-testid="bookmark-where">
      <span dir="auto">{savedWhere(bookmark)}</span>
      {' · '}
      <time dateTime={bookmark.createdAt}>{dayOf(bookmark.createdAt)}</time>
    </p>
  );
}

export function savedWhere(bookmark: Bookmark): string {
  if (bookmark.kind === 'lesson') return t('bookmarkKindLesson');
  if (bookmark.toolName && bookmark.contextName) {
    return `${bookmark.toolName} › ${bookmark.contextName}`;
  }
  if (bookmark.toolName) return bookmark.toolName;

  const address = pageAddressOf(bookmark);
  return address ? new URL(address).host : t('bookmarkNoAddress');
}

function dayOf(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';

  const language = document.documentElement.lang || undefined;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

function BookmarkAnnotations({ bookmark, filter, onFilter }: BookmarkItemProps) {
  const tags = bookmark.tags ?? [];
  return (
    <>
      {bookmark.note && (
        <p class="bookmark-note" dir="auto" data-testid="bookmark-note">
          {bookmark.note}
        </p>
      )}
      {tags.length > 0 && (
        <ul class="bookmark-tags" aria-label={t('bookmarkTagsLabel')}>
          {tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                class="bookmark-tag"
                dir="auto"
                data-testid="bookmark-tag"
                aria-pressed={sameTag(tag, filter)}
                title={t('bookmarkFilterBy', tag)}
                onClick={() => onFilter(tag)}
              >
                {tag}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Tags match whatever their case: "Pricing" and "pricing" are one tag. */
export function sameTag(tag: string, other: string | null): boolean {
  return other !== null && tag.toLocaleLowerCase() === other.toLocaleLowerCase();
}
