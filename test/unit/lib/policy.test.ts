// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { NO_POLICY, POLICY_KEYS, readPolicy, type EffectivePolicy } from '@/lib/policy';

// RFC 8032 section 7.1, TEST 1 and TEST 2 public keys: real points of the curve.
const key1 = 'ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';
const key2 = 'ed25519:PUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=';

/** The ways admins write a list: Chrome hands arrays, registry and Firefox admins often text. */
const listForms: [string, (items: string[]) => unknown][] = [
  ['an array', (items) => items],
  ['a JSON string of an array', (items) => JSON.stringify(items)],
  ['an indented JSON string', (items) => `\n ${JSON.stringify(items, null, 2)} \n`],
  ['one item per line', (items) => items.join('\n')],
  ['one item per Windows line', (items) => `${items.join('\r\n')}\r\n`],
  ['items separated by commas', (items) => items.join(', ')],
];

const lists: [keyof EffectivePolicy, string[]][] = [
  ['packUrls', ['https://packs.acme.example/crm.json', 'https://packs.acme.example/hr.json']],
  ['trustedKeys', [key1, key2]],
  ['lockedPacks', ['acme.crm', 'acme.hr']],
];

describe('readPolicy: lists', () => {
  it.each(
    lists.flatMap(([key, items]) =>
      listForms.map(([form, write]) => [key, form, items, write] as const),
    ),
  )('should read %s written as %s', (key, _form, items, write) => {
    const { policy, problems } = readPolicy({ [key]: write(items) });

    expect(problems).toEqual([]);
    expect(policy[key]).toEqual(items);
  });

  it.each(lists.map(([key]) => key))(
    'should name %s of the wrong type and keep the default',
    (key) => {
      for (const value of [42, true, { a: 'b' }]) {
        const { policy, problems } = readPolicy({ [key]: value });

        expect(policy[key]).toEqual([]);
        expect(problems).toEqual([
          {
            key,
            value: JSON.stringify(value),
            problem:
              'expected a list: an array of strings, or a string holding a JSON array; ignored',
          },
        ]);
      }
    },
  );

  it('should name a JSON string that does not parse', () => {
    const { policy, problems } = readPolicy({ packUrls: '["https://packs.acme.example/crm.json"' });

    expect(policy.packUrls).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'packUrls',
        problem: expect.stringMatching(/^looks like JSON but does not parse \(.+\); ignored$/),
      }),
    ]);
  });

  it('should keep the text items of a list and name the others', () => {
    const { policy, problems } = readPolicy({
      lockedPacks: ['acme.crm', 7, null, '', 'acme.crm', ' acme.hr '],
    });

    expect(policy.lockedPacks).toEqual(['acme.crm', 'acme.hr']);
    expect(problems).toEqual([
      {
        key: 'lockedPacks',
        value: '7',
        problem: 'expected text in the list; this item is ignored',
      },
      {
        key: 'lockedPacks',
        value: 'null',
        problem: 'expected text in the list; this item is ignored',
      },
    ]);
  });
});

describe('readPolicy: what a list holds', () => {
  it.each([
    ['https://packs.acme.example/crm.json', 'https://packs.acme.example/crm.json'],
    ['https://PACKS.acme.example/a%20b.json?v=2', 'https://packs.acme.example/a%20b.json?v=2'],
    ['http://localhost:8080/crm.json', 'http://localhost:8080/crm.json'],
    ['http://127.0.0.1/crm.json', 'http://127.0.0.1/crm.json'],
    ['http://[::1]:3000/crm.json', 'http://[::1]:3000/crm.json'],
  ])('should accept the pack address %s', (url, expected) => {
    expect(readPolicy({ packUrls: [url] })).toEqual({
      policy: { ...NO_POLICY, packUrls: [expected] },
      problems: [],
    });
  });

  it.each([
    ['http://packs.acme.example/crm.json', 'not an https:// address (http:// only for localhost)'],
    ['ftp://packs.acme.example/crm.json', 'not an https:// address (http:// only for localhost)'],
    [
      'http://localhost.acme.example/crm.json',
      'not an https:// address (http:// only for localhost)',
    ],
    ['packs.acme.example/crm.json', 'not an address: expected https://…'],
    [
      'https://admin:secret@packs.acme.example/crm.json',
      'an address must not carry a user name or password',
    ],
  ])('should refuse the pack address %s and keep the good ones', (url, problem) => {
    const good = 'https://packs.acme.example/hr.json';

    const { policy, problems } = readPolicy({ packUrls: [url, good] });

    expect(policy.packUrls).toEqual([good]);
    expect(problems).toEqual([{ key: 'packUrls', value: url, problem }]);
  });

  it('should write every trusted key in one form', () => {
    const { policy } = readPolicy({ trustedKeys: [key1.slice('ed25519:'.length), ` ${key2} `] });

    expect(policy.trustedKeys).toEqual([key1, key2]);
  });

  it.each([
    ['too short', 'ed25519:AAAA'],
    ['not base64', 'ed25519:this is not a key!'],
    ['a private key', 'ed25519-private:nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A='],
    ['a small-order point', `ed25519:AQ${'A'.repeat(41)}=`],
    ['a name', 'acme-signing-key'],
  ])('should refuse a trusted key that is %s', (_name, text) => {
    const { policy, problems } = readPolicy({ trustedKeys: [text, key1] });

    expect(policy.trustedKeys).toEqual([key1]);
    expect(problems).toEqual([
      {
        key: 'trustedKeys',
        value: text,
        problem:
          'not an Ed25519 public key: expected "ed25519:" and 44 base64 characters, as inflow keygen prints',
      },
    ]);
  });

  it.each(['Acme.CRM', 'acme crm', '-acme', 'a'.repeat(81)])(
    'should refuse the pack id %s',
    (id) => {
      const { policy, problems } = readPolicy({ lockedPacks: [id, 'acme.crm'] });

      expect(policy.lockedPacks).toEqual(['acme.crm']);
      expect(problems).toEqual([
        {
          key: 'lockedPacks',
          value: id,
          problem: 'not a pack id: lower-case letters, digits, ".", "_" or "-"',
        },
      ]);
    },
  );
});

describe('readPolicy: switches', () => {
  const switches = ['requireSignatures', 'allowLearnerPacks'] as const;

  it.each(
    switches.flatMap((key) =>
      (
        [
          [true, true],
          [false, false],
          ['true', true],
          ['False', false],
          [' TRUE ', true],
          [1, true],
          [0, false],
          ['1', true],
          ['0', false],
        ] as const
      ).map(([value, expected]) => [key, value, expected] as const),
    ),
  )('should read %s set to %j as %s', (key, value, expected) => {
    const { policy, problems } = readPolicy({ [key]: value, trustedKeys: [key1] });

    expect(problems).toEqual([]);
    expect(policy[key]).toBe(expected);
  });

  it.each(
    switches.flatMap((key) =>
      ['yes', 'on', '', 2, [], {}, [true]].map((value) => [key, value] as const),
    ),
  )('should name %s set to %j and keep the default', (key, value) => {
    const { policy, problems } = readPolicy({ [key]: value });

    expect(policy[key]).toBe(NO_POLICY[key]);
    expect(problems).toEqual([
      {
        key,
        value: typeof value === 'string' ? value : JSON.stringify(value),
        problem: `expected true or false; ${NO_POLICY[key]} applies`,
      },
    ]);
  });

  it('should warn that required signatures without a usable key refuse every pack', () => {
    const { policy, problems } = readPolicy({
      requireSignatures: true,
      trustedKeys: ['ed25519:AAAA'],
    });

    expect(policy.requireSignatures).toBe(true);
    expect(problems.map((problem) => problem.key)).toEqual(['trustedKeys', 'requireSignatures']);
    expect(problems[1]?.problem).toContain('no trusted key is usable');
  });
});

describe('readPolicy: refreshHours and recordStoreUrl', () => {
  it.each([
    [12, 12],
    ['24', 24],
    [' 6 ', 6],
    [1, 1],
    [168, 168],
  ])('should read refreshHours %j as %i', (value, expected) => {
    expect(readPolicy({ refreshHours: value })).toEqual({
      policy: { ...NO_POLICY, refreshHours: expected },
      problems: [],
    });
  });

  it.each([0, 169, 1.5, -3, '12h', '', true, [12]])(
    'should name refreshHours %j and use the default',
    (value) => {
      const { policy, problems } = readPolicy({ refreshHours: value });

      expect(policy.refreshHours).toBeUndefined();
      expect(problems).toEqual([
        expect.objectContaining({
          key: 'refreshHours',
          problem: 'expected a whole number of hours from 1 to 168; the default applies',
        }),
      ]);
    },
  );

  it.each(['https://lrs.acme.example/xapi/', 'http://localhost:8080/xapi/'])(
    'should read the record store %s',
    (url) => {
      expect(readPolicy({ recordStoreUrl: ` ${url}` })).toEqual({
        policy: { ...NO_POLICY, recordStoreUrl: url },
        problems: [],
      });
    },
  );

  it.each([
    [
      'http://lrs.acme.example/xapi/',
      'not an https:// address (http:// only for localhost); no record store is used',
    ],
    ['lrs.acme.example', 'not an address: expected https://…; no record store is used'],
    [42, 'expected an address as text; no record store is used'],
    [['https://lrs.acme.example/xapi/'], 'expected an address as text; no record store is used'],
  ])('should name the record store %j', (value, problem) => {
    const { policy, problems } = readPolicy({ recordStoreUrl: value });

    expect(policy.recordStoreUrl).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ key: 'recordStoreUrl', problem })]);
  });
});

describe('readPolicy: extraHosts', () => {
  const expected = [
    { tool: 'jira', hosts: ['jira.corp.example', '*.jira.corp.example'] },
    { tool: 'confluence', hosts: ['wiki.corp.example'] },
  ];
  const asObject = {
    jira: ['jira.corp.example', '*.jira.corp.example'],
    confluence: ['wiki.corp.example'],
  };
  const asItems = [
    'jira=jira.corp.example',
    'jira=*.jira.corp.example',
    'confluence=wiki.corp.example',
  ];

  it.each([
    ['an object of lists (the schema form)', asObject],
    [
      'an object of text lists',
      { jira: 'jira.corp.example, *.jira.corp.example', confluence: 'wiki.corp.example' },
    ],
    [
      'an object with hosts in capitals',
      { jira: ['JIRA.corp.example', '*.Jira.Corp.Example'], confluence: ['wiki.corp.example'] },
    ],
    ['a JSON string of the object', JSON.stringify(asObject)],
    ['a list of tool=host items', asItems],
    ['a JSON string of that list', JSON.stringify(asItems)],
    ['tool=host lines', asItems.join('\n')],
  ])('should read extra hosts written as %s', (_form, value) => {
    const { policy, problems } = readPolicy({ extraHosts: value });

    expect(problems).toEqual([]);
    expect(policy.extraHosts).toEqual(expected);
  });

  it.each([
    [{ Jira: ['jira.corp.example'] }, 'extraHosts.Jira', 'not a tool id'],
    [
      { jira: ['https://jira.corp.example/'] },
      'extraHosts.jira',
      'not a host: expected a host such as',
    ],
    [
      { jira: ['*.com'] },
      'extraHosts.jira',
      'not a host: expected a wildcard under a registered domain',
    ],
    [{ jira: [5] }, 'extraHosts.jira', 'expected text in the list'],
    [{ jira: 5 }, 'extraHosts.jira', 'expected a list'],
    [42, 'extraHosts', 'expected an object of tool ids to lists of hosts'],
    [['jira'], 'extraHosts', 'expected tool=host'],
    ['{"jira": [', 'extraHosts', 'looks like JSON but does not parse'],
  ])('should name extra hosts %j', (value, key, problem) => {
    const { policy, problems } = readPolicy({ extraHosts: value });

    expect(policy.extraHosts).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ key, problem: expect.stringContaining(problem) }),
    ]);
  });

  it('should keep the good hosts of a tool beside a bad one', () => {
    const { policy, problems } = readPolicy({
      extraHosts: { jira: ['jira.corp.example', 'jira corp'] },
    });

    expect(policy.extraHosts).toEqual([{ tool: 'jira', hosts: ['jira.corp.example'] }]);
    expect(problems).toHaveLength(1);
  });
});

describe('readPolicy: the whole policy', () => {
  it('should give the defaults for no policy', () => {
    expect(readPolicy({})).toEqual({ policy: NO_POLICY, problems: [] });
  });

  it('should skip keys that are null or undefined', () => {
    expect(readPolicy({ packUrls: null, trustedKeys: undefined })).toEqual({
      policy: NO_POLICY,
      problems: [],
    });
  });

  it('should never share its lists with the defaults', () => {
    const { policy } = readPolicy({});

    policy.packUrls.push('https://packs.acme.example/x.json');
    policy.extraHosts.push({ tool: 'jira', hosts: ['jira.corp.example'] });

    expect(NO_POLICY.packUrls).toEqual([]);
    expect(NO_POLICY.extraHosts).toEqual([]);
  });

  it.each([
    ['PackUrls', 'not a policy Inflow reads: did you mean "packUrls"? (names are case-sensitive)'],
    ['packUrl', 'not a policy Inflow reads: did you mean "packUrls"?'],
    ['requireSignature', 'not a policy Inflow reads: did you mean "requireSignatures"?'],
    ['colour', 'not a policy Inflow reads'],
  ])('should name the unknown key %s', (key, problem) => {
    const { policy, problems } = readPolicy({ [key]: ['https://packs.acme.example/x.json'] });

    expect(policy).toEqual(NO_POLICY);
    expect(problems).toEqual([{ key, value: '["https://packs.acme.example/x.json"]', problem }]);
  });

  it('should shorten a long value in a problem', () => {
    const { problems } = readPolicy({ packUrls: [`http://packs.acme.example/${'a'.repeat(300)}`] });

    expect(problems[0]?.value).toHaveLength(200);
    expect(problems[0]?.value.endsWith('…')).toBe(true);
  });

  it('should read a full policy as an admin writes it for Chrome', () => {
    const { policy, problems } = readPolicy({
      packUrls: ['https://packs.acme.example/acme-crm.json'],
      trustedKeys: [key1],
      requireSignatures: true,
      allowLearnerPacks: false,
      lockedPacks: ['acme.crm'],
      extraHosts: { jira: ['jira.corp.example'] },
      refreshHours: 12,
      recordStoreUrl: 'https://lrs.acme.example/xapi/',
    });

    expect(problems).toEqual([]);
    expect(policy).toEqual({
      packUrls: ['https://packs.acme.example/acme-crm.json'],
      trustedKeys: [key1],
      requireSignatures: true,
      allowLearnerPacks: false,
      lockedPacks: ['acme.crm'],
      extraHosts: [{ tool: 'jira', hosts: ['jira.corp.example'] }],
      refreshHours: 12,
      recordStoreUrl: 'https://lrs.acme.example/xapi/',
    });
  });
});

describe('public/managed-schema.json', () => {
  const schema = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../public/managed-schema.json'), 'utf8'),
  );

  // The attributes Chromium's policy schema parser accepts for each type
  // (components/policy/core/common/schema.cc, kAttributesAndTypesFor…). Anything
  // else makes Chrome refuse to load the extension.
  const allowed: Record<string, string[]> = {
    array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
    boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
    integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
    number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
    object: [
      'additionalProperties',
      'description',
      'id',
      'patternProperties',
      'properties',
      'required',
      'sensitiveValue',
      'title',
      'type',
    ],
    string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
  };

  function* nodes(
    node: Record<string, unknown>,
    path = '$',
  ): Generator<[string, Record<string, unknown>]> {
    yield [path, node];
    for (const [name, child] of Object.entries((node.properties ?? {}) as object))
      yield* nodes(child, `${path}.${name}`);
    if (node.items) yield* nodes(node.items as Record<string, unknown>, `${path}[]`);
    if (node.additionalProperties)
      yield* nodes(node.additionalProperties as Record<string, unknown>, `${path}.*`);
  }

  it('should declare exactly the keys readPolicy reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('should use only what Chrome accepts: one type per node, known attributes, items for lists', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();

    for (const [path, node] of nodes(schema)) {
      expect(typeof node.type, path).toBe('string');
      for (const attribute of Object.keys(node)) {
        expect(allowed[node.type as string], `${path}: ${attribute}`).toContain(attribute);
      }
      if (node.type === 'array') expect(node.items, path).toBeDefined();
    }
  });

  it('should leave range and pattern checks to readPolicy, so no value is dropped without a word', () => {
    for (const [path, node] of nodes(schema)) {
      for (const check of ['pattern', 'enum', 'minimum', 'maximum', 'required']) {
        expect(node[check], `${path}: ${check}`).toBeUndefined();
      }
    }
  });

  it('should declare for each key the type that readPolicy takes without a problem', () => {
    const samples: Record<string, unknown> = {
      array: ['https://packs.acme.example/x.json'],
      boolean: true,
      integer: 12,
      string: 'https://lrs.acme.example/xapi/',
      object: { jira: ['jira.corp.example'] },
    };
    const fitting: Record<string, unknown> = {
      trustedKeys: [key1],
      lockedPacks: ['acme.crm'],
    };

    for (const key of POLICY_KEYS) {
      const value = fitting[key] ?? samples[schema.properties[key].type];

      expect(readPolicy({ [key]: value, trustedKeys: [key1] }).problems, key).toEqual([]);
    }
  });
});
