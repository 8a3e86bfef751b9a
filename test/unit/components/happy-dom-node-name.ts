/**
 * happy-dom 21.0.4 answers `''` from `Node.prototype.nodeName` (its subclasses
 * override the getter), and DOMPurify ≥ 3.4.8 reads names through that prototype
 * getter, so it drops allowed elements such as <h2> and <p>. Restores the standard
 * getter for component tests that render lesson bodies. Open upstream as of
 * 2026-12-03: https://github.com/capricorn86/happy-dom/issues/2182
 *
 * This only makes benign Markdown render. happy-dom still cannot run DOMPurify
 * safely (its NodeIterator stops after a removed node; DOMPurify does not support
 * it), so the sanitizer's hostile inputs are tested in real Chromium, in
 * test/unit/lib/markdown.test.ts.
 */
const names: Record<number, (node: Node) => string> = {
  [Node.ELEMENT_NODE]: (node) => (node as Element).tagName,
  [Node.TEXT_NODE]: () => '#text',
  [Node.CDATA_SECTION_NODE]: () => '#cdata-section',
  [Node.PROCESSING_INSTRUCTION_NODE]: (node) => (node as ProcessingInstruction).target,
  [Node.COMMENT_NODE]: () => '#comment',
  [Node.DOCUMENT_NODE]: () => '#document',
  [Node.DOCUMENT_TYPE_NODE]: (node) => (node as DocumentType).name,
  [Node.DOCUMENT_FRAGMENT_NODE]: () => '#document-fragment',
};

Object.defineProperty(Node.prototype, 'nodeName', {
  configurable: true,
  get(this: Node) {
    return names[this.nodeType]?.(this) ?? '';
  },
});
