import type { ComponentChildren } from 'preact';

import { t } from '@/lib/i18n';

interface NoticeProps {
  testId: string;
  children: ComponentChildren;
  /** A button that helps, such as "Try again". */
  action?: ComponentChildren;
}

/** A calm line of text where content would be: loading, a failure, nothing to show. */
export function Notice({ testId, children, action }: NoticeProps) {
  return (
    <div class="notice" data-testid={testId}>
      <p>{children}</p>
      {action}
    </div>
  );
}

/** "Try again", for a notice about something that could not be fetched. */
export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" class="button" data-testid="retry" onClick={onRetry}>
      {t('retry')}
    </button>
  );
}
