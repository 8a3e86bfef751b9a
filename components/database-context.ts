/**
 * The learner's record as the panel sees it. Tests provide a database of their
 * own; the extension uses the shared one of its context.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import { database, type InflowDatabase } from '@/lib/db';

const DatabaseContext = createContext<InflowDatabase | null>(null);

export const DatabaseProvider = DatabaseContext.Provider;

export function useDatabase(): InflowDatabase {
  return useContext(DatabaseContext) ?? database();
}
