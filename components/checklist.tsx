import { useId, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import type { ChecklistItem } from '@/rules/schema';

/**
 * A checklist to work through on the page itself. Ticks last while the lesson is
 * open: the list is a guide for the moment, not a record to keep.
 */
export function Checklist({ items, lang }: { items: readonly ChecklistItem[]; lang: string }) {
  const headingId = useId();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string) =>
    setTicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <section class="checklist" data-testid="checklist" aria-labelledby={headingId}>
      <h2 id={headingId} class="quiz-heading">
        {t('checklistHeading')}
      </h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <label class="check-item" lang={lang} dir="auto">
              <input
                type="checkbox"
                checked={ticked.has(item.id)}
                onChange={() => toggle(item.id)}
              />{' '}
              {item.text}
            </label>
          </li>
        ))}
      </ul>
      <p class="checklist-count" aria-live="polite">
        {t('doneOfTotal', [String(ticked.size), String(items.length)])}
      </p>
    </section>
  );
}
