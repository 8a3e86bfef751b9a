import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';

import { csvCell, csvDocument } from '@/lib/csv';
import { bookmarksCsv, progressCsv } from '@/lib/csv-export';
import { InflowDatabase } from '@/lib/db';

// Formula starts from OWASP's "CSV Injection" page; payloads as seen in reports.
describe('a text cell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['=HYPERLINK("http://x.test","click")', `"'=HYPERLINK(""http://x.test"",""click"")"`],
    ['+41 44 000 00 00', "'+41 44 000 00 00"],
    ['-2+3', "'-2+3"],
    ['-5', "'-5"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', `"'\r=1+2"`],
    ['plain text', 'plain text'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['Grüße – 你好', 'Grüße – 你好'],
    ['', ''],
    ['1+1=2', '1+1=2'],
  ])('should write %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('a number cell', () => {
  it.each([
    [42, '42'],
    [-3, '-3'],
    [-0.25, '-0.25'],
    [0, '0'],
    [1e21, '1e+21'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
  ])('should write %d as %j, unquoted', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('a CSV document', () => {
  it('should start with a byte order mark and end every line with CRLF', () => {
    const text = csvDocument(
      ['name', 'count'],
      [
        ['=cmd', -7],
        [undefined, 3],
      ],
    );

    expect(text).toBe("\uFEFFname,count\r\n'=cmd,-7\r\n,3\r\n");
  });
});

describe('the exported spreadsheets', () => {
  const db = () => new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });

  it('should list progress per module with numeric answer counts', async () => {
    const record = db();
    await record.progress.put({
      key: 'p/m',
      pack: 'p',
      module: 'm',
      done: true,
      doneAt: '2026-02-01T09:00:00.000Z',
      answers: { q1: true, q2: false, q3: true },
      updatedAt: '2026-02-01T09:00:00.000Z',
    });

    const lines = (await progressCsv(record)).slice(1).split('\r\n');

    expect(lines).toEqual([
      'pack,module,done,done_at,questions_answered,questions_right,updated_at',
      'p,m,true,2026-02-01T09:00:00.000Z,3,2,2026-02-01T09:00:00.000Z',
      '',
    ]);
  });

  it('should neutralize a bookmark note that starts like a formula', async () => {
    const record = db();
    await record.bookmarks.put({
      id: '0b9e3c1e-9d7a-4b8e-9f3e-2a1c4d5e6f70',
      kind: 'page',
      title: 'Deal, "Acme"',
      url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
      selection: '+1 555 0100',
      note: '=IMPORTXML("http://x.test","//a")',
      tags: ['-follow up', 'pricing'],
      toolName: 'Salesforce',
      contextName: 'Opportunity record',
      createdAt: '2026-02-01T09:00:00.000Z',
      updatedAt: '2026-02-01T09:00:00.000Z',
    });

    const [, row] = (await bookmarksCsv(record)).split('\r\n');

    expect(row).toBe(
      '2026-02-01T09:00:00.000Z,page,"Deal, ""Acme""",https://acme.lightning.force.com/lightning/r/Opportunity/006/view,,,' +
        `'+1 555 0100,"'=IMPORTXML(""http://x.test"",""//a"")",` +
        `"'-follow up, pricing",Salesforce,Opportunity record,2026-02-01T09:00:00.000Z`,
    );
  });
});
