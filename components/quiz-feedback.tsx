import { t } from '@/lib/i18n';
import type { Question } from '@/rules/schema';

type Choice = Question['choices'][number];

interface QuizFeedbackProps {
  question: Question;
  picked: readonly number[];
  right: boolean;
  lang: string;
}

/** Right or not, and why: the explanation of each picked choice, and of each right one missed. */
export function QuizFeedback({ question, picked, right, lang }: QuizFeedbackProps) {
  const chosen = question.choices.filter((_, index) => picked.includes(index));
  const missed = right
    ? []
    : question.choices.filter((choice, index) => choice.correct && !picked.includes(index));

  return (
    <div class={`feedback feedback--${right ? 'right' : 'wrong'}`} data-testid="feedback">
      <p class="feedback-verdict">{t(right ? 'answerRight' : 'answerWrong')}</p>
      {chosen.map((choice) => (
        <Explanation key={choice.text} label={t('yourAnswer')} choice={choice} lang={lang} />
      ))}
      {missed.map((choice) => (
        <Explanation key={choice.text} label={t('rightAnswer')} choice={choice} lang={lang} />
      ))}
    </div>
  );
}

function Explanation({ label, choice, lang }: { label: string; choice: Choice; lang: string }) {
  return (
    <div class="explanation" data-testid="explanation">
      <p class="explanation-label">{label}</p>
      <p class="explanation-choice" lang={lang} dir="auto">
        {choice.text}
      </p>
      <p lang={lang} dir="auto">
        {choice.explanation}
      </p>
    </div>
  );
}
