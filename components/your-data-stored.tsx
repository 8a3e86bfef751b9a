import { useEffect, useState } from 'preact/hooks';

import { t, type MessageKey } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { recordSummary, type RecordSummary } from '@/lib/record-summary';

import { useDatabase } from './database-context';
import { Section } from './your-data-section';

const rows: [keyof Omit<RecordSummary, 'bytes'>, MessageKey][] = [
  ['statements', 'countStatements'],
  ['progress', 'countProgress'],
  ['reviews', 'countReviews'],
  ['bookmarks', 'countBookmarks'],
  ['packs', 'countPacks'],
];

/** "What is stored": how many of each kind, and the storage they take. `changes` re-reads. */
export function StoredData({ changes }: { changes: number }) {
  const db = useDatabase();
  const [summary, setSummary] = useState<RecordSummary | null>(null);

  useEffect(() => {
    let stopped = false;
    recordSummary(db).then(
      (found) => !stopped && setSummary(found),
      (error: unknown) => logger.warn('Could not count the record', error),
    );
    return () => {
      stopped = true;
    };
  }, [db, changes]);

  return (
    <Section title={t('storedHeading')} testId="section-stored">
      <table class="counts">
        <tbody>
          {rows.map(([kind, label]) => (
            <tr key={kind}>
              <th scope="row">{t(label)}</th>
              <td data-testid={`count-${kind}`}>{summary ? formatCount(summary[kind]) : '…'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="stored-size">
        {summary?.bytes == null
          ? t('storedSizeUnknown')
          : t('storedSize', formatBytes(summary.bytes))}
      </p>
    </Section>
  );
}

function locale(): string | undefined {
  const tag = t('locale');
  return tag === 'locale' ? undefined : tag;
}

function formatCount(count: number): string {
  return new Intl.NumberFormat(locale()).format(count);
}

/** 2,400,000 → "2.3 MB", in the page's language. */
export function formatBytes(bytes: number): string {
  const [unit, size] =
    bytes >= 1024 * 1024 ? ['megabyte', bytes / 1024 / 1024] : ['kilobyte', bytes / 1024];
  const format = new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  });
  return format.format(size);
}
