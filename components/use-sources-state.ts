import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

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
  const latest = useRef(0);

  // Several changes in a row send several requests; only the newest answer counts.
  const reload = useCallback(() => {
    const request = ++latest.current;
    const show = (next: SourcesLoad) => request === latest.current && setLoad(next);
    sendMessage('sources.state', {})
      .then((state) => show({ status: 'ready', state }))
      .catch((error: unknown) => {
        logger.warn('The pack sources could not be read', error);
        show({ status: 'failed' });
      });
  }, []);

  useEffect(() => {
    reload();
    return onMessage('sources.changed', () => reload());
  }, [reload]);

  return { load, reload };
}
