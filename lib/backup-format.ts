/**
 * The full backup: one versioned JSON document holding the whole record. This
 * schema is the import's boundary: a file is checked against it completely before
 * anything is written. Every object is strict, so a damaged or foreign file is
 * named as such instead of half-read.
 */
import { z } from 'zod';

import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-layout';

// Extension pages forbid eval; without this, Zod probes for it.
z.config({ jitless: true });

const MAX_ROWS = 2_000_000;

// Pack, module and question ids are slugs in every pack (see rules/schema.ts).
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'a pack, module or question id');
const text = (max: number) => z.string().max(max);
const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0).max(1e9);

const statementSchema = z.strictObject({
  uuid: z.uuid(),
  verb: z.enum(['experienced', 'answered', 'completed', 'passed', 'failed', 'bookmarked']),
  pack: id,
  module: id,
  question: id.optional(),
  response: z.array(z.number().int().min(0).max(100)).max(100).optional(),
  success: z.boolean().optional(),
  score: z.strictObject({ raw: count, max: count }).optional(),
  durationMs: count.optional(),
  timestamp: instant,
});

const progressSchema = z
  .strictObject({
    key: z.string().max(200),
    pack: id,
    module: id,
    done: z.boolean(),
    doneAt: instant.optional(),
    answers: z.record(id, z.boolean()),
    updatedAt: instant,
  })
  .refine((row) => row.key === `${row.pack}/${row.module}`, {
    message: 'key must be "<pack>/<module>"',
    path: ['key'],
  });

const reviewSchema = z
  .strictObject({
    key: z.string().max(300),
    pack: id,
    module: id,
    question: id,
    state: z.enum(['new', 'learning', 'review', 'relearning']),
    due: instant,
    stability: z.number().min(0).max(1e6),
    difficulty: z.number().min(0).max(100),
    reps: count,
    lapses: count,
    scheduledDays: z.number().min(0).max(1e6).optional(),
    learningSteps: count.optional(),
    from: z.enum(['question', 'card']).optional(),
    tools: z.array(id).max(100).optional(),
    lastReview: instant.optional(),
    updatedAt: instant,
  })
  .refine((row) => row.key === `${row.pack}/${row.module}/${row.question}`, {
    message: 'key must be "<pack>/<module>/<question>"',
    path: ['key'],
  });

const bookmarkSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(['lesson', 'page']),
  title: text(1000),
  pack: id.optional(),
  module: id.optional(),
  url: text(8192).optional(),
  selection: text(20_000).optional(),
  note: text(20_000).optional(),
  tags: z.array(text(60)).max(50).optional(),
  tool: id.optional(),
  toolName: text(200).optional(),
  context: text(200).optional(),
  contextName: text(500).optional(),
  createdAt: instant,
  updatedAt: instant,
});

const packSchema = z.strictObject({
  id,
  name: text(200),
  version: text(50),
  source: text(8192),
  installedAt: instant,
  updatedAt: instant,
  origin: z.enum(['policy', 'learner', 'file']).optional(),
  // The pack itself is checked in full by the background before it is used.
  pack: z.record(z.string(), z.unknown()).optional(),
  etag: text(1000).optional(),
  lastModified: text(200).optional(),
  lastCheckedAt: instant.optional(),
  lastSuccessAt: instant.optional(),
  lastError: text(2000).optional(),
});

/** An email a learner gives to be named by in exported statements. */
export const learnerEmailSchema = z.email().max(320);

const learnerSchema = z.strictObject({
  id: z.literal('me'),
  account: z.uuid(),
  email: learnerEmailSchema.optional(),
  updatedAt: instant,
});

const rows = <T extends z.ZodType>(row: T) => z.array(row).max(MAX_ROWS);

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  learner: learnerSchema.nullable(),
  packs: rows(packSchema),
  progress: rows(progressSchema),
  reviews: rows(reviewSchema),
  bookmarks: rows(bookmarkSchema),
  statements: rows(statementSchema),
});

export type Backup = z.infer<typeof backupSchema>;
