import { useEffect, useState } from 'preact/hooks';

import { ensureLearner, setLearnerEmail } from '@/lib/learner';
import { logger } from '@/lib/logger';

import { useDatabase } from './database-context';

export type EmailState = 'idle' | 'saved' | 'invalid' | 'failed';

// What the learner typed wins over the stored email arriving late.
const keepTyped = (stored: string) => (typed: string) => (typed === '' ? stored : typed);

/** The email field's value, the outcome of the last save, and the save itself. */
export function useLearnerEmail() {
  const db = useDatabase();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<EmailState>('idle');
  const [refused, setRefused] = useState('');

  useEffect(() => {
    ensureLearner(db).then(
      (learner) => setEmail(keepTyped(learner.email ?? '')),
      (error: unknown) => logger.warn('Could not read the learner', error),
    );
  }, [db]);

  const save = async () => {
    try {
      await setLearnerEmail(db, email);
      setState('saved');
    } catch (error) {
      setRefused(email.trim());
      setState(error instanceof RangeError ? 'invalid' : 'failed');
    }
  };

  return { email, setEmail, state, refused, save };
}
