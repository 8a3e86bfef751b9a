/**
 * What the schema cannot see one object at a time: ids that must be unique, quiz
 * answers that must make sense, and references inside the pack that must resolve.
 */
import { jsonPath, type Problem } from './problem';
import type { Pack } from './schema';

export function crossReferenceProblems(pack: Pack): Problem[] {
  return [...duplicates(pack), ...quizzes(pack), ...kinds(pack), ...references(pack)];
}

function* duplicates(pack: Pack): Generator<Problem> {
  yield* duplicateIds(
    pack.tools.map((tool) => tool.id),
    ['tools'],
    'tool',
  );
  yield* duplicateIds(
    pack.modules.map((module) => module.id),
    ['modules'],
    'module',
  );
  yield* duplicateIds(
    (pack.paths ?? []).map((path) => path.id),
    ['paths'],
    'path',
  );
  for (const [m, module] of pack.modules.entries()) {
    for (const part of ['questions', 'cards', 'items'] as const) {
      const ids = (module[part] ?? []).map((entry) => entry.id);
      yield* duplicateIds(ids, ['modules', m, part], part.slice(0, -1));
    }
  }
}

/** What each kind of module needs to be more than a title. */
const partOfKind = { quiz: 'questions', flashcards: 'cards', checklist: 'items' } as const;

function* kinds(pack: Pack): Generator<Problem> {
  for (const [m, module] of pack.modules.entries()) {
    if (module.kind === 'lesson') continue;
    const part = partOfKind[module.kind];
    if ((module[part]?.length ?? 0) === 0) {
      yield problem(
        ['modules', m, part],
        `at least one entry for a "${module.kind}" module`,
        'none',
      );
    }
  }
}

function* duplicateIds(ids: string[], at: PropertyKey[], what: string): Generator<Problem> {
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (seen.has(id)) {
      yield problem([...at, index, 'id'], `a ${what} id not used before in this pack`, id);
    }
    seen.add(id);
  }
}

function* quizzes(pack: Pack): Generator<Problem> {
  for (const [m, module] of pack.modules.entries()) {
    for (const [q, question] of (module.questions ?? []).entries()) {
      const correct = question.choices.filter((choice) => choice.correct).length;
      const at = ['modules', m, 'questions', q, 'choices'];
      if (correct === 0) yield problem(at, 'at least one correct choice', 'none');
      if (correct > 1 && !question.multiple) {
        yield problem(at, 'one correct choice (or "multiple": true)', `${correct} correct`);
      }
    }
  }
}

function* references(pack: Pack): Generator<Problem> {
  const modules = new Set(pack.modules.map((module) => module.id));
  const tables = new Set(Object.keys(pack.lookups ?? {}));

  for (const [m, module] of pack.modules.entries()) {
    for (const [s, id] of (module.supplements ?? []).entries()) {
      if (!modules.has(id))
        yield problem(['modules', m, 'supplements', s], 'a module of this pack', id);
    }
  }
  for (const [p, path] of (pack.paths ?? []).entries()) {
    for (const [i, id] of path.modules.entries()) {
      if (!modules.has(id)) yield problem(['paths', p, 'modules', i], 'a module of this pack', id);
    }
  }
  for (const [t, tool] of pack.tools.entries()) {
    for (const [c, context] of tool.contexts.entries()) {
      for (const [name, rule] of Object.entries(context.set ?? {})) {
        const at = ['tools', t, 'contexts', c, 'set', name, 'lookup'];
        if (!tables.has(rule.lookup)) yield problem(at, 'a table of "lookups"', rule.lookup);
      }
    }
    for (const relation of ['requires', 'excludes'] as const) {
      for (const [r, id] of (tool[relation] ?? []).entries()) {
        if (id === tool.id) yield problem(['tools', t, relation, r], 'another tool', id);
      }
    }
  }
}

function problem(at: PropertyKey[], expected: string, found: string): Problem {
  return { path: jsonPath(at), expected, found: JSON.stringify(found) };
}
