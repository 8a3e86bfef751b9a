/**
 * The learner's record: one Dexie database in the extension's origin. Schema
 * versions are only ever appended, each with an upgrade test from the one before.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';

import { paginate } from './statement-pages';

/** The verbs a statement can carry; each maps to one xAPI verb on export. */
export type Verb = 'experienced' | 'answered' | 'completed' | 'passed' | 'failed' | 'bookmarked';

/** What happened, shaped so that it exports to xAPI without loss. */
export interface Statement {
  /** The row's local key while the statement is one row of `statements`; never exported. */
  id?: number;
  /** Since version 2: the statement's own id (the xAPI statement id), set on creation. */
  uuid?: string;
  verb: Verb;
  pack: string;
  module: string;
  /** For `answered`: the question and the choices picked. */
  question?: string;
  response?: number[];
  success?: boolean;
  /** For `passed` and `failed`: right answers out of the questions asked. */
  score?: { raw: number; max: number };
  /** How long the learner spent, for `completed`. */
  durationMs?: number;
  /** ISO 8601. */
  timestamp: string;
}

/** A statement as a page keeps it: no local key, the UUID is its identity. */
export type PagedStatement = Omit<Statement, 'id'> & { uuid: string };

/**
 * Since version 3: statements in the order they were recorded, many to a row (see
 * `lib/statement-pages.ts` for why and how).
 */
export interface StatementPage {
  /** The position of the page's first statement among all paged statements: 0, 200, 400… */
  at: number;
  statements: PagedStatement[];
}

/** A learner's progress on one module. */
export interface ModuleProgress {
  /** `pack/module`. */
  key: string;
  pack: string;
  module: string;
  done: boolean;
  doneAt?: string;
  /** Per question id: whether the latest answer was right. */
  answers: Record<string, boolean>;
  updatedAt: string;
}

/** The review schedule of one question (FSRS state). */
export interface ReviewCard {
  /** `pack/module/question`. */
  key: string;
  pack: string;
  module: string;
  question: string;
  state: 'new' | 'learning' | 'review' | 'relearning';
  /** ISO 8601: when the question comes back. */
  due: string;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  /** Since version 2, unindexed: FSRS's days until due and its step within (re)learning. */
  scheduledDays?: number;
  learningSteps?: number;
  /** Where the card comes from: a quiz question (the default) or a flashcard. */
  from?: 'question' | 'card';
  /** The tools whose pages show the module, so a due card can appear there too. */
  tools?: string[];
  lastReview?: string;
  updatedAt: string;
}

/** A saved lesson, or a saved page with the text selected on it and a note. */
export interface Bookmark {
  /** A UUID, kept across export and import. */
  id: string;
  kind: 'lesson' | 'page';
  title: string;
  pack?: string;
  module?: string;
  url?: string;
  selection?: string;
  note?: string;
  tags?: string[];
  /** The tool and context detected on the page when it was bookmarked. */
  tool?: string;
  toolName?: string;
  context?: string;
  contextName?: string;
  createdAt: string;
  updatedAt: string;
}

/** Who added an installed pack: the organization's policy, or the learner (an address or a file). */
export type PackOrigin = 'policy' | 'learner' | 'file';

/**
 * A rule pack added to this device: fetched from an address, or imported from a file.
 * (The bundled packs come with the extension and are not stored.) The fields after
 * `updatedAt` are unindexed and optional; see lib/pack-sources.ts.
 */
export interface InstalledPack {
  id: string;
  name: string;
  version: string;
  /** The address the pack is fetched from, or the name of the file it was imported from. */
  source: string;
  installedAt: string;
  updatedAt: string;
  origin?: PackOrigin;
  /** The last good copy, as received (signature included). */
  pack?: Record<string, unknown>;
  /** What the copy was served with, for conditional requests. */
  etag?: string;
  lastModified?: string;
  /** When the address was last asked, and when it last gave a good copy (or "unchanged"). */
  lastCheckedAt?: string;
  lastSuccessAt?: string;
  /** Why the last fetch or check failed; cleared by the next success. */
  lastError?: string;
}

/** Who the learner is in exported statements: an anonymous account, or an email they gave. */
export interface Learner {
  /** Always `me`: one learner per browser profile. */
  id: 'me';
  /** A random UUID, the name of the anonymous xAPI account. */
  account: string;
  email?: string;
  updatedAt: string;
}

export class InflowDatabase extends Dexie {
  /**
   * Statements recorded one at a time since the last import: only the newest part
   * of the record. Read all statements with `lib/statement-pages.ts`.
   */
  statements!: EntityTable<Statement, 'id'>;
  statementPages!: EntityTable<StatementPage, 'at'>;
  progress!: EntityTable<ModuleProgress, 'key'>;
  reviews!: EntityTable<ReviewCard, 'key'>;
  bookmarks!: EntityTable<Bookmark, 'id'>;
  packs!: EntityTable<InstalledPack, 'id'>;
  learner!: EntityTable<Learner, 'id'>;

  constructor(options?: DexieOptions) {
    super('inflow', options);

    this.version(1).stores({
      statements: '++id, timestamp, verb, [pack+module]',
      progress: 'key, pack, updatedAt',
    });

    // Version 2: statements get a UUID (stable ids for export and import), and the
    // rest of the record gets its tables.
    this.version(2)
      .stores({
        statements: '++id, timestamp, verb, [pack+module], &uuid',
        reviews: 'key, due, [pack+module]',
        bookmarks: 'id, createdAt, [pack+module]',
        packs: 'id',
        learner: 'id',
      })
      .upgrade((tx) =>
        tx
          .table<Statement>('statements')
          .toCollection()
          .modify((statement) => {
            statement.uuid ??= crypto.randomUUID();
          }),
      );

    // Version 3: statements move into pages, because IndexedDB's cost is per row
    // (see lib/statement-pages.ts). The rows that stay, recorded one at a time, lose
    // the two indexes nothing queries: `timestamp` and `[pack+module]`.
    this.version(3)
      .stores({
        statements: '++id, verb, &uuid',
        statementPages: 'at',
      })
      .upgrade(async (tx) => {
        const rows = tx.table<Statement, number>('statements');
        const recorded = await rows.orderBy(':id').toArray();

        await tx.table<StatementPage, number>('statementPages').bulkAdd(paginate(recorded, 0));
        await rows.clear();
      });

    // Every writer gets a UUID without having to think of it.
    this.statements.hook('creating', (_key, statement) => {
      statement.uuid ??= crypto.randomUUID();
    });
  }
}

let shared: InflowDatabase | undefined;

/** The database of this extension context, opened on first use. */
export function database(): InflowDatabase {
  shared ??= new InflowDatabase();
  return shared;
}
