/**
 * Regular expressions from packs run on every page of a tool, and a JavaScript
 * regular expression cannot be interrupted: one that backtracks catastrophically
 * (`(a+)+$`, `(a|a)*b`, `/*-*-*!` as a path) could freeze the browser. Validation
 * refuses them in two steps. A rough count of the ways an expression can try one
 * text (see `mayBacktrack`) lets the simple ones through at once; the rest go to
 * redos-detector, which follows their possible backtracking paths and treats one it
 * cannot finish exploring within a step budget as unsafe, so it may refuse a safe
 * but complex expression. The count is an estimate: hostile packs found its gaps
 * three times (2026-12-04), and each class found has a test in validate.test.ts.
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
  'a regular expression that cannot backtrack catastrophically (no nested or overlapping ' +
  'repetition; one anchored with ^ may try far fewer ways)';

/**
 * Expressions one pack may send to the detector, which bounds a pack's check to
 * about a second. Without it, a pack of a few hundred such expressions kept the
 * checker busy for a minute. The bundled packs send at most 2 each.
 */
export const MAX_ANALYSED = 20;

const tooMany =
  `at most ${MAX_ANALYSED} regular expressions per pack that could try many ways ` +
  '(each needs a slow check); write simpler ones, or anchor them with ^';

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
 * Whether the expression goes to the detector: when it repeats a part that can
 * itself match in more than one way (`(a|a)*`, `(a+)+`, `(a|a){40}`), or when a
 * rough count of the ways it can try one text passes MAX_WAYS. That count doubles
 * for each choice met in a row (`(a|aa)` twenty times: 2^20); each part of varying
 * length multiplies it by the lengths it can take (`a*` up to the whole text,
 * `x{0,80}` 81; inside lookarounds too, which run again at every step back); and a
 * search not anchored at the start tries every position of the text. The rest skip
 * the detector, which is slow and overly cautious on long alternations of names.
 */
function mayBacktrack(source: string): boolean {
  const root = treeOf(source);
  // The detector refuses what it cannot read either.
  if (root === undefined || repeatsAmbiguousPart(root)) return true;

  const anchored = isStart(root) || isStart(firstOf(root));
  const log2Ways = shapeOf(root).log2Ways + (anchored ? 0 : Math.log2(MAX_TEXT));
  return log2Ways > Math.log2(MAX_WAYS);
}

/** The longest text an expression runs on: an address (titles are cut to 1,000). */
const MAX_TEXT = 4096;

/**
 * Ways to try one text that need no detector: 2^26, which lets a quadratic search
 * over a whole address through with a choice or two (`^[^/]+(?:@|%40)[^/]+$` on
 * 4,096 characters: 14 ms here).
 */
export const MAX_WAYS = 2 ** 26;

/** The base-2 logarithm of the ways the expression can try one text, anchored. */
export function log2Ways(source: string): number {
  const root = treeOf(source);
  return root === undefined ? Infinity : shapeOf(root).log2Ways;
}

/** Whether the expression could take `char` anywhere (or cannot be read). */
export function canMatchCharacter(source: string, char: string): boolean {
  const root = treeOf(source);
  return root === undefined || takes(root, char);
}

function takes(node: RegexNode, char: string): boolean {
  const atoms = ['dot', 'characterClass', 'characterClassEscape', 'value'];
  // One atom on its own is an expression of its own: ask the engine itself.
  if (atoms.includes(node.type)) return new RegExp(`^${node.raw}$`, 'i').test(char);
  // A lookaround only looks: `(?!x/)` takes no "/".
  if (node.type === 'group' && node.behavior !== 'normal' && node.behavior !== 'ignore') {
    return false;
  }
  return childrenOf(node).some((child) => takes(child, char));
}

/** Whether the expression can match texts of different lengths (or cannot be read). */
export function canVaryInLength(source: string): boolean {
  const root = treeOf(source);
  return root === undefined || shapeOf(root).varies;
}

function treeOf(source: string): RegexNode | undefined {
  try {
    return regjsparser.parse(source, '', { namedGroups: true, lookbehind: true });
  } catch {
    return undefined;
  }
}

type RegexNode = AstNode<{ namedGroups: true; lookbehind: true }>;

function repeatsAmbiguousPart(node: RegexNode): boolean {
  const parts = childrenOf(node);
  if (node.type === 'quantifier' && (node.max ?? Infinity) > 1) {
    const body = shapeOf(parts[0]!);
    if (body.log2Ways > 0) return true;
  }
  return parts.some(repeatsAmbiguousPart);
}

interface Shape {
  /** The base-2 logarithm of the ways the part can try one text. */
  log2Ways: number;
  /** Whether it can match texts of different lengths through a repetition. */
  varies: boolean;
}

function shapeOf(node: RegexNode): Shape {
  const parts = childrenOf(node).map(shapeOf);
  const varies = parts.some((part) => part.varies);
  if (node.type === 'disjunction') {
    const own = isAmbiguousChoice(node) ? 1 : 0;
    return { log2Ways: own + Math.max(...parts.map((part) => part.log2Ways)), varies };
  }

  const shape = { log2Ways: parts.reduce((sum, part) => sum + part.log2Ways, 0), varies };
  // A back reference repeats whatever its group took: any length, as far as is known.
  if (node.type === 'reference') return { log2Ways: Math.log2(MAX_TEXT), varies: true };
  if (node.type === 'quantifier' && node.min !== node.max) {
    const lengths = Math.min((node.max ?? Infinity) - node.min + 1, MAX_TEXT);
    shape.log2Ways += Math.log2(lengths);
    shape.varies = true;
  }
  return shape;
}

/**
 * Whether two branches of a choice can both match at one place. Branches of plain
 * characters cannot unless one could be the start of the other (`a|aa`, `a|a`):
 * `%3[Ff]|%26` or `login|logout` part at some character, so only one is ever taken.
 * A wider class, an escape or a repetition counts as overlapping.
 */
function isAmbiguousChoice(node: RegexNode): boolean {
  const branches = childrenOf(node).map(plainCharacters);
  if (branches.some((branch) => branch === undefined)) return true;

  const plain = branches as Set<string>[][];
  return plain.some((branch, i) => plain.some((other, j) => i < j && overlap(branch, other)));
}

/** Whether, over the shorter branch's length, every position can take a same character. */
function overlap(a: Set<string>[], b: Set<string>[]): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (![...a[i]!].some((char) => b[i]!.has(char))) return false;
  }
  return true;
}

/**
 * A character as the `i` flag compares it: by its upper case, when that is one
 * character (so "σ" and "ς" are one, as the engine has them; "k" and the Kelvin
 * sign are not).
 */
function folded(char: string): string {
  const upper = char.toUpperCase();
  return upper.length === char.length ? upper : char;
}

/** Each character the branch can take, case folded, when it is plain; else `undefined`. */
function plainCharacters(node: RegexNode): Set<string>[] | undefined {
  const atoms = node.type === 'alternative' ? childrenOf(node) : [node];
  const places: Set<string>[] = [];
  for (const atom of atoms) {
    const chars = charactersOf(atom);
    if (!chars) return undefined;
    places.push(chars);
  }
  return places;
}

function charactersOf(atom: RegexNode): Set<string> | undefined {
  const char = (codePoint: number) => folded(String.fromCodePoint(codePoint));
  if (atom.type === 'value') return new Set([char(atom.codePoint)]);
  if (atom.type !== 'characterClass' || atom.negative) return undefined;

  const chars = new Set<string>();
  for (const item of atom.body) {
    if (item.type === 'value') chars.add(char(item.codePoint));
    else if (item.type === 'characterClassRange' && item.max.codePoint - item.min.codePoint < 256) {
      for (let code = item.min.codePoint; code <= item.max.codePoint; code++) chars.add(char(code));
    } else return undefined;
  }
  return chars;
}

// Only `^` pins a search to the start; `\b` and `\B` hold at many places.
function isStart(node: RegexNode | undefined): boolean {
  return node?.type === 'anchor' && node.kind === 'start';
}

function firstOf(node: RegexNode): RegexNode | undefined {
  return node.type === 'alternative' ? childrenOf(node)[0] : undefined;
}

function childrenOf(node: RegexNode): RegexNode[] {
  if (node.type === 'characterClass') return [];
  return 'body' in node && Array.isArray(node.body) ? (node.body as RegexNode[]) : [];
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
}
