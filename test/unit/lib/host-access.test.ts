import { describe, expect, it } from 'vitest';

import { addedPatterns, syncHostAccess, type HostApi } from '@/lib/host-access';

const BUNDLED = [
  '*://*.lightning.force.com/*',
  '*://*.lightning.force.com.mcas.ms/*',
  '*://app.hubspot.com/*',
];

describe('the hosts the content script needs beyond the manifest', () => {
  it.each([
    [['jira.acme.internal'], ['*://jira.acme.internal/*', '*://jira.acme.internal.mcas.ms/*']],
    [['*.crm.acme.example'], ['*://*.crm.acme.example/*', '*://*.crm.acme.example.mcas.ms/*']],
    [['app.hubspot.com'], ['*://app.hubspot.com.mcas.ms/*']],
    [['acme.lightning.force.com', '*.eu.lightning.force.com', '*.lightning.force.com'], []],
    [['lightning.force.com'], ['*://lightning.force.com/*', '*://lightning.force.com.mcas.ms/*']],
  ])('%j → %j', (globs, patterns) => {
    expect(addedPatterns(globs, BUNDLED)).toEqual(patterns);
  });
});

/** The extension API in memory: what is granted, and the one registration. */
function fakeApi(granted: string[], manifest: HostApi['manifest'] = defaultManifest) {
  let script: { matches: string[]; js: string[] } | undefined;
  const released: string[][] = [];
  const api: HostApi = {
    manifest,
    contains: async (origin) => granted.includes(origin),
    grantedOrigins: async () => [...granted],
    release: async (origins) => {
      released.push(origins);
      for (const origin of origins) granted.splice(granted.indexOf(origin), 1);
    },
    registered: async () => (script ? [script] : []),
    register: async (matches, js) => {
      script = { matches, js };
    },
    update: async (matches, js) => {
      script = { matches, js };
    },
    unregister: async () => {
      script = undefined;
    },
    onChange: () => () => {},
  };
  return { api, released, script: () => script };
}

const defaultManifest: HostApi['manifest'] = {
  host_permissions: BUNDLED,
  content_scripts: [{ matches: BUNDLED, js: ['content-scripts/content.js'] }],
};

describe('bringing host access in line', () => {
  it('should register the content script where access is granted, and list the rest', async () => {
    const fake = fakeApi([...BUNDLED, '*://jira.acme.internal/*']);

    const access = await syncHostAccess(['jira.acme.internal', 'wiki.acme.internal'], fake.api);

    expect(access).toEqual({
      granted: ['*://jira.acme.internal/*'],
      missing: [
        '*://jira.acme.internal.mcas.ms/*',
        '*://wiki.acme.internal/*',
        '*://wiki.acme.internal.mcas.ms/*',
      ],
    });
    expect(fake.script()).toEqual({
      matches: ['*://jira.acme.internal/*'],
      js: ['content-scripts/content.js'],
    });
  });

  it("should unregister and give back access when no pack needs a host any more, never the manifest's own", async () => {
    const fake = fakeApi([...BUNDLED, '*://jira.acme.internal/*']);
    await syncHostAccess(['jira.acme.internal'], fake.api);

    const access = await syncHostAccess(['acme.lightning.force.com'], fake.api);

    expect(access).toEqual({ granted: [], missing: [] });
    expect(fake.script()).toBeUndefined();
    expect(fake.released).toEqual([['*://jira.acme.internal/*']]);
  });

  it('should keep hosts a build holds from install (host_permissions) and register there', async () => {
    const manifest = {
      ...defaultManifest,
      host_permissions: [...BUNDLED, '*://intranet.example.org/*'],
    };
    const fake = fakeApi(manifest.host_permissions, manifest);

    await syncHostAccess(['intranet.example.org'], fake.api);
    await syncHostAccess([], fake.api);

    expect(fake.released).toEqual([]);
  });

  it('should change the registration only when the hosts change', async () => {
    const granted = [...BUNDLED, '*://jira.acme.internal/*'];
    const fake = fakeApi(granted);
    await syncHostAccess(['jira.acme.internal'], fake.api);
    const first = fake.script();

    await syncHostAccess(['jira.acme.internal'], fake.api);
    expect(fake.script()).toBe(first);

    // A wiki pack arrives, and the learner grants its host.
    granted.push('*://wiki.acme.internal/*');
    await syncHostAccess(['jira.acme.internal', 'wiki.acme.internal'], fake.api);
    expect(fake.script()?.matches).toEqual([
      '*://jira.acme.internal/*',
      '*://wiki.acme.internal/*',
    ]);
  });
});
