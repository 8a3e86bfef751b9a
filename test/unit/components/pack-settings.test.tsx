import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import { EffectivePolicy } from '@/components/effective-policy';
import { LessonList } from '@/components/lesson-list';
import { AddPacks } from '@/components/pack-sources-add';
import { PackSources } from '@/components/pack-sources';
import { disabledPacks } from '@/lib/pack-settings';
import type { PackSourceView, SourcesState } from '@/lib/pack-sources-view';
import { NO_POLICY } from '@/lib/policy';

import { speakEnglish } from './english-messages';

const ADDRESS = 'https://packs.acme.example/sales.json';

function pack(
  parts: Partial<PackSourceView> & Pick<PackSourceView, 'id' | 'origin'>,
): PackSourceView {
  return {
    name: `Pack ${parts.id}`,
    version: '1.0.0',
    source: '',
    locked: false,
    use: { state: 'used' },
    ...parts,
  };
}

const state: SourcesState = {
  packs: [
    pack({
      id: 'acme.sales',
      origin: 'policy',
      source: ADDRESS,
      locked: true,
      lastSuccessAt: '2026-12-01T10:00:00Z',
      lastCheckedAt: '2026-12-02T10:00:00Z',
      lastError: 'signature does not match: the pack was changed after ed25519:… signed it',
    }),
    pack({ id: 'mine', origin: 'file', source: 'mine.json' }),
    pack({ id: 'salesforce', origin: 'bundled', locked: true }),
    pack({ id: 'hubspot', origin: 'bundled', use: { state: 'off' } }),
  ],
  pending: [],
  policy: {
    ...NO_POLICY,
    packUrls: [ADDRESS],
    requireSignatures: true,
    lockedPacks: ['salesforce'],
  },
  problems: [{ key: 'trustedKeys', value: 'ed25519:nope', problem: 'not an Ed25519 public key' }],
  policyReadAt: '2026-12-02T10:00:00Z',
  learnerKeys: [],
  missingHosts: ['*://wiki.acme.internal/*'],
  warnings: [],
};

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
});

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const container of mounted.splice(0)) render(null, container);
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function mount(children: preact.ComponentChildren) {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(children, container);
  const all = (id: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  return { container, all };
}

const itemOf = (items: HTMLElement[], id: string) =>
  items.find((item) => item.dataset.pack === id)!;

describe('the pack sources list', () => {
  it('should show where each pack comes from, and what a policy pack went through', () => {
    const { all } = mount(<PackSources state={state} />);
    const policyPack = itemOf(all('pack-source'), 'acme.sales');

    expect(policyPack.textContent).toContain('From your organization');
    expect(policyPack.textContent).toContain(ADDRESS);
    expect(policyPack.textContent).toContain('In use · locked by your organization');
    expect(policyPack.querySelector('[data-testid="pack-last-error"]')?.textContent).toContain(
      'so the last good copy stays in use: signature does not match',
    );
    expect(policyPack.querySelector('[data-testid="pack-last-success"]')?.textContent).toMatch(
      /^Last updated /,
    );
  });

  it('should offer turning off and removing only where the learner may', () => {
    const { all } = mount(<PackSources state={state} />);
    const controls = (id: string) => {
      const item = itemOf(all('pack-source'), id);
      return [
        !!item.querySelector('[data-testid="pack-toggle"]'),
        !!item.querySelector('[data-testid="pack-remove"]'),
      ];
    };

    expect(controls('acme.sales')).toEqual([false, false]);
    expect(controls('mine')).toEqual([true, true]);
    expect(controls('salesforce')).toEqual([false, false]);
    expect(controls('hubspot')).toEqual([true, false]);
  });

  it("should turn a pack back on by taking it off the learner's list", async () => {
    await disabledPacks.setValue(['hubspot']);
    const { all } = mount(<PackSources state={state} />);
    const toggle = itemOf(all('pack-source'), 'hubspot').querySelector<HTMLInputElement>(
      '[data-testid="pack-toggle"]',
    )!;

    expect(toggle.checked).toBe(false);
    toggle.click();

    await vi.waitFor(async () => expect(await disabledPacks.getValue()).toEqual([]));
  });

  it('should ask for the hosts the packs need from the click itself', () => {
    const request = vi.fn(async () => true);
    vi.spyOn(fakeBrowser, 'permissions', 'get').mockReturnValue({ request } as never);
    const { all } = mount(<PackSources state={state} />);

    all('hosts-allow')[0]!.click();

    expect(request).toHaveBeenCalledWith({ origins: ['*://wiki.acme.internal/*'] });
  });

  it("should leave out the add forms when the organization's policy forbids them", () => {
    const forbidden = { ...state, policy: { ...state.policy, allowLearnerPacks: false } };
    const { all } = mount(<PackSources state={forbidden} />);

    expect(all('subscribe-input')).toEqual([]);
    expect(all('learner-packs-off')[0]?.textContent).toBe(
      "Your organization's policy doesn't let you add packs.",
    );
  });
});

describe('the effective policy', () => {
  it('should show the values in use and name each problem', () => {
    const { all } = mount(<EffectivePolicy state={state} />);

    expect(all('policy-pack-urls')[0]?.textContent).toContain(ADDRESS);
    expect(all('policy-require-signatures')[0]?.textContent).toBe('Signatures requiredYes');
    expect(all('policy-locked-packs')[0]?.textContent).toContain('salesforce');
    expect(all('policy-problem').map((item) => item.textContent)).toEqual([
      'trustedKeys ed25519:nope: not an Ed25519 public key',
    ]);
    expect(all('policy-none')).toEqual([]);
  });

  it('should say when no policy applies', () => {
    const none = { ...state, policy: { ...NO_POLICY }, problems: [] };
    const { all } = mount(<EffectivePolicy state={none} />);

    expect(all('policy-none')).toHaveLength(1);
  });
});

describe('the lesson list', () => {
  it('should name the pack each lesson comes from', () => {
    const lesson = {
      pack: 'acme.sales',
      packName: 'Acme playbook',
      module: 'm',
      title: 'T',
      minutes: 2,
      kind: 'lesson' as const,
      why: 'Because',
    };
    const { all } = mount(<LessonList lessons={[lesson]} onOpen={() => {}} />);

    expect(all('lesson-why')[0]?.textContent).toBe('Because · From Acme playbook');
  });
});

describe('adding a pack file', () => {
  function choose(input: HTMLElement, bytes: Uint8Array<ArrayBuffer>) {
    Object.defineProperty(input, 'files', {
      value: [new File([bytes], 'pack.json')],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
  }

  it('should refuse a file that is not UTF-8 before sending it anywhere', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const { all } = mount(<AddPacks />);

    // "Café" saved as Latin-1.
    choose(all('pack-file')[0]!, new Uint8Array([0x7b, 0x22, 0x43, 0x61, 0x66, 0xe9, 0x22, 0x7d]));

    await vi.waitFor(() =>
      expect(all('pack-refused')[0]?.textContent).toContain(
        'the file is not UTF-8 text: save the pack as UTF-8 and choose it again',
      ),
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('should send a UTF-8 file to the background, as written', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ value: { ok: true, id: 'mine', name: 'Mine', version: '1.0.0' } });
    const { all } = mount(<AddPacks />);

    choose(all('pack-file')[0]!, new TextEncoder().encode('{"name":"Café"}'));

    await vi.waitFor(() => expect(all('pack-added')).toHaveLength(1));
    expect(send).toHaveBeenCalledWith({
      inflow: 'sources.import',
      data: { text: '{"name":"Café"}', fileName: 'pack.json' },
    });
  });
});
