import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface SectionProps {
  title: string;
  testId: string;
  children: ComponentChildren;
}

/** One part of the Your data page, labelled by its heading. */
export function Section({ title, testId, children }: SectionProps) {
  const headingId = useId();

  return (
    <section class="data-section" data-testid={testId} aria-labelledby={headingId}>
      <h2 id={headingId} class="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
