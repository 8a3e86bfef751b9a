import { useState } from 'preact/hooks';

import { t } from '@/lib/i18n';

interface MarkDoneProps {
  initiallyDone: boolean;
  /** Records the lesson as done; resolves to whether that was saved. */
  onMark: () => Promise<boolean>;
}

/** Ends a lesson. The button stays in place once done, so keyboard focus is not lost. */
export function MarkDone({ initiallyDone, onMark }: MarkDoneProps) {
  const [done, setDone] = useState(initiallyDone);
  const [saving, setSaving] = useState(false);

  const mark = async () => {
    if (done || saving) return;

    setSaving(true);
    setDone(await onMark());
    setSaving(false);
  };

  return (
    <button
      type="button"
      class={done ? 'button button--done' : 'button button--primary'}
      data-testid="mark-done"
      aria-disabled={done || saving}
      onClick={() => void mark()}
    >
      {done && <span aria-hidden="true">✓ </span>}
      {t(done ? 'markedDone' : 'markDone')}
    </button>
  );
}
