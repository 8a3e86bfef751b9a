import { useId, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { SourceOutcome } from '@/lib/protocol';
import { utf8Text } from '@/lib/utf8';
import { MAX_PACK_BYTES } from '@/rules/limits';

type AddState =
  { status: 'idle' } | { status: 'working' } | { status: 'done'; outcome: SourceOutcome };

/** Subscribe to a pack's address, or import a pack file. The background checks either in full. */
export function AddPacks() {
  const [state, setState] = useState<AddState>({ status: 'idle' });
  const run = async (change: () => Promise<SourceOutcome>) => {
    setState({ status: 'working' });
    const outcome = await change().catch((error: unknown) => ({
      ok: false as const,
      error: String(error),
    }));
    setState({ status: 'done', outcome });
  };

  return (
    <div class="pack-add">
      <SubscribeForm busy={state.status === 'working'} run={run} />
      <ImportPackFile busy={state.status === 'working'} run={run} />
      <div aria-live="polite" data-testid="pack-add-status">
        {state.status === 'working' && <p>{t('sourceWorking')}</p>}
        {state.status === 'done' && <AddOutcome outcome={state.outcome} />}
      </div>
    </div>
  );
}

interface FormProps {
  busy: boolean;
  run: (change: () => Promise<SourceOutcome>) => Promise<void>;
}

function SubscribeForm({ busy, run }: FormProps) {
  const inputId = useId();
  const [address, setAddress] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void run(() => sendMessage('sources.subscribe', { url: address.trim() }));
  };

  return (
    <form class="field" noValidate onSubmit={submit}>
      <label for={inputId}>{t('subscribeLabel')}</label>
      <div class="field-row">
        <input
          id={inputId}
          type="url"
          placeholder="https://"
          data-testid="subscribe-input"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" class="button" data-testid="subscribe-add" disabled={busy}>
          {t('subscribeButton')}
        </button>
      </div>
    </form>
  );
}

function ImportPackFile({ busy, run }: FormProps) {
  const inputId = useId();
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;

    // A larger file is refused before it is read at all.
    const tooLarge = {
      ok: false as const,
      error: t('packFileTooLarge', String(MAX_PACK_BYTES / 1024 / 1024)),
    };
    await run(async () => {
      if (file.size > MAX_PACK_BYTES) return tooLarge;
      const text = utf8Text(await file.arrayBuffer());
      if (text === undefined) return { ok: false as const, error: t('packFileNotUtf8') };
      return sendMessage('sources.import', { text, fileName: file.name });
    });
    input.value = '';
  };

  return (
    <div class="field">
      <label for={inputId}>{t('packFileLabel')}</label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        data-testid="pack-file"
        disabled={busy}
        onChange={(event) => void choose(event.currentTarget)}
      />
    </div>
  );
}

function AddOutcome({ outcome }: { outcome: SourceOutcome }) {
  if (outcome.ok)
    return <p data-testid="pack-added">{t('sourceAdded', [outcome.name, outcome.version])}</p>;

  return (
    <div class="notice" data-testid="pack-refused">
      <p>{t('sourceRefused')}</p>
      <pre class="problems">{outcome.error}</pre>
    </div>
  );
}
