import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

import type { Catalogue } from '@/lib/catalogue';
import { logger } from '@/lib/logger';
import { sendMessage } from '@/lib/messaging';

export type CatalogueState =
  { status: 'loading' } | { status: 'ready'; catalogue: Catalogue } | { status: 'failed' };

/** Fetches the catalogue on first need, then keeps it: the panel makes a new loader when packs change. */
export function catalogueLoader(): () => Promise<Catalogue> {
  let loading: Promise<Catalogue> | undefined;
  return () => {
    loading ??= sendMessage('panel.catalogue', {}).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

const CatalogueContext = createContext<() => Promise<Catalogue>>(catalogueLoader());

export const CatalogueProvider = CatalogueContext.Provider;

/** Every module and path the installed packs hold, in summary. */
export function useCatalogue(): CatalogueState {
  const load = useContext(CatalogueContext);
  const [state, setState] = useState<CatalogueState>({ status: 'loading' });

  useEffect(() => {
    let stopped = false;
    load().then(
      (catalogue) => !stopped && setState({ status: 'ready', catalogue }),
      (error: unknown) => {
        logger.warn('Could not load the catalogue', error);
        if (!stopped) setState({ status: 'failed' });
      },
    );
    return () => {
      stopped = true;
    };
  }, [load]);

  return state;
}
