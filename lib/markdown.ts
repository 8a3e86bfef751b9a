/**
 * Lesson bodies: Markdown from packs, turned into HTML that is safe to put in the
 * side panel. Packs come from admins and subscriptions, so the output is sanitized
 * as if it were hostile: text, lists, tables, code and links only.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({
  gfm: true,
  async: false,
  // The lesson title is the reader's heading, so a body's `#` becomes a level below it.
  walkTokens(token) {
    if (token.type === 'heading') token.depth = Math.min(token.depth + 1, 6);
  },
  renderer: {
    // Task lists would render as <input>, which the sanitizer drops with its meaning.
    checkbox: ({ checked }) => (checked ? '☑ ' : '☐ '),
  },
});

// Text, lists, tables, code and links: nothing that loads, runs, styles or submits.
const allowedTags = [
  'p br hr blockquote h2 h3 h4 h5 h6',
  'strong em del code pre kbd a',
  'ul ol li table thead tbody tr th td',
].flatMap((group) => group.split(' '));

const config: Config = {
  ALLOWED_TAGS: allowedTags,
  ALLOWED_ATTR: ['href', 'title', 'start'],
  ALLOW_DATA_ATTR: false,
  // Absolute web and mail links only: a relative link would open inside the extension.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
};

let purifier: Purifier | undefined;

// Created on first use: the module is imported where no window exists yet (tests, build).
function sanitizer(): Purifier {
  if (purifier) return purifier;

  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A' || !node.hasAttribute('href')) return;

    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
  return purifier;
}

/** A lesson body's Markdown as sanitized HTML: links open in a new tab, nothing runs. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizer().sanitize(html, config);
}
