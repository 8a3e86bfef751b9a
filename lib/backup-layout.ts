/**
 * What a backup file is, without the means to check one: the format's name, its
 * version and its tables. Kept apart from the schema (backup-format.ts) so that
 * pages that only export do not load Zod.
 */
export const BACKUP_FORMAT = 'inflow-backup';

/** The newest backup version this build writes and reads. */
export const BACKUP_VERSION = 1;

/** The tables of a backup, in the order the file lists them. */
export const BACKUP_TABLES = ['packs', 'progress', 'reviews', 'bookmarks', 'statements'] as const;

export type BackupTable = (typeof BACKUP_TABLES)[number];
