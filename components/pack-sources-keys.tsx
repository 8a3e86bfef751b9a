import { useId, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { addTo, learnerKeys, removeFrom } from '@/lib/pack-settings';
import { formatPublicKey, parsePublicKey } from '@/rules/signature';

/** The signing keys the learner trusts, besides their organization's. */
export function TrustedKeys({ keys }: { keys: string[] }) {
  return (
    <div class="pack-keys" data-testid="learner-keys">
      <h3 class="section-subtitle">{t('keysHeading')}</h3>
      <p>{t('keysIntro')}</p>
      {keys.length === 0 ? (
        <p>{t('keysNone')}</p>
      ) : (
        <ul class="paused-list">
          {keys.map((key) => (
            <li key={key} data-testid="learner-key">
              <code>{key}</code>
              <button
                type="button"
                class="button"
                onClick={() => void removeFrom(learnerKeys, key)}
              >
                {t('keyRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <KeyForm />
    </div>
  );
}

function KeyForm() {
  const inputId = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    const bytes = parsePublicKey(text);
    setInvalid(!bytes);
    if (!bytes) return;

    void addTo(learnerKeys, formatPublicKey(bytes));
    setText('');
  };

  return (
    <form class="field" noValidate onSubmit={submit}>
      <label for={inputId}>{t('keyLabel')}</label>
      <div class="field-row">
        <input
          id={inputId}
          data-testid="key-input"
          aria-invalid={invalid}
          spellcheck={false}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" class="button" data-testid="key-add">
          {t('keyAdd')}
        </button>
      </div>
      <p aria-live="polite">{invalid && t('keyInvalid')}</p>
    </form>
  );
}
