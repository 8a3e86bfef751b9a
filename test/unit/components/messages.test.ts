import { describe, expect, it } from 'vitest';

import german from '@/public/_locales/de/messages.json';
import english from '@/public/_locales/en/messages.json';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const englishCatalogue: Record<string, Entry> = english;

const locales: [string, Record<string, Entry>][] = [
  ['en', englishCatalogue],
  ['de', german],
];

/** The `$NAME$` placeholders a message uses, lower-cased as Chrome matches them. */
function placeholdersIn(message: string): string[] {
  return [...message.matchAll(/\$(\w+)\$/g)].map(([, name]) => name!.toLowerCase()).sort();
}

describe.each(locales)('the %s messages', (_, messages) => {
  it('should have exactly the English keys', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  // A placeholder may go unused ("1 lesson" needs no count), so callers can pass the
  // same substitutions in every language; one used but not defined prints as "$NAME$".
  it.each(Object.keys(english))('should give %s a text with defined placeholders', (key) => {
    const entry = messages[key]!;
    const defined = Object.keys(entry.placeholders ?? {}).sort();
    const englishDefined = Object.keys(englishCatalogue[key]!.placeholders ?? {}).sort();

    expect(entry.message.trim()).not.toBe('');
    expect(placeholdersIn(entry.message).filter((name) => !defined.includes(name))).toEqual([]);
    expect(defined).toEqual(englishDefined);
  });
});

it('should name the language of each catalogue in its "locale" message', () => {
  expect(locales.map(([name, messages]) => [name, messages['locale']?.message])).toEqual([
    ['en', 'en'],
    ['de', 'de'],
  ]);
});
