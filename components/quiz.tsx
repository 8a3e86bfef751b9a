import { useId, useRef, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import type { Question } from '@/rules/schema';

import { QuizFeedback } from './quiz-feedback';

interface QuizProps {
  questions: readonly Question[];
  /** The lesson's language, for the questions' text. */
  lang: string;
  onAnswer: (question: string, response: number[], success: boolean) => void;
  /** Whether to head the questions with "Quiz" (not when one is asked again in review). */
  heading?: boolean;
}

/** A lesson's questions, all listed: each answered on its own, with feedback at once. */
export function Quiz({ questions, lang, onAnswer, heading = true }: QuizProps) {
  const headingId = useId();

  return (
    <section class="quiz" data-testid="quiz" aria-labelledby={heading ? headingId : undefined}>
      {heading && (
        <h2 id={headingId} class="quiz-heading">
          {t('quizHeading')}
        </h2>
      )}
      {questions.map((question, index) => (
        <QuizQuestion
          key={question.id}
          question={question}
          number={index + 1}
          total={questions.length}
          lang={lang}
          onAnswer={(response, success) => onAnswer(question.id, response, success)}
        />
      ))}
    </section>
  );
}

/** Whether the picked choices answer the question: the right one, or exactly the right ones. */
function isRight(question: Question, picked: readonly number[]): boolean {
  if (question.multiple) {
    return question.choices.every((choice, index) => choice.correct === picked.includes(index));
  }

  const [only] = picked;
  return picked.length === 1 && only !== undefined && question.choices[only]?.correct === true;
}

interface QuestionProps {
  question: Question;
  number: number;
  total: number;
  lang: string;
  onAnswer: (response: number[], success: boolean) => void;
}

function QuizQuestion({ question, number, total, lang, onAnswer }: QuestionProps) {
  const answer = useAnswer(question, onAnswer);
  const group = useRef<HTMLDivElement>(null);
  const numberId = useId();
  const promptId = useId();

  // "Try again" disappears once clicked; focus goes back to where answering starts.
  const tryAgain = () => {
    answer.reset();
    group.current?.querySelector<HTMLButtonElement>('.choice')?.focus();
  };

  return (
    <div ref={group} class="question" role="group" aria-labelledby={`${numberId} ${promptId}`}>
      <p id={numberId} class="question-number">
        {t('questionNumber', [String(number), String(total)])}
      </p>
      <p id={promptId} class="question-prompt" lang={lang} dir="auto">
        {question.prompt}
      </p>
      <p class="question-hint">{t(question.multiple ? 'pickAll' : 'pickOne')}</p>
      <ul class="choices">
        {question.choices.map((choice, index) => (
          <li key={index}>
            <ChoiceButton
              choice={choice}
              index={index}
              multiple={question.multiple ?? false}
              answer={answer}
              lang={lang}
            />
          </li>
        ))}
      </ul>
      {question.multiple && (
        <button
          type="button"
          class="button"
          data-testid="check"
          aria-disabled={answer.answered || answer.picked.length === 0}
          onClick={answer.check}
        >
          {t('check')}
        </button>
      )}
      <div aria-live="polite">
        {answer.answered && (
          <QuizFeedback
            question={question}
            picked={answer.picked}
            right={answer.right}
            lang={lang}
          />
        )}
      </div>
      {answer.answered && !answer.right && (
        <button type="button" class="button" data-testid="try-again" onClick={tryAgain}>
          {t('tryAgain')}
        </button>
      )}
    </div>
  );
}

interface Answer {
  picked: number[];
  answered: boolean;
  right: boolean;
  choose: (index: number) => void;
  check: () => void;
  reset: () => void;
}

// One choice answers a single-answer question at once; several are picked, then checked.
function useAnswer(question: Question, onAnswer: QuestionProps['onAnswer']): Answer {
  const [picked, setPicked] = useState<number[]>([]);
  const [answered, setAnswered] = useState(false);

  const submit = (response: number[]) => {
    setPicked(response);
    setAnswered(true);
    onAnswer(response, isRight(question, response));
  };

  const choose = (index: number) => {
    if (answered) return;

    if (question.multiple) setPicked((current) => toggle(current, index));
    else submit([index]);
  };

  const check = () => {
    if (!answered && picked.length > 0) submit(picked);
  };

  const reset = () => {
    setPicked([]);
    setAnswered(false);
  };

  const right = answered && isRight(question, picked);
  return { picked, answered, right, choose, check, reset };
}

interface ChoiceButtonProps {
  choice: Question['choices'][number];
  index: number;
  multiple: boolean;
  answer: Answer;
  lang: string;
}

function ChoiceButton({ choice, index, multiple, answer, lang }: ChoiceButtonProps) {
  const picked = answer.picked.includes(index);

  return (
    <button
      type="button"
      class={choiceClass(multiple, choice.correct, picked, answer.answered)}
      data-testid="choice"
      aria-pressed={picked}
      aria-disabled={answer.answered}
      onClick={() => answer.choose(index)}
    >
      <span class="choice-box" aria-hidden="true" />
      <span class="choice-text" lang={lang} dir="auto">
        {choice.text}
      </span>
    </button>
  );
}

function toggle(picked: readonly number[], index: number): number[] {
  return picked.includes(index)
    ? picked.filter((other) => other !== index)
    : [...picked, index].sort((a, b) => a - b);
}

// Once answered, right choices and wrong picks are marked; colour is never the only sign.
function choiceClass(multiple: boolean, correct: boolean, picked: boolean, answered: boolean) {
  const shape = multiple ? 'choice choice--multiple' : 'choice choice--single';
  if (!answered) return shape;

  if (correct) return `${shape} choice--right`;
  return picked ? `${shape} choice--wrong` : shape;
}
