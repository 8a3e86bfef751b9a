/**
 * Announces `message` to screen readers without moving focus. It stays in the page
 * from the start: screen readers ignore live regions that appear with their text.
 */
export function LiveRegion({ message }: { message: string }) {
  return (
    <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcement">
      {message}
    </p>
  );
}
