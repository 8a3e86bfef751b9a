/**
 * The background's pack sources. The bundled packs are used at once; the installed
 * packs join as soon as IndexedDB answers; the policy applies whenever managed
 * storage answers or changes (the policy read last time holds until then). After
 * every change the rules in use are compiled again, the content script follows
 * their hosts, and open panels are told. One change runs at a time.
 */
import { compileRules, type Rules } from '@/rules/engine';
import type { Pack } from '@/rules/schema';

import { database, type InflowDatabase, type InstalledPack } from './db';
import { browserHostApi, syncHostAccess, type HostApi } from './host-access';
import { liveRules, matchOpenTabs } from './live-rules';
import { logger } from './logger';
import { sendMessage } from './messaging';
import { trustOf } from './pack-check';
import {
  checkedCopies,
  disabledPacks,
  lastPolicy,
  learnerKeys,
  policySourceFailures,
  type PolicyReading,
} from './pack-settings';
import { sourcesView, type SourcesState } from './pack-sources-view';
import { NO_POLICY, type EffectivePolicy } from './policy';
import { applyPolicySources } from './policy-sources';
import { watchPolicy } from './policy-watch';
import { isDue, onRefreshAlarm, scheduleRefresh } from './refresh-schedule';
import { isLocked, selectInstalledPacks } from './stored-packs';
import { importPack, refresh, subscribe, type SourceContext } from './subscriptions';

/** What the pack sources reach outside themselves; the real ones unless a test says otherwise. */
export interface PackSourcesOptions {
  db?: InflowDatabase;
  hostApi?: HostApi;
  fetcher?: typeof fetch;
}

export class PackSources {
  readonly #bundled: readonly Pack[];
  readonly #db: InflowDatabase;
  readonly #hostApi: HostApi;
  readonly #fetcher: typeof fetch | undefined;
  #reading: PolicyReading | null = null;
  #compiled: Rules;
  #fingerprint = '';
  #state: SourcesState | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  /** The rules of the packs in use: always the latest compile. */
  readonly rules: Rules;
  #packs: readonly Pack[];
  /** Resolves once the installed packs are in use; never waits for the policy. */
  readonly ready: Promise<void>;

  constructor(bundled: readonly Pack[], options: PackSourcesOptions = {}) {
    this.#bundled = bundled;
    this.#db = options.db ?? database();
    this.#hostApi = options.hostApi ?? browserHostApi();
    this.#fetcher = options.fetcher;
    this.#compiled = compileRules(bundled);
    this.#packs = bundled;
    this.rules = liveRules(() => this.#compiled);
    // Should loading fail, the bundled packs stay in use rather than nothing answering.
    this.ready = this.run(async () => {
      this.#reading = await lastPolicy.getValue();
      await this.#rebuild();
    }).catch(() => {});
  }

  /** Follows the policy, the learner's settings, host grants and the refresh alarm. */
  follow(): () => void {
    const rebuild = () => void this.run(() => this.#rebuild());
    const removers = [
      watchPolicy((reading) => void this.run(() => this.#applyPolicy(reading))),
      learnerKeys.watch(rebuild),
      disabledPacks.watch(rebuild),
      this.#hostApi.onChange(rebuild),
      onRefreshAlarm(() => void this.run(() => this.#refreshDue())),
    ];
    scheduleRefresh().catch((error: unknown) => logger.error('No refresh schedule:', error));
    return () => removers.forEach((remove) => remove());
  }

  /** Runs `task` after every task queued before it; a failure is logged and rethrown. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch((error: unknown) => logger.error('Pack sources:', error));
    return result;
  }

  /** What the options page shows. */
  async state(): Promise<SourcesState> {
    await this.ready;
    return this.run(async () => this.#state ?? fail('the installed packs could not be loaded'));
  }

  /** The packs in use, in precedence order; a new array whenever they change. */
  get packs(): readonly Pack[] {
    return this.#packs;
  }

  get policy(): EffectivePolicy {
    return this.#reading?.policy ?? NO_POLICY;
  }

  /** Subscribes the learner to the pack at `address`. */
  subscribe(address: string): Promise<InstalledPack> {
    return this.#change(async (context) => subscribe(context, address, 'learner'));
  }

  /** Installs a pack file the learner chose. */
  importFile(text: string, fileName: string): Promise<InstalledPack> {
    return this.#change(async (context) => importPack(context, text, fileName));
  }

  /** Asks a subscription's address again now. */
  refreshNow(id: string): Promise<InstalledPack> {
    return this.#change(async (context) => {
      const row = await this.#db.packs.get(id);
      if (!row || row.origin === 'file' || !row.origin) throw new Error(`no subscription "${id}"`);
      return refresh(context, row);
    });
  }

  /** Reads the installed packs again, after another page wrote them. */
  reload(): Promise<void> {
    return this.run(() => this.#rebuild());
  }

  /** Removes a pack the learner added; policy packs stay. */
  remove(id: string): Promise<void> {
    return this.#change(async () => {
      const row = await this.#db.packs.get(id);
      if (row?.origin === 'policy')
        throw new Error("this pack is installed by your organization's policy");
      await this.#db.packs.delete(id);
    });
  }

  #change<T>(task: (context: SourceContext) => Promise<T>): Promise<T> {
    return this.run(async () => {
      try {
        return await task(await this.#context());
      } finally {
        await this.#rebuild();
      }
    });
  }

  async #context(): Promise<SourceContext> {
    const trust = trustOf(this.policy, await learnerKeys.getValue());
    return { db: this.#db, trust, fetcher: this.#fetcher };
  }

  async #applyPolicy(reading: PolicyReading): Promise<void> {
    this.#reading = reading;
    await lastPolicy.setValue(reading);
    await applyPolicySources(await this.#context(), reading.policy);
    await this.#rebuild();
  }

  async #refreshDue(): Promise<void> {
    const now = Date.now();
    const rows = await this.#db.packs.toArray();
    const context = await this.#context();
    for (const row of rows.filter(
      (each) => isSubscription(each) && isDue(each, this.policy, now),
    )) {
      await refresh(context, row);
    }
    await applyPolicySources(context, this.policy);
    await this.#rebuild();
  }

  async #rebuild(): Promise<void> {
    const policy = this.policy;
    const [rows, keys, disabled, checked, failures] = await Promise.all([
      this.#db.packs.toArray(),
      learnerKeys.getValue(),
      disabledPacks.getValue(),
      checkedCopies.getValue(),
      policySourceFailures.getValue(),
    ]);
    const selection = await selectInstalledPacks({
      rows,
      policy,
      learnerKeys: keys,
      disabled,
      checked,
    });
    if (JSON.stringify(selection.checked) !== JSON.stringify(checked)) {
      await checkedCopies.setValue(selection.checked);
    }

    const bundled = this.#bundled.filter(
      (pack) => !disabled.includes(pack.id) || isLocked({ id: pack.id }, policy),
    );
    const packs = [...selection.packs, ...bundled];
    this.#use(compileRules(packs, { extraHosts: policy.extraHosts }), packs, policy);

    const access = await syncHostAccess(this.#compiled.hostGlobs(), this.#hostApi).catch(
      (error: unknown) => {
        logger.error('Host access could not be brought in line:', error);
        return { granted: [], missing: [] };
      },
    );
    this.#state = sourcesView({
      bundled: this.#bundled,
      rows,
      selection,
      reading: this.#reading,
      policy,
      disabled,
      failures,
      learnerKeys: keys,
      missingHosts: access.missing,
      warnings: this.#compiled.warnings,
    });
    sendMessage('sources.changed', {}).catch(() => {});
  }

  /** Puts new rules in use; when they differ, the open tabs are matched again. */
  #use(rules: Rules, packs: readonly Pack[], policy: EffectivePolicy): void {
    this.#compiled = rules;
    this.#packs = packs;
    for (const warning of rules.warnings) logger.warn(warning);

    const fingerprint = JSON.stringify([
      packs.map((p) => `${p.id}@${p.version}`),
      policy.extraHosts,
    ]);
    if (fingerprint === this.#fingerprint) return;
    const first = this.#fingerprint === '';
    this.#fingerprint = fingerprint;
    if (!first) void matchOpenTabs(rules);
  }
}

function fail(message: string): never {
  throw new Error(message);
}

function isSubscription(row: InstalledPack): boolean {
  return row.origin === 'policy' || row.origin === 'learner';
}
