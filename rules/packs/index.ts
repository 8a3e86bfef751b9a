/**
 * The bundled packs, the embedded default. They are data, checked by the same
 * validation as any admin's pack before use.
 */
import atlassian from './atlassian.json';
import googleWorkspace from './google-workspace.json';
import hubspot from './hubspot.json';
import salesforce from './salesforce.json';

/** In precedence order. */
export const bundledPackSources: readonly unknown[] = [
  salesforce,
  hubspot,
  googleWorkspace,
  atlassian,
];
