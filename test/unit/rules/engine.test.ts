import { describe, expect, it } from 'vitest';

import { compileRules } from '@/rules/engine';
import { depthProblem, MAX_DEPTH, parsePackText } from '@/rules/limits';
import type { Pack } from '@/rules/schema';
import { validatePack } from '@/rules/validate';

function pack(overrides: Partial<Pack> & Pick<Pack, 'tools'>): Pack {
  const result = validatePack({
    format: 1,
    id: 'test.pack',
    name: 'Test',
    version: '1.0.0',
    publisher: 'Test',
    modules: [],
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

const tracker = {
  id: 'tracker',
  name: 'Tracker',
  category: 'project' as const,
  hosts: ['tracker.example'],
  selfHosted: {
    labels: ['tracker'],
    signals: [
      { when: { host: 'tracker.*' }, weight: 0.5 },
      { when: { path: '/ticket/:id(\\d+)' }, weight: 0.5 },
      { when: { meta: { name: 'application-name', equals: 'Tracker' } }, weight: 0.6 },
    ],
    threshold: 1,
  },
  contexts: [
    { id: 'ticket', name: 'Ticket', when: { path: '/ticket/:id(\\d+)' }, because: 'a ticket' },
    { id: 'home', name: 'Home', when: { path: '/' }, because: 'the home page' },
  ],
};

describe('self-hosted installs', () => {
  const rules = compileRules([pack({ tools: [tracker] })]);

  it('should trust the tool on its own hosts, with full confidence', () => {
    expect(rules.match({ url: 'https://tracker.example/' })).toMatchObject({
      tool: 'tracker',
      context: 'home',
      confidence: 1,
    });
  });

  it('should detect an install when enough weak signals add up', () => {
    const detection = rules.match({ url: 'https://tracker.acme.internal/ticket/7' });

    expect(detection).toMatchObject({ tool: 'tracker', context: 'ticket' });
    expect(detection?.confidence).toBeCloseTo(1 / 1.6);
    expect(detection?.evidence.join('; ')).toContain('the host matches tracker.*');
  });

  it("should never take a host that imitates the tool's own domain for an install", () => {
    const url = 'https://tracker.example.evil.example/ticket/7';
    const probes = { 'meta:application-name': 'Tracker' };

    expect(rules.match({ url, probes })).toBeNull();
  });

  it('should not take a single weak signal for the tool', () => {
    expect(rules.match({ url: 'https://tracker.acme.internal/' })).toBeNull();
    expect(rules.match({ url: 'https://other.acme.internal/ticket/7' })).toBeNull();
  });

  it('should count a page marker with the host label, and ask the page for it', () => {
    const url = 'https://tracker.acme.internal/';
    const probes = { 'meta:application-name': 'Tracker' };

    expect(rules.probesFor(url)).toContain('meta:application-name');
    expect(rules.match({ url, probes })).toMatchObject({ tool: 'tracker', context: 'home' });
  });

  it('should refuse a signal that would identify the tool alone', () => {
    const strong = {
      ...tracker.selfHosted,
      signals: [{ when: { path: '/' }, weight: 1 }, tracker.selfHosted.signals[0]!],
    };

    expect(() => pack({ tools: [{ ...tracker, selfHosted: strong }] })).toThrow(
      /selfHosted.signals\[0\].weight.*no single signal may identify a tool/,
    );
  });
});

describe('hosts added by an admin', () => {
  it('should add hosts to a tool defined by another pack', () => {
    const admin = pack({
      id: 'acme.hosts',
      tools: [],
      extraHosts: [{ tool: 'tracker', hosts: ['work.acme.internal'] }],
    } as never);
    const rules = compileRules([pack({ tools: [tracker] }), admin]);

    expect(rules.match({ url: 'https://work.acme.internal/ticket/3' })).toMatchObject({
      tool: 'tracker',
      confidence: 1,
    });
    expect(rules.hostGlobs()).toContain('work.acme.internal');
    expect(rules.warnings).toEqual([]);
  });

  it('should warn about hosts added to a tool no pack defines', () => {
    const admin = pack({
      id: 'acme.hosts',
      tools: [],
      extraHosts: [{ tool: 'nothing', hosts: ['x.acme.internal'] }],
    } as never);

    expect(compileRules([admin]).warnings).toEqual(['acme.hosts: no pack defines tool "nothing"']);
  });
});

describe('requires and excludes between tools', () => {
  const base = (id: string, extra: object = {}) => ({
    id,
    name: id,
    category: 'other' as const,
    hosts: ['shared.example'],
    contexts: [{ id: 'any', name: 'Any', when: { path: '/*' }, because: 'any page' }],
    ...extra,
  });

  it('should let a tool override the tools it excludes, whatever their order', () => {
    const rules = compileRules([
      pack({ tools: [base('general'), base('specific', { excludes: ['general'] })] }),
    ]);

    expect(rules.match({ url: 'https://shared.example/a' })?.tool).toBe('specific');
  });

  it('should drop a tool whose required tool is not detected', () => {
    const addon = base('addon', { requires: ['platform'], hosts: ['shared.example'] });
    const rules = compileRules([pack({ tools: [addon] })]);

    expect(rules.match({ url: 'https://shared.example/a' })).toBeNull();
  });
});

describe('pack limits', () => {
  it('should refuse JSON nested deeper than the limit, naming where', () => {
    let when: object = { path: '/' };
    for (let i = 0; i < MAX_DEPTH + 5; i++) when = { not: when };
    const result = validatePack({ format: 1, tools: [{ contexts: [{ when }] }] });

    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]?.path).toMatch(/^\$\.tools\[0\]\.contexts\[0\]\.when\.not\.not/);
  });

  it('should write the path to deep nesting under an odd key as other problems do', () => {
    let table: object = { EU: 'Europe' };
    for (let i = 0; i < MAX_DEPTH; i++) table = { 'sales region': table };

    expect(depthProblem({ lookups: table })?.path).toMatch(
      /^\$\.lookups\["sales region"\]\["sales region"\]/,
    );
  });

  it('should refuse a pack file over 5 MB before parsing it', () => {
    const parsed = parsePackText(`"${'x'.repeat(6 * 1024 * 1024)}"`);

    expect(parsed).toEqual({
      problem: {
        path: '$',
        expected: 'a pack of at most 5 MB (5,242,880 bytes)',
        found: '6,291,458 bytes',
      },
    });
  });

  it('should report a truncated file as invalid JSON', () => {
    expect(parsePackText('{"format": 1, "tools": [')).toMatchObject({
      problem: { expected: 'valid JSON' },
    });
  });

  it('should give the line and column of a JSON syntax error', () => {
    const parsed = parsePackText('{\n  "format": 1,\r\n  tools: []\n}');

    expect(parsed).toMatchObject({ problem: { path: '$', expected: 'valid JSON' } });
    if ('problem' in parsed) expect(parsed.problem.found).toMatch(/ at line 3, column 3$/);
  });

  it('should place an unexpected token without echoing the file', () => {
    const trailingComma = '{\n  "tools": [\n    {"id": "crm"},\n  ]\n}';
    const description = 'A long line. '.repeat(20);
    const unquoted = `{\n  "name": Acme sales,\n  "description": "${description}"\n}`;

    expect(parsePackText(trailingComma)).toMatchObject({
      problem: { path: '$', found: 'Expected a value at line 4, column 3' },
    });
    expect(parsePackText(unquoted)).toMatchObject({
      problem: { path: '$', found: 'Unexpected characters, not a JSON value at line 2, column 11' },
    });
  });

  it('should place the end of a file cut off too deep for a line-by-line reading', () => {
    const parsed = parsePackText('\n' + '['.repeat(100_000));

    expect(parsed).toMatchObject({
      problem: { path: '$', found: 'Unexpected end of JSON input at line 2, column 100001' },
    });
  });

  it('should refuse a key written twice in one object, which JSON.parse would drop', () => {
    const text = '{"tools": [{"id": "a"}, {"id": "b", "contexts": [],\n  "contexts": []}]}';

    expect(parsePackText(text)).toEqual({
      problem: {
        path: '$.tools[1]',
        expected: 'each key once in an object',
        found: '"contexts" a second time, at line 2, column 3',
      },
    });
  });

  it('should find a key written twice however it is escaped', () => {
    expect(parsePackText('{"id": "a", "\\u0069d": "b"}')).toMatchObject({
      problem: { path: '$', found: '"id" a second time, at line 1, column 13' },
    });
  });

  it('should refuse deep nesting in the copy of a key that JSON.parse drops, naming where', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const parsed = parsePackText(`{"tools": {"a": ${deep}, "a": 1}}`);

    expect(parsed).toMatchObject({
      problem: { expected: `nesting at most ${MAX_DEPTH} levels deep`, found: 'deeper nesting' },
    });
    if ('problem' in parsed) expect(parsed.problem.path).toMatch(/^\$\.tools\.a\[0\]\[0\]/);
  });

  it('should let different objects use the same keys', () => {
    expect(parsePackText('{"a": {"id": 1}, "b": {"id": 2}}')).toEqual({
      value: { a: { id: 1 }, b: { id: 2 } },
    });
  });
});

describe('the probes asked of a page', () => {
  const crm = {
    id: 'crm',
    name: 'CRM',
    category: 'crm' as const,
    hosts: ['crm.example'],
    contexts: [
      {
        id: 'deal',
        name: 'Deal',
        when: {
          all: [{ path: '/deals/:id' }, { selectorText: { selector: 'h1', contains: 'Deal' } }],
        },
        because: 'a deal',
      },
      {
        id: 'not-settings',
        name: 'Anywhere but settings',
        when: { all: [{ not: { path: '/settings' } }, { selector: '.banner' }] },
        because: 'a banner',
      },
      {
        id: 'titled',
        name: 'Titled',
        when: { any: [{ title: { contains: 'Report' } }, { selector: '#report' }] },
        because: 'a report',
      },
    ],
  };
  const rules = compileRules([pack({ tools: [crm] })]);

  it("should leave out a context's probes where its address cannot match", () => {
    expect(rules.probesFor('https://crm.example/settings').sort()).toEqual(['has:#report']);
  });

  it('should ask for the probes a lesson placement reads', () => {
    const module = {
      id: 'editor-tips',
      title: 'Editor tips',
      minutes: 2,
      kind: 'lesson' as const,
      language: 'en',
      body: 'Text.',
      showOn: [{ tool: 'crm', when: { selector: '#editor' } }],
    };
    const withLesson = compileRules([pack({ tools: [crm], modules: [module] })]);
    const url = 'https://crm.example/settings';

    expect(withLesson.probesFor(url)).toContain('has:#editor');
    expect(
      withLesson.match({ url, probes: { 'has:#report': '', 'has:#editor': '' } }),
    ).toMatchObject({ context: 'titled', lessons: [{ module: 'editor-tips' }] });
  });

  it('should ask for every probe a context might need where its address can match', () => {
    expect(rules.probesFor('https://crm.example/deals/7').sort()).toEqual([
      'has:#report',
      'has:.banner',
      'text:h1',
    ]);
  });
});
