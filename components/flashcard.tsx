import { useEffect, useRef, useState } from 'preact/hooks';

import { t, type MessageKey } from '@/lib/i18n';
import type { Recall } from '@/lib/review';
import type { Card } from '@/rules/schema';

const recalls: readonly { recall: Recall; label: MessageKey }[] = [
  { recall: 'again', label: 'recallAgain' },
  { recall: 'hard', label: 'recallHard' },
  { recall: 'good', label: 'recallGood' },
  { recall: 'easy', label: 'recallEasy' },
];

interface FlashcardProps {
  card: Card;
  lang: string;
  /** How well the learner knew the back; the card is then scheduled. */
  onRate: (recall: Recall) => void | Promise<void>;
}

/** A flashcard: the front, then on request the back and four ways to say how well it went. */
export function Flashcard({ card, lang, onRate }: FlashcardProps) {
  const [shown, setShown] = useState(false);
  const back = useRef<HTMLParagraphElement>(null);

  // Focus on the answer reads it out and puts the rating buttons next in order.
  useEffect(() => {
    if (shown) back.current?.focus();
  }, [shown]);

  return (
    <div class="flashcard" data-testid="flashcard">
      <p class="flashcard-front" lang={lang} dir="auto">
        {card.front}
      </p>
      {shown ? (
        <>
          <p
            ref={back}
            tabIndex={-1}
            class="flashcard-back"
            lang={lang}
            dir="auto"
            data-testid="flashcard-back"
          >
            {card.back}
          </p>
          <div class="recalls" role="group" aria-label={t('recallQuestion')}>
            {recalls.map(({ recall, label }) => (
              <button
                key={recall}
                type="button"
                class="button"
                data-testid={`recall-${recall}`}
                onClick={() => void onRate(recall)}
              >
                {t(label)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <button type="button" class="button" data-testid="show-back" onClick={() => setShown(true)}>
          {t('showAnswer')}
        </button>
      )}
    </div>
  );
}
