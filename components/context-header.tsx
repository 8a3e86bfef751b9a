import { t } from '@/lib/i18n';
import type { Detection } from '@/rules/engine';

/** The tool and the place in it ("Salesforce › Opportunity record"), and why Inflow thinks so. */
export function ContextHeader({ detection }: { detection: Detection }) {
  return (
    <header class="context" data-testid="context">
      <p class="context-place">
        <strong>{detection.toolName}</strong> › {detection.contextName}
      </p>
      <p class="context-why">{t('contextBecause', reasonOf(detection))}</p>
    </header>
  );
}

/** The place the tool and context are in, as the announcement and empty list name it. */
export function placeOf({ toolName, contextName }: Detection): string {
  return `${toolName} › ${contextName}`;
}

// The engine's reason starts with "Tool › Context: ", which the header already shows.
function reasonOf(detection: Detection): string {
  const prefix = `${placeOf(detection)}: `;
  return detection.why.startsWith(prefix) ? detection.why.slice(prefix.length) : detection.why;
}
