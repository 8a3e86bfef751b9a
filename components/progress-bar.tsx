import { t } from '@/lib/i18n';
import type { Progress } from '@/lib/milestones';

/** "2 of 5 done" with a bar: a native progress element, so assistive tech reads the value. */
export function ProgressBar({ done, total, label }: Progress & { label: string }) {
  return (
    <div class="progress">
      <progress max={total} value={done} aria-label={label} data-testid="progress-bar" />
      <span class="progress-text" data-testid="progress-text">
        {t('doneOfTotal', [String(done), String(total)])}
      </span>
    </div>
  );
}
