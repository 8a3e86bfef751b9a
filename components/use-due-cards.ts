import { useEffect, useState } from 'preact/hooks';

import type { ReviewCard } from '@/lib/db';
import { dueCards } from '@/lib/review';

import { useDatabase } from './database-context';
import { useLive } from './use-live';

/** How often "due" is looked at again while the panel stays open. */
const CLOCK_TICK_MS = 60_000;

/** The review cards due now, kept current as cards are reviewed and time passes. */
export function useDueCards(): { cards: ReviewCard[] } {
  const db = useDatabase();
  const now = useMinuteClock();
  const cards = useLive(() => dueCards(db, new Date(now)), [db, now], []);
  return { cards: cards ?? [] };
}

function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  return now;
}
