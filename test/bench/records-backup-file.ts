/**
 * A learner's backup with many statements, written the way Inflow writes one
 * (same layout, keys sorted), so that importing it and exporting again must give
 * the very same bytes.
 */
import { randomUUID } from 'node:crypto';

import { BACKUP_FORMAT, BACKUP_VERSION } from '@/lib/backup-layout';
import { canonicalJson } from '@/lib/canonical-json';
import type { Statement } from '@/lib/db';

const VERBS = ['experienced', 'answered', 'answered', 'completed', 'passed'] as const;

/** A year of a busy learner: lessons opened, questions answered, lessons done and passed. */
function statementAt(index: number): Statement {
  const verb = VERBS[index % VERBS.length]!;
  const base: Statement = {
    uuid: randomUUID(),
    verb,
    pack: `pack-${index % 12}`,
    module: `module-${index % 400}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
  };
  if (verb === 'answered') {
    return { ...base, question: `q${index % 5}`, response: [index % 4], success: index % 3 > 0 };
  }
  if (verb === 'completed') return { ...base, durationMs: 60_000 + (index % 900) * 1000 };
  if (verb === 'passed') return { ...base, success: true, score: { raw: 4, max: 5 } };
  return base;
}

const learner = {
  id: 'me',
  account: '5b0c8e4e-2f7a-4c1d-9a3b-6e8f0d1c2b3a',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** The backup's text: a learner, statements, the other tables empty, as Inflow exports it. */
export function backupWithStatements(count: number): string {
  const rows = Array.from({ length: count }, (_, index) => canonicalJson(statementAt(index)));
  const empty = ['packs', 'progress', 'reviews', 'bookmarks'].map((name) => `"${name}":[\n],\n`);
  return [
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},\n`,
    `"learner":${canonicalJson(learner)},\n`,
    ...empty,
    `"statements":[\n${rows.join(',\n')}\n]}\n`,
  ].join('');
}
