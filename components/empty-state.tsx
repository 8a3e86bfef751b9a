import { t } from '@/lib/i18n';

/** Shown when no pack knows the page: what Inflow does, without alarm. */
export function EmptyState() {
  return (
    <div class="empty-state" data-testid="empty-state">
      <p class="empty-state-title">{t('emptyTitle')}</p>
      <p>{t('emptyText')}</p>
    </div>
  );
}
