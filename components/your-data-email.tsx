import { useId } from 'preact/hooks';

import { t } from '@/lib/i18n';

import { useLearnerEmail } from './use-learner-email';

/** The email that names the learner in exported xAPI statements; empty for anonymous. */
export function LearnerEmail() {
  const inputId = useId();
  const hintId = useId();
  const { email, setEmail, state, refused, save } = useLearnerEmail();

  const submit = (event: Event) => {
    event.preventDefault();
    void save();
  };

  return (
    <form class="field" noValidate onSubmit={submit}>
      <label for={inputId}>{t('emailLabel')}</label>
      <p id={hintId} class="hint">
        {t('emailHint')}
      </p>
      <div class="field-row">
        <input
          id={inputId}
          type="email"
          autocomplete="email"
          data-testid="email"
          aria-describedby={hintId}
          aria-invalid={state === 'invalid'}
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <button type="submit" class="button" data-testid="email-save">
          {t('emailSave')}
        </button>
      </div>
      <p aria-live="polite" data-testid="email-status">
        {state === 'saved' && t('emailSaved')}
        {state === 'invalid' && t('emailInvalid', refused)}
        {state === 'failed' && t('emailNotSaved')}
      </p>
    </form>
  );
}
