import { useEffect, useState } from 'preact/hooks';

import { lessonBookmark, saveLesson } from '@/lib/bookmarks';
import type { ModuleRef } from '@/lib/progress';
import { noteRecordFailure, noteRecordSuccess } from '@/lib/record-health';

import { useDatabase } from './database-context';

export interface LessonBookmark {
  saved: boolean;
  failed: boolean;
  save: () => Promise<void>;
}

/** Whether a lesson is saved, read as it opens, and the way to save it. */
export function useLessonBookmark({ pack, module }: ModuleRef, title: string): LessonBookmark {
  const db = useDatabase();
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stopped = false;
    lessonBookmark(db, { pack, module }).then(
      (bookmark) => !stopped && setSaved(bookmark !== undefined),
      noteRecordFailure,
    );
    return () => {
      stopped = true;
    };
  }, [db, pack, module]);

  // Saved only once the write landed: nothing claims to be saved that was not.
  const save = async () => {
    try {
      await saveLesson(db, { pack, module, title });
      noteRecordSuccess();
      setSaved(true);
      setFailed(false);
    } catch (error) {
      noteRecordFailure(error);
      setFailed(true);
    }
  };

  return { saved, failed, save };
}
