/**
 * Brings the installed packs in line with the addresses the policy names: a new
 * address is fetched at once; a pack whose address the policy no longer names is
 * removed; an address whose first fetch fails is remembered with its error and
 * tried again later.
 */
import { policySourceFailures, type SourceFailure } from './pack-settings';
import type { EffectivePolicy } from './policy';
import { isRetryDue } from './refresh-schedule';
import { PackSourceError, subscribe, type SourceContext } from './subscriptions';

export async function applyPolicySources(
  context: SourceContext,
  policy: EffectivePolicy,
): Promise<void> {
  const rows = await context.db.packs.toArray();
  const named = new Set(policy.packUrls);
  const policyRows = rows.filter((row) => row.origin === 'policy');

  const gone = policyRows.filter((row) => !named.has(row.source)).map((row) => row.id);
  if (gone.length > 0) await context.db.packs.bulkDelete(gone);

  const held = new Set(policyRows.map((row) => row.source));
  const failures = await policySourceFailures.getValue();
  const now = context.now?.() ?? new Date();
  const next: Record<string, SourceFailure> = {};

  for (const url of policy.packUrls.filter((each) => !held.has(each))) {
    const failed = failures[url];
    if (failed && !isRetryDue(failed.at, now.getTime())) {
      next[url] = failed;
      continue;
    }
    const error = await subscribe(context, url, 'policy').then(() => null, messageOf);
    if (error) next[url] = { error, at: now.toISOString() };
  }
  await policySourceFailures.setValue(next);
}

function messageOf(error: unknown): string {
  if (error instanceof PackSourceError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
