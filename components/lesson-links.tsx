import { useId } from 'preact/hooks';

import { t } from '@/lib/i18n';
import type { Module } from '@/rules/schema';

/** Videos and further reading: links that open in a new tab; nothing remote is embedded. */
export function LessonLinks({ links }: { links: NonNullable<Module['links']> }) {
  const headingId = useId();

  return (
    <section class="links" aria-labelledby={headingId}>
      <h2 id={headingId} class="quiz-heading">
        {t('linksHeading')}
      </h2>
      <ul>
        {links.map((link) => (
          <li key={link.url}>
            <a href={link.url} target="_blank" rel="noopener noreferrer" dir="auto">
              {link.title}
            </a>{' '}
            <span class="link-kind">
              ({t(link.kind === 'video' ? 'linkVideo' : 'linkReading')})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
