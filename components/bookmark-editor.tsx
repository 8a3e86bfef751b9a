import { useEffect, useId, useRef, useState } from 'preact/hooks';

import { BOOKMARK_LIMITS } from '@/lib/bookmark-draft';
import type { Bookmark } from '@/lib/db';
import { t } from '@/lib/i18n';

export interface Annotations {
  note: string;
  tags: string;
}

interface BookmarkEditorProps {
  bookmark: Bookmark;
  /** Resolves once stored; a rejection keeps the form open with what was typed. */
  onSave: (annotations: Annotations) => Promise<void>;
  onCancel: () => void;
}

/**
 * The inline form for a bookmark's note and tags. Keyboard first: the note has
 * focus when it opens, Enter saves (Shift+Enter starts a new line in the note),
 * Escape cancels.
 */
export function BookmarkEditor({ bookmark, onSave, onCancel }: BookmarkEditorProps) {
  const ids = { note: useId(), tags: useId(), hint: useId() };
  const [note, setNote] = useState(bookmark.note ?? '');
  const [tags, setTags] = useState((bookmark.tags ?? []).join(', '));
  const [failed, setFailed] = useState(false);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const tagsField = useRef<HTMLInputElement>(null);

  useEffect(() => noteField.current?.focus(), []);

  // What the fields hold now: a key pressed right after typing may come before the
  // state of the last keystroke is rendered.
  const save = async () => {
    try {
      await onSave({
        note: noteField.current?.value ?? note,
        tags: tagsField.current?.value ?? tags,
      });
    } catch {
      setFailed(true);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    // In a field only: Enter on the Cancel button must still cancel.
    const inField = event.target === noteField.current || event.target instanceof HTMLInputElement;
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && inField) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form
      class="bookmark-editor"
      data-testid="bookmark-editor"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for={ids.note}>{t('bookmarkNoteLabel')}</label>
      <textarea
        ref={noteField}
        id={ids.note}
        dir="auto"
        rows={3}
        maxLength={BOOKMARK_LIMITS.note}
        aria-describedby={ids.hint}
        data-testid="bookmark-note-field"
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <label for={ids.tags}>{t('bookmarkTagsLabel')}</label>
      <input
        ref={tagsField}
        id={ids.tags}
        type="text"
        dir="auto"
        autocomplete="off"
        aria-describedby={ids.hint}
        data-testid="bookmark-tags-field"
        value={tags}
        onInput={(event) => setTags(event.currentTarget.value)}
      />
      <p id={ids.hint} class="bookmark-hint">
        {t('bookmarkEditHint')}
      </p>
      <div class="bookmark-actions">
        <button type="submit" class="button button--primary" data-testid="bookmark-save">
          {t('bookmarkSave')}
        </button>
        <button type="button" class="button" data-testid="bookmark-cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <div aria-live="polite">
        {failed && (
          <p class="notice" data-testid="bookmark-edit-failed">
            {t('bookmarkEditFailed')}
          </p>
        )}
      </div>
    </form>
  );
}
