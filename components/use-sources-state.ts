import { useCallback, useEffect, useState } from 'preact/hooks';

import { logger } from '@/lib/logger';
import { onMessage, sendMessage } from '@/lib/messaging';
import type { SourcesState } from '@/lib/pack-sources-view';

export type SourcesLoad =
  { status: 'loading' } | { status: 'failed' } | { status: 'ready'; state: SourcesState };

/**
 * The pack sources and the policy in effect, as the background uses them; read
 * again whenever the background says they changed.
 */
export function useSourcesState(): { load: SourcesLoad; reload: () => void } {
  const [load, setLoad] = useState<SourcesLoad>({ status: 'loading' });

  const reload = useCallback(() => {
    sendMessage('sources.state', {})
      .then((state) => setLoad({ status: 'ready', state }))
      .catch((error: unknown) => {
        logger.warn('The pack sources could not be read', error);
        setLoad({ status: 'failed' });
      });
  }, []);

  useEffect(() => {
    reload();
    return onMessage('sources.changed', () => reload());
  }, [reload]);

  return { load, reload };
}
