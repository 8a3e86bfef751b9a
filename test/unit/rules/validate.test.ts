import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compileRules } from '@/rules/engine';
import { bundledPackSources } from '@/rules/packs/index';
import { MAX_ANALYSED } from '@/rules/regex-safety';
import { formatProblem, validatePack } from '@/rules/validate';

const minimalPack = () => ({
  format: 1,
  id: 'acme.sales',
  name: 'Acme sales',
  version: '1.0.0',
  publisher: 'Acme L&D',
  tools: [
    {
      id: 'crm',
      name: 'CRM',
      category: 'crm',
      hosts: ['crm.acme.example'],
      contexts: [{ id: 'deal', name: 'Deal', when: { path: '/deals/:id' }, because: 'a deal' }],
    },
  ],
  modules: [],
});

function problemsOf(value: unknown): string[] {
  const result = validatePack(value);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('validatePack', () => {
  it('should accept a minimal pack', () => {
    expect(problemsOf(minimalPack())).toEqual([]);
  });

  it('should name an unknown key and where it is', () => {
    const pack = minimalPack();
    Object.assign(pack.tools[0]!, { hostz: [] });

    expect(problemsOf(pack)).toEqual([
      '$.tools[0]: expected only known keys, found unknown key "hostz" (did you mean "hosts"?)',
    ]);
  });

  it('should suggest another key of the format, not the misspelt key itself', () => {
    const pack = minimalPack();
    const { hosts, ...rest } = pack.tools[0]!;
    pack.tools[0] = { ...rest, host: hosts } as never;

    expect(problemsOf(pack)).toContain(
      '$.tools[0]: expected only known keys, found unknown key "host" (did you mean "hosts"?)',
    );
  });

  it('should suggest only keys that the format allows at that place', () => {
    const pack = minimalPack();
    Object.assign(pack.tools[0]!, { path: '/lightning' });

    // `paths` is a key of conditions, not of tools.
    expect(problemsOf(pack)).toEqual([
      '$.tools[0]: expected only known keys, found unknown key "path"',
    ]);
  });

  it('should say what a field takes in words: its choices, its least size', () => {
    const pack = minimalPack();
    Object.assign(pack.tools[0]!, { category: 'cmr', contexts: [] });

    expect(problemsOf(pack)).toEqual([
      expect.stringMatching(
        /^\$\.tools\[0\]\.category: expected one of "crm", "help_desk", .*, found "cmr"$/,
      ),
      '$.tools[0].contexts: expected at least 1 item, found []',
    ]);
  });

  it('should say in words what a whole number and a lookup key must be', () => {
    const pack = {
      ...minimalPack(),
      refreshHours: 1.5,
      lookups: { '1stRegion': { EU: 'Europe' } },
    };

    expect(problemsOf(pack)).toEqual([
      '$.refreshHours: expected a whole number, found 1.5',
      '$.lookups["1stRegion"]: expected a table name such as "keyPrefixes", found "1stRegion"',
    ]);
  });

  it('should refuse a derived group or lookup entry named "__proto__" instead of dropping it', () => {
    const pack = JSON.parse(
      JSON.stringify({ ...minimalPack(), lookups: { regions: { EU: 'Europe' } } })
        .replace('"EU"', '"__proto__"')
        .replace(
          '"because":"a deal"',
          '"because":"a deal","set":{"__proto__":{"from":"id","lookup":"regions"}}',
        ),
    );
    const refused =
      'expected any key but "__proto__", which a JavaScript object cannot hold, found that key';

    expect(problemsOf(pack)).toEqual([
      `$.tools[0].contexts[0].set.__proto__: ${refused}`,
      `$.lookups.regions.__proto__: ${refused}`,
    ]);
  });

  it('should report every problem at once, each with its path', () => {
    const pack = { ...minimalPack(), version: 'one', format: 2 };
    pack.tools[0]!.hosts = ['https://crm.acme.example/'];

    const problems = problemsOf(pack);

    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('$.format:');
    expect(problems.join('\n')).toContain('$.version:');
    expect(problems.join('\n')).toContain('$.tools[0].hosts[0]:');
  });

  it('should refuse an object that mixes two condition kinds', () => {
    const pack = minimalPack();
    pack.tools[0]!.contexts[0]!.when = { path: '/a', title: { contains: 'b' } } as never;

    expect(problemsOf(pack).join('\n')).toContain(
      '$.tools[0].contexts[0].when: expected exactly one condition kind',
    );
  });

  it('should refuse a path pattern that does not compile, naming its path', () => {
    const pack = minimalPack();
    pack.tools[0]!.contexts[0]!.when = { path: '/deals/:id(' };

    expect(problemsOf(pack)[0]).toMatch(
      /^\$\.tools\[0\]\.contexts\[0\]\.when\.path: expected a URLPattern pattern/,
    );
  });

  it.each([
    ['a path group', { path: '/deals/:id((?:a+)+$)' }, '$.tools[0].contexts[0].when.path'],
    [
      'a path group with overlapping choices',
      { path: '/x/:x((?:a|a)*b)' },
      '$.tools[0].contexts[0].when.path',
    ],
    [
      'a title test with overlapping choices',
      { title: { matches: '(a|aa)+$' } },
      '$.tools[0].contexts[0].when.title.matches',
    ],
    [
      'a title test with three repetitions',
      { title: { matches: '\\d*\\d*\\d*!' } },
      '$.tools[0].contexts[0].when.title.matches',
    ],
    ['a title test', { title: { matches: '(a+)+$' } }, '$.tools[0].contexts[0].when.title.matches'],
    [
      'a title test that counts a group',
      { title: { matches: '^(a|a){40}$' } },
      '$.tools[0].contexts[0].when.title.matches',
    ],
    [
      'a title test with three bounded repetitions',
      { title: { matches: '\\w{1,99}\\w{1,99}\\w{1,99}!' } },
      '$.tools[0].contexts[0].when.title.matches',
    ],
    [
      'a title test with twenty optional choices',
      { title: { matches: `${'(?:a|a)?'.repeat(20)}!` } },
      '$.tools[0].contexts[0].when.title.matches',
    ],
    [
      'a search that is not anchored, with two repetitions',
      { query: { name: 'q', matches: 'a*a*!' } },
      '$.tools[0].contexts[0].when.query.matches',
    ],
    [
      'a title test with repetitions in a lookahead',
      { title: { matches: 'a*(?=a*a*!)' } },
      '$.tools[0].contexts[0].when.title.matches',
    ],
    [
      'a title test with twenty overlapping words',
      { title: { matches: `${'(?:a|aa)'.repeat(20)}!` } },
      '$.tools[0].contexts[0].when.title.matches',
    ],
    [
      'a back reference after a repetition',
      { query: { name: 'q', matches: '(.*)\\1x' } },
      '$.tools[0].contexts[0].when.query.matches',
    ],
    [
      'a search that starts at a word boundary, not at the start',
      { query: { name: 'q', matches: '\\B.*.*x' } },
      '$.tools[0].contexts[0].when.query.matches',
    ],
    [
      'a repeated choice of letters that are one without case',
      { title: { matches: '^(?:σ|ς)*$' } },
      '$.tools[0].contexts[0].when.title.matches',
    ],
    [
      'a path group that counts a group',
      { path: '/x/:a((?:a|a){40})' },
      '$.tools[0].contexts[0].when.path',
    ],
    [
      'a nested query test',
      { all: [{ query: { name: 'q', matches: '(x*)*y' } }] },
      '$.tools[0].contexts[0].when.all[0].query.matches',
    ],
  ])(
    'should refuse a catastrophic regular expression in %s, naming its path',
    (_where, when, path) => {
      const pack = minimalPack();
      pack.tools[0]!.contexts[0]!.when = when as never;

      const problems = problemsOf(pack);

      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(
        `${path}: expected a regular expression that cannot backtrack catastrophically`,
      );
    },
  );

  it.each([
    ['three wildcards', '/*-*-*!'],
    ['a repeated wildcard group', '/:a(.+)+!'],
    ['three groups in one segment', '/:a-:b-:c!'],
    ['three classes in one segment', '/:a([^/]*)-:b([^/]*)-:c([^/]*)!'],
    ['three groups that can take "/"', '/:a([^?]*)/:b(\\S*)/:c(.{0,})/x'],
    ['twenty-eight overlapping choices', `/x${'(a|a)'.repeat(28)}!`],
    ['a repeated group that takes its own prefix', '/deals/{-:tag([a-z0-9-]+)}*'],
    ['groups joined by optional slashes', '/d/:a([a-z]*){/}?:b([a-z]*){/}?:c([a-z]*)x'],
    ['a wildcard right before two groups', '/deals/*:c([a-z]*):d([a-z]*)x'],
  ])('should refuse a path pattern whose shape backtracks: %s', (_shape, path) => {
    const pack = minimalPack();
    pack.tools[0]!.contexts[0]!.when = { path };

    expect(problemsOf(pack)).toEqual([
      expect.stringMatching(/^\$\.tools\[0\]\.contexts\[0\]\.when\.path: expected a pattern/),
    ]);
  });

  it.each([
    ['two groups in one segment', { path: '/:a-:b' }],
    ['bounded runs in separate branches', { title: { matches: '^(?:x{0,80}y{0,80}|z{0,80})$' } }],
    ['a repeated choice of distinct letters', { title: { matches: '(a|b)*c' } }],
    ['words that part at a letter', { title: { matches: '^.*(?:%3[Ff]|%26)sys_id.*$' } }],
    ['an anchored search with two repetitions', { query: { name: 'q', matches: '^\\w+\\s*=' } }],
    ['a slug of words and dashes', { path: '/docs/:slug([a-z0-9]+(?:-[a-z0-9]+)*)' }],
    ['a lookahead that mentions "/"', { path: '/:repo((?!x(?:/|$))[a-z]+)/:b/:c/x' }],
  ])('should accept %s', (_shape, when) => {
    const pack = minimalPack();
    pack.tools[0]!.contexts[0]!.when = when as never;

    expect(problemsOf(pack)).toEqual([]);
  });

  it(`should check at most ${MAX_ANALYSED} expressions of a pack that need the slow check, each once`, () => {
    const pack = minimalPack();
    const context = pack.tools[0]!.contexts[0]!;
    const distinct = Array.from(
      { length: MAX_ANALYSED + 1 },
      (_, i) => `^\\d*-[a-z]*-[A-Z]*-${i}$`,
    );
    pack.tools[0]!.contexts = [...distinct, ...distinct].map((matches, i) => ({
      ...context,
      id: `c${i}`,
      when: { title: { matches } } as never,
    }));

    const problems = problemsOf(pack);

    // The first copies were checked and found safe; the last distinct one, and its
    // copy, were past the limit.
    const at = (index: number) => `$.tools[0].contexts[${index}].when.title.matches`;
    expect(problems.map((problem) => problem.split(': ')[0])).toEqual([
      at(MAX_ANALYSED),
      at(2 * MAX_ANALYSED + 1),
    ]);
    for (const problem of problems) {
      expect(problem).toContain(`expected at most ${MAX_ANALYSED} regular expressions per pack`);
    }
  });

  it('should keep every problem on one line, whatever the input holds', () => {
    const pack = { ...minimalPack(), 'evil\nkey': 1 };

    const problems = problemsOf(pack);

    expect(problems).toEqual(['$: expected only known keys, found unknown key "evil\\nkey"']);
  });

  it('should show a number too large for a double as such, not as null', () => {
    const pack = JSON.parse(JSON.stringify(minimalPack()).replace('"format":1', '"format":1e309'));

    expect(problemsOf(pack)).toEqual(['$.format: expected 1, found Infinity (too large a number)']);
  });

  it('should print terminal commands, reordering marks and long keys as text', () => {
    const pack = {
      ...minimalPack(),
      name: '\u009b2J\u202eevil',
      ['k'.repeat(100_000)]: 1,
    };

    const problems = problemsOf(pack);

    expect(problems).toEqual([
      `$: expected only known keys, found unknown key "${'k'.repeat(76)}…`,
    ]);
    const shown = formatProblem({ path: '$.name', expected: 'x', found: pack.name });
    expect(shown).toBe('$.name: expected x, found \\u009b2J\\u202eevil');
  });

  it('should refuse a wildcard that claims a whole top-level domain', () => {
    const pack = minimalPack();
    pack.tools[0]!.hosts = ['*.com', '*.co.uk', '*.acme.co.uk'];

    expect(problemsOf(pack).map((problem) => problem.split(':')[0])).toEqual([
      '$.tools[0].hosts[0]',
      '$.tools[0].hosts[1]',
    ]);
  });

  it('should refuse a tool id used twice in one pack', () => {
    const pack = minimalPack();
    pack.tools.push(pack.tools[0]!);

    expect(problemsOf(pack)).toEqual([
      '$.tools[1].id: expected a tool id not used before in this pack, found "crm"',
    ]);
  });

  it('should refuse flashcards without cards and a path to a module the pack lacks', () => {
    const pack = {
      ...minimalPack(),
      modules: [
        {
          id: 'terms',
          title: 'Deal terms',
          minutes: 2,
          kind: 'flashcards',
          body: 'Terms.',
          language: 'en',
          showOn: [{ tool: 'crm' }],
        },
      ],
      paths: [
        {
          id: 'new-ae',
          title: 'First week',
          role: 'Account executive',
          modules: ['terms', 'termz'],
        },
      ],
    };

    expect(problemsOf(pack)).toEqual([
      '$.modules[0].cards: expected at least one entry for a "flashcards" module, found "none"',
      '$.paths[0].modules[1]: expected a module of this pack, found "termz"',
    ]);
  });

  it('should refuse a further-reading link that is not https', () => {
    const pack = {
      ...minimalPack(),
      modules: [
        {
          id: 'terms',
          title: 'Deal terms',
          minutes: 2,
          kind: 'lesson',
          body: 'Terms.',
          language: 'en',
          links: [{ title: 'More', url: 'javascript:alert(1)', kind: 'reading' }],
          showOn: [{ tool: 'crm' }],
        },
      ],
    };

    expect(problemsOf(pack)).toEqual([
      '$.modules[0].links[0].url: expected an https:// address, found "javascript:alert(1)"',
    ]);
  });

  it('should never throw, whatever it is given', () => {
    const samples = fc.oneof(
      fc.anything(),
      fc.constant(bundledPackSources[0]),
      fc.record({ format: fc.constant(1), tools: fc.array(fc.anything()), modules: fc.anything() }),
    );

    fc.assert(
      fc.property(samples, (value) => {
        expect(() => validatePack(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the engine on any address', () => {
  const rules = compileRules(
    bundledPackSources.flatMap((source) => {
      const result = validatePack(source);
      return result.ok ? [result.pack] : [];
    }),
  );

  it('should never throw on random strings or random web URLs', () => {
    const addresses = fc.oneof(
      fc.string(),
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
    );

    fc.assert(
      fc.property(addresses, fc.string(), (url, title) => {
        expect(() => rules.match({ url, title })).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
