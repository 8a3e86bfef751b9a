import { useEffect, useRef, useState } from 'preact/hooks';

import { eraseRecord } from '@/lib/erase-record';
import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';

import { useDatabase } from './database-context';
import { Section } from './your-data-section';

type DeleteState = 'idle' | 'confirming' | 'done' | 'failed';

/** "Delete everything", after the learner confirms it. */
export function DeleteEverything({ onDeleted }: { onDeleted: () => void }) {
  const db = useDatabase();
  const [state, setState] = useState<DeleteState>('idle');

  const erase = async () => {
    try {
      await eraseRecord(db);
      setState('done');
    } catch (error) {
      logger.warn('Could not delete the record', error);
      setState('failed');
    }
    onDeleted();
  };

  return (
    <Section title={t('deleteHeading')} testId="section-delete">
      <p>{t('deleteIntro')}</p>
      {state === 'confirming' ? (
        <ConfirmDelete onConfirm={() => void erase()} onCancel={() => setState('idle')} />
      ) : (
        <button
          type="button"
          class="button"
          data-testid="delete"
          onClick={() => setState('confirming')}
        >
          {t('deleteButton')}
        </button>
      )}
      <p aria-live="polite" data-testid="delete-status">
        {state === 'done' && t('deleteDone')}
        {state === 'failed' && t('deleteFailed')}
      </p>
    </Section>
  );
}

function ConfirmDelete({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);

  // The safe choice takes focus, so a stray Enter does not delete.
  useEffect(() => cancel.current?.focus(), []);

  return (
    <div class="confirm" role="group" aria-label={t('deleteConfirm')}>
      <p>{t('deleteConfirm')}</p>
      <div class="button-row">
        <button
          type="button"
          class="button button--danger"
          data-testid="delete-confirm"
          onClick={onConfirm}
        >
          {t('deleteConfirmButton')}
        </button>
        <button
          type="button"
          class="button"
          ref={cancel}
          data-testid="delete-cancel"
          onClick={onCancel}
        >
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
