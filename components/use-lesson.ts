import { useEffect, useState } from 'preact/hooks';

import type { InflowDatabase } from '@/lib/db';
import { logger } from '@/lib/logger';
import { sendMessage } from '@/lib/messaging';
import { recordOpened, type ModuleRef } from '@/lib/progress';
import type { Module } from '@/rules/schema';

import { useDatabase } from './database-context';

export type LessonState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed' }
  | { status: 'ready'; module: Module; done: boolean };

/**
 * A lesson's full content, fetched from the background script; opening it is
 * recorded in the learner's record. `attempt` changes to fetch it again.
 */
export function useLesson({ pack, module }: ModuleRef, attempt: number): LessonState {
  const db = useDatabase();
  const [state, setState] = useState<LessonState>({ status: 'loading' });

  useEffect(() => {
    let stopped = false;
    setState({ status: 'loading' });
    void openLesson(db, { pack, module }).then((next) => {
      if (!stopped) setState(next);
    });

    return () => {
      stopped = true;
    };
  }, [db, pack, module, attempt]);

  return state;
}

async function openLesson(db: InflowDatabase, ref: ModuleRef): Promise<LessonState> {
  let module: Module | null;
  try {
    module = await sendMessage('panel.module', ref);
  } catch (error) {
    logger.warn(`Could not open lesson ${ref.pack}/${ref.module}`, error);
    return { status: 'failed' };
  }
  if (!module) return { status: 'missing' };

  // The lesson still reads fine when the record cannot be written.
  const progress = await recordOpened(db, ref).catch((error: unknown) => {
    logger.warn('Could not record the opened lesson', error);
    return undefined;
  });
  return { status: 'ready', module, done: progress?.done ?? false };
}
