/**
 * The learner's record: one Dexie database in the extension's origin. Schema
 * versions are only ever appended, each with an upgrade test from the one before.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';

/** What happened, shaped so that it exports to xAPI without loss. */
export interface Statement {
  id?: number;
  verb: 'experienced' | 'answered' | 'completed';
  pack: string;
  module: string;
  /** For `answered`: the question and the choices picked. */
  question?: string;
  response?: number[];
  success?: boolean;
  /** ISO 8601. */
  timestamp: string;
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

export class InflowDatabase extends Dexie {
  statements!: EntityTable<Statement, 'id'>;
  progress!: EntityTable<ModuleProgress, 'key'>;

  constructor(options?: DexieOptions) {
    super('inflow', options);

    this.version(1).stores({
      statements: '++id, timestamp, verb, [pack+module]',
      progress: 'key, pack, updatedAt',
    });
  }
}

let shared: InflowDatabase | undefined;

/** The database of this extension context, opened on first use. */
export function database(): InflowDatabase {
  shared ??= new InflowDatabase();
  return shared;
}
