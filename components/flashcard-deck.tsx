import { useId, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import type { Recall } from '@/lib/review';
import type { Card } from '@/rules/schema';

import { Flashcard } from './flashcard';

interface FlashcardDeckProps {
  cards: readonly Card[];
  lang: string;
  /** Each rating schedules the card for review. */
  onRate: (card: string, recall: Recall) => unknown;
}

/** A lesson's flashcards, one at a time; each rated card joins the learner's review. */
export function FlashcardDeck({ cards, lang, onRate }: FlashcardDeckProps) {
  const headingId = useId();
  const [index, setIndex] = useState(0);
  const card = cards[index];

  return (
    <section class="deck" data-testid="flashcards" aria-labelledby={headingId}>
      <h2 id={headingId} class="quiz-heading">
        {t('flashcardsHeading')}
      </h2>
      {card ? (
        <>
          <p class="question-number">
            {t('cardNumber', [String(index + 1), String(cards.length)])}
          </p>
          <Flashcard
            key={card.id}
            card={card}
            lang={lang}
            onRate={(recall) => {
              onRate(card.id, recall);
              setIndex((current) => current + 1);
            }}
          />
        </>
      ) : (
        <div class="notice" data-testid="deck-done">
          <p>{t('deckDone')}</p>
          <button type="button" class="button" onClick={() => setIndex(0)}>
            {t('deckAgain')}
          </button>
        </div>
      )}
    </section>
  );
}
