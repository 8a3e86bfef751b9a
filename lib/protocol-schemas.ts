/**
 * Checks for messages that arrive from the content script: it runs inside pages,
 * so what it sends is treated like any other input from outside.
 */
import { z } from 'zod';

import { MAX_TEXT_LENGTH } from '@/rules/page';
import { MAX_URL_LENGTH } from '@/rules/url';

const MAX_PROBES = 500;

export const pageSignalsSchema = z.strictObject({
  url: z.string().max(MAX_URL_LENGTH),
  title: z.string().transform((title) => title.slice(0, MAX_TEXT_LENGTH)),
  probes: z
    .record(z.string().max(600), z.string().nullable())
    .refine((probes) => Object.keys(probes).length <= MAX_PROBES, 'at most 500 probes'),
});

export const probeRequestSchema = z.strictObject({ url: z.string().max(MAX_URL_LENGTH) });
