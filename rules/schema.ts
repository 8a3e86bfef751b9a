/**
 * The pack format: one JSON document per pack, checked with this schema at every
 * boundary where a pack enters (bundled build, CLI, import, subscription).
 *
 * Every object is strict: an unknown key is an error, so a typo in a pack is
 * reported instead of silently ignored.
 */
import { z } from 'zod';

import { conditionSchema } from './conditions/schema';

// Extension pages and service workers forbid eval; without this, Zod probes for it.
z.config({ jitless: true });

/** An id of a pack, tool, module or path: what admins write, checked the same everywhere. */
export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'lower-case letters, digits, ".", "_" or "-"');

const text = (max: number) => z.string().min(1).max(max);

/** A context id or name: a template whose `{group}` parts are filled from the match. */
const template = text(200);

/** `*.example.com` (any subdomain), `example.com` or `host.example.com`; no scheme, no path. */
export const hostGlob = z
  .string()
  .max(253)
  .regex(
    /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/,
    'a host such as "app.example.com" or "*.example.com" (lower case, no scheme, no path)',
  )
  .refine(
    (glob) => !claimsWholeDomain(glob),
    'a wildcard under a registered domain, such as "*.example.com", not a whole top-level domain',
  );

/**
 * `*.com` or `*.co.uk` would claim every site of a top-level domain, and run the
 * content script there. A simple rule, not the Public Suffix List: a wildcard needs
 * two labels under it, three under a two-letter country's co/com/org/… level.
 */
function claimsWholeDomain(glob: string): boolean {
  if (!glob.startsWith('*.')) return false;
  const labels = glob.split('.').length - 1;
  const countrySecondLevel = /\.(co|com|org|net|gov|ac|edu)\.[a-z]{2}$/.test(glob);
  return labels < (countrySecondLevel ? 3 : 2);
}

const derivation = z.strictObject({
  from: text(40).describe('the named group to read'),
  take: z.number().int().min(1).max(40).optional().describe('use only its first N characters'),
  lookup: text(40).describe('the lookup table to translate through'),
  fallback: text(80).optional().describe('used when the table has no entry'),
});

const contextSchema = z.strictObject({
  id: template.describe('context id, for example "record:{object}"'),
  name: template.describe('what a learner reads, for example "{object} record"'),
  when: conditionSchema,
  because: template.describe('why it holds, in plain words, for example "the address is…"'),
  set: z.record(z.string(), derivation).optional(),
});

export const toolCategories = [
  'crm',
  'help_desk',
  'docs',
  'project',
  'mail',
  'chat',
  'design',
  'hr',
  'other',
] as const;

/** A weak piece of evidence for a self-hosted install: no single one is enough. */
const signalSchema = z.strictObject({
  when: conditionSchema,
  weight: z.number().gt(0).max(1),
});

const hostLabel = z.string().regex(/^[a-z0-9-]{1,63}$/, 'one host label, such as "jira"');

const selfHostedSchema = z
  .strictObject({
    labels: z.array(hostLabel).min(1).max(20).describe('first host labels that suggest an install'),
    signals: z.array(signalSchema).min(2).max(50),
    threshold: z.number().gt(0).max(10),
  })
  .superRefine((selfHosted, context) => {
    selfHosted.signals.forEach((signal, index) => {
      if (signal.weight < selfHosted.threshold) return;
      context.addIssue({
        code: 'custom',
        path: ['signals', index, 'weight'],
        message: `a weight below the threshold (${selfHosted.threshold}): no single signal may identify a tool`,
        input: signal.weight,
      });
    });
  });

const toolSchema = z
  .strictObject({
    id: slug,
    name: text(80),
    category: z.enum(toolCategories),
    hosts: z.array(hostGlob).max(200),
    excludeHosts: z.array(hostGlob).max(200).optional(),
    selfHosted: selfHostedSchema.optional(),
    requires: z.array(slug).max(20).optional().describe('tools that must also be detected'),
    excludes: z.array(slug).max(20).optional().describe('tools this one overrides when both hold'),
    contexts: z.array(contextSchema).min(1).max(20_000),
  })
  .refine((tool) => tool.hosts.length > 0 || tool.selfHosted !== undefined, {
    path: ['hosts'],
    message: 'at least one host, or a selfHosted block',
  });

/** Hosts an admin adds to a tool of any pack, for installs on the organization's own hosts. */
const extraHostsSchema = z.strictObject({
  tool: slug,
  hosts: z.array(hostGlob).min(1).max(200),
});

const choiceSchema = z.strictObject({
  text: text(500),
  correct: z.boolean(),
  explanation: text(1000),
});

const questionSchema = z.strictObject({
  id: slug,
  prompt: text(1000),
  multiple: z.boolean().optional(),
  choices: z.array(choiceSchema).min(2).max(8),
});

/** One flashcard: a prompt on the front, the answer on the back. */
const cardSchema = z.strictObject({
  id: slug,
  front: text(500),
  back: text(1000),
});

/** One step of a checklist, ticked off by the learner. */
const checklistItemSchema = z.strictObject({
  id: slug,
  text: text(500),
});

/** A video or further reading: a link that opens in a new tab, never embedded. */
const linkSchema = z.strictObject({
  title: text(200),
  url: z
    .string()
    .max(2048)
    .regex(/^https:\/\/[^\s]+$/, 'an https:// address'),
  kind: z.enum(['video', 'reading']),
});

/** Where a module is shown: a tool, optionally a context id or a prefix ending in `*`. */
const placementSchema = z.strictObject({
  tool: slug,
  context: text(200).optional(),
  when: conditionSchema.optional(),
});

const moduleSchema = z.strictObject({
  id: slug,
  title: text(200),
  minutes: z.number().int().min(1).max(30),
  kind: z.enum(['lesson', 'quiz', 'checklist', 'flashcards']),
  body: text(20_000).describe('Markdown'),
  questions: z.array(questionSchema).max(20).optional(),
  cards: z.array(cardSchema).max(50).optional().describe('for "flashcards"'),
  items: z.array(checklistItemSchema).max(50).optional().describe('for "checklist"'),
  links: z.array(linkSchema).max(10).optional(),
  skills: z.array(slug).max(20).optional(),
  level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en"'),
  showOn: z.array(placementSchema).min(1).max(100),
  supplements: z.array(slug).max(10).optional(),
});

/** A learning path for a role: modules of the pack in the order to take them. */
const pathSchema = z.strictObject({
  id: slug,
  title: text(200),
  role: text(120),
  description: text(1000).optional(),
  modules: z.array(slug).min(1).max(200),
});

const packTestSchema = z.strictObject({
  url: text(4096),
  title: text(500).optional(),
  tool: slug.nullable(),
  context: text(200).nullable().optional(),
});

/**
 * An Ed25519 signature over the pack's canonical form (see `rules/canonical-form.ts`):
 * the signer's public key and the signature, each base64. `inflow sign` writes it.
 */
const signatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  key: z
    .string()
    .regex(
      /^ed25519:[A-Za-z0-9+/]{43}=$/,
      'a public key such as "ed25519:" and 44 base64 characters',
    )
    .describe("the signer's public key"),
  value: z
    .string()
    .regex(/^[A-Za-z0-9+/]{86}==$/, 'a signature: 88 base64 characters')
    .describe('the 64-byte Ed25519 signature'),
});

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1),
  id: slug,
  name: text(120),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as "1.0.0"'),
  publisher: text(120),
  description: text(1000).optional(),
  refreshHours: z
    .number()
    .int()
    .min(1)
    .max(720)
    .optional()
    .describe('how often a subscribed copy is fetched again, in hours: 1 to 720 (30 days)'),
  lookups: z
    .record(
      z.string().regex(/^[A-Za-z][\w-]{0,39}$/, 'a table name such as "keyPrefixes"'),
      z.record(z.string().max(80), text(120)),
    )
    .optional(),
  tools: z.array(toolSchema).max(2000),
  extraHosts: z.array(extraHostsSchema).max(200).optional(),
  modules: z.array(moduleSchema).max(20_000),
  paths: z.array(pathSchema).max(100).optional(),
  tests: z.array(packTestSchema).max(5000).optional(),
  signature: signatureSchema.optional(),
});

export type Pack = z.infer<typeof packSchema>;
export type Tool = Pack['tools'][number];
export type ToolContext = Tool['contexts'][number];
export type Module = Pack['modules'][number];
export type Question = NonNullable<Module['questions']>[number];
export type Placement = Module['showOn'][number];
export type Card = NonNullable<Module['cards']>[number];
export type ChecklistItem = NonNullable<Module['items']>[number];
export type LearningPath = NonNullable<Pack['paths']>[number];
export type PackTest = NonNullable<Pack['tests']>[number];
export type Signal = NonNullable<Tool['selfHosted']>['signals'][number];
export type Derivation = NonNullable<ToolContext['set']>[string];
