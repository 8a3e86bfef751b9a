import { useEffect, useRef, useState } from 'preact/hooks';

import type { ReviewCard as ReviewRow } from '@/lib/db';
import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { sendMessage } from '@/lib/messaging';
import { recordAnswer } from '@/lib/progress';
import { nextDue, recallOfAnswer, scheduleReview, type Recall } from '@/lib/review';
import type { Module } from '@/rules/schema';

import { useDatabase } from './database-context';
import { Flashcard } from './flashcard';
import { Notice } from './notice';
import { Quiz } from './quiz';
import { useLive } from './use-live';

/** The Review tab: the cards due now, one at a time, until none is left. */
export function ReviewView({ cards }: { cards: readonly ReviewRow[] }) {
  const [first] = cards;

  return (
    <div class="page" data-testid="review-view">
      <h1 class="page-title">{t('reviewTitle')}</h1>
      {first ? (
        <>
          <p class="review-count" data-testid="review-count">
            {t(cards.length === 1 ? 'reviewDueOne' : 'reviewDueOther', String(cards.length))}
          </p>
          <DueCard key={first.key} card={first} />
        </>
      ) : (
        <NothingDue />
      )}
    </div>
  );
}

function NothingDue() {
  const db = useDatabase();
  const next = useLive(() => nextDue(db), [db], undefined);

  return (
    <Notice testId="nothing-due">
      {next ? t('nothingDueUntil', new Date(next).toLocaleString()) : t('nothingDue')}
    </Notice>
  );
}

type ModuleState = Module | null | 'loading';

/** One due card: its question or flashcard, fetched from the lesson it belongs to. */
function DueCard({ card }: { card: ReviewRow }) {
  const db = useDatabase();
  const module = useModule(card);
  const [failed, setFailed] = useState(false);

  const reschedule = async (recall: Recall) => {
    const item = {
      ...card,
      item: card.question,
      from: card.from ?? 'question',
      tools: card.tools ?? [],
    };
    try {
      await scheduleReview(db, item, recall);
    } catch (error) {
      logger.warn('Could not schedule the review', error);
      setFailed(true);
    }
  };

  if (module === 'loading') return <Notice testId="review-loading">{t('loading')}</Notice>;
  const content = module && cardContent(module, card);
  if (!module || !content) {
    return (
      <Notice
        testId="review-missing"
        action={
          <button type="button" class="button" onClick={() => void db.reviews.delete(card.key)}>
            {t('reviewRemove')}
          </button>
        }
      >
        {t('reviewMissing')}
      </Notice>
    );
  }

  return (
    <section class="review-card" data-testid="review-card">
      <p class="review-source" dir="auto">
        {t('reviewFrom', module.title)}
      </p>
      {content.kind === 'question' ? (
        <QuestionReview
          module={module}
          question={content.question}
          onAnswer={(response, right) => {
            void recordAnswer(db, card, { question: card.question, response, success: right });
          }}
          onNext={(right) => reschedule(recallOfAnswer(right))}
        />
      ) : (
        <Flashcard card={content.card} lang={module.language} onRate={reschedule} />
      )}
      {failed && <p class="notice">{t('progressNotSaved')}</p>}
    </section>
  );
}

function cardContent(module: Module, card: ReviewRow) {
  if (card.from === 'card') {
    const found = module.cards?.find((entry) => entry.id === card.question);
    return found && { kind: 'card' as const, card: found };
  }
  const question = module.questions?.find((entry) => entry.id === card.question);
  return question && { kind: 'question' as const, question };
}

interface QuestionReviewProps {
  module: Module;
  question: NonNullable<Module['questions']>[number];
  onAnswer: (response: number[], right: boolean) => void;
  onNext: (right: boolean) => Promise<void>;
}

/** A quiz question asked again; its first answer decides when it comes back. */
function QuestionReview({ module, question, onAnswer, onNext }: QuestionReviewProps) {
  const [firstAnswer, setFirstAnswer] = useState<boolean | null>(null);
  const next = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (firstAnswer !== null) next.current?.focus();
  }, [firstAnswer]);

  return (
    <>
      <Quiz
        questions={[question]}
        lang={module.language}
        heading={false}
        onAnswer={(_id, response, right) => {
          onAnswer(response, right);
          setFirstAnswer((first) => first ?? right);
        }}
      />
      {firstAnswer !== null && (
        <button
          ref={next}
          type="button"
          class="button button--primary"
          data-testid="review-next"
          onClick={() => void onNext(firstAnswer)}
        >
          {t('reviewNext')}
        </button>
      )}
    </>
  );
}

function useModule(card: ReviewRow): ModuleState {
  const [module, setModule] = useState<ModuleState>('loading');

  useEffect(() => {
    let stopped = false;
    sendMessage('panel.module', { pack: card.pack, module: card.module })
      .catch((error: unknown) => {
        logger.warn('Could not fetch the card', error);
        return null;
      })
      .then((found) => !stopped && setModule(found));
    return () => {
      stopped = true;
    };
  }, [card.pack, card.module]);

  return module;
}
