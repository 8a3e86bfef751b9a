/**
 * Regular expressions from packs run on every page of a tool, and a JavaScript
 * regular expression cannot be interrupted: one that backtracks catastrophically
 * (`(a+)+$`, `(a|a)*b`, `/*-*-*!` as a path) could freeze the browser. Validation
 * refuses them. The check is redos-detector's: it follows the expression's possible
 * backtracking paths, and treats an expression it cannot finish exploring within a
 * step budget as unsafe, so it may refuse a safe but very complex pattern.
 */
import { isSafePattern } from 'redos-detector';
// A CommonJS module: Node's ESM loader sees only its default export.
import regjsparser, { type AstNode } from 'regjsparser';

/**
 * Explored paths per expression: a few ms for a typical pack pattern, 25–70 ms for
 * one it gives up on (and so refuses). The bundled packs pass with room to spare.
 */
const MAX_STEPS = 500;

/**
 * How many ways to backtrack one input position may have. Above the library's
 * default (200) so that bounded overlap (`org\\d+|[a-z0-9]+` in one segment) passes;
 * exponential patterns exhaust MAX_STEPS long before.
 */
const MAX_SCORE = 1000;

/** Why a regular expression does not compile, or `null`. Cheap: the schema runs it. */
export function regexSyntaxProblem(source: string): string | null {
  try {
    new RegExp(source, 'i');
    return null;
  } catch (error) {
    return `a valid regular expression (${oneLine(error)})`;
  }
}

const refused =
  'a regular expression that cannot backtrack catastrophically (no nested or overlapping repetition)';

/**
 * Expressions one pack may send to the detector, which bounds a pack's check to
 * about a second. Without it, a pack of a few hundred such expressions kept the
 * checker busy for a minute. The bundled packs send at most 2 each.
 */
export const MAX_ANALYSED = 20;

const tooMany =
  `at most ${MAX_ANALYSED} regular expressions per pack that repeat a group or hold ` +
  'three varying parts in a row (each needs a slow check); write simpler ones';

/**
 * The backtracking check of one pack: it remembers each expression's verdict, as
 * packs repeat expressions, and refuses the expressions past MAX_ANALYSED that would
 * need the detector.
 */
export class BacktrackingCheck {
  #left = MAX_ANALYSED;
  readonly #verdicts = new Map<string, string | null>();

  /** Why `source` could freeze the browser, or `null` when it cannot. */
  problemOf(source: string, caseInsensitive: boolean): string | null {
    if (!mayBacktrack(source)) return null;

    const key = `${caseInsensitive ? 'i' : '-'}${source}`;
    const known = this.#verdicts.get(key);
    if (known !== undefined) return known;
    if (this.#left === 0) return tooMany;

    this.#left -= 1;
    const verdict = detectorVerdict(source, caseInsensitive);
    this.#verdicts.set(key, verdict);
    return verdict;
  }
}

function detectorVerdict(source: string, caseInsensitive: boolean): string | null {
  try {
    // The detector's parser predates named groups; they do not change how it backtracks.
    const plain = source.replace(/\(\?<([A-Za-z_$][\w$]*)>/g, '(');
    const result = isSafePattern(plain, {
      caseInsensitive,
      maxSteps: MAX_STEPS,
      maxScore: MAX_SCORE,
    });
    return result.safe ? null : refused;
  } catch {
    // Syntax the detector cannot read: refuse rather than run it unchecked.
    return refused;
  }
}

/**
 * Only two shapes can backtrack more than polynomially, or polynomially to a high
 * degree: a repeated part that holds a choice or a repetition (`(a|a)*`, `(a+)+`,
 * `(a|a){40}`: a count too), and three or more parts of varying length in a row
 * (`\\d*\\d*\\d*!`, `a{0,80}` three times, `(a|a)?` twenty times). A choice of fixed
 * words (`login|logout`) only multiplies the work by their number, so it does not
 * count. Other expressions skip the detector, which is slow and overly cautious on
 * long alternations of names.
 */
function mayBacktrack(source: string): boolean {
  const root = treeOf(source);
  // The detector refuses what it cannot read either.
  return root === undefined || hasRiskyShape(root);
}

/** Whether the expression can match texts of different lengths (or cannot be read). */
export function canVaryInLength(source: string): boolean {
  const root = treeOf(source);
  return root === undefined || varies(root);
}

function treeOf(source: string): RegexNode | undefined {
  try {
    return regjsparser.parse(source, '', { namedGroups: true, lookbehind: true });
  } catch {
    return undefined;
  }
}

type RegexNode = AstNode<{ namedGroups: true; lookbehind: true }>;

function hasRiskyShape(node: RegexNode): boolean {
  const parts = childrenOf(node);
  if (node.type === 'quantifier' && (node.max ?? Infinity) > 1) {
    const body = parts[0];
    if (body && (holdsChoice(body) || varies(body))) return true;
  }
  if (node.type === 'alternative' && parts.filter(varies).length >= 3) return true;
  return parts.some(hasRiskyShape);
}

/** Whether the node can match texts of different lengths through a repetition. */
function varies(node: RegexNode): boolean {
  if (node.type === 'quantifier' && node.min !== node.max) return true;
  // A lookaround matches no text of its own.
  if (node.type === 'group' && node.behavior !== 'normal' && node.behavior !== 'ignore') {
    return false;
  }
  return childrenOf(node).some(varies);
}

function holdsChoice(node: RegexNode): boolean {
  return node.type === 'disjunction' || childrenOf(node).some(holdsChoice);
}

function childrenOf(node: RegexNode): RegexNode[] {
  if (node.type === 'characterClass') return [];
  return 'body' in node && Array.isArray(node.body) ? (node.body as RegexNode[]) : [];
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
}
