import validateStatement from '@learninglocker/xapi-validation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Learner, Statement } from '@/lib/db';
import { ensureLearner, setLearnerEmail } from '@/lib/learner';
import { xapiChunks } from '@/lib/xapi-export';
import { activityId, actorOf, toXapiStatement } from '@/lib/xapi-statement';

import { databaseWith, emptyDatabase, randomRecord } from './record-arbitraries';

const learner: Learner = {
  id: 'me',
  account: '3f2b8c1d-7e4a-4b6c-9d8e-1a2b3c4d5e6f',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const anonymous = actorOf(learner);

function statement(extra: Partial<Statement>): Statement {
  return {
    uuid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    verb: 'experienced',
    pack: 'inflow.salesforce',
    module: 'sf-price-objection',
    timestamp: '2026-03-04T05:06:07.890Z',
    ...extra,
  };
}

const problemsOf = (value: unknown) => validateStatement(value).map((p) => p.path.join('.'));

describe('an xAPI statement', () => {
  it.each([
    ['experienced', 'http://adlnet.gov/expapi/verbs/experienced'],
    ['completed', 'http://adlnet.gov/expapi/verbs/completed'],
    ['answered', 'http://adlnet.gov/expapi/verbs/answered'],
    ['passed', 'http://adlnet.gov/expapi/verbs/passed'],
    ['failed', 'http://adlnet.gov/expapi/verbs/failed'],
    ['bookmarked', 'http://id.tincanapi.com/verb/bookmarked'],
  ] as const)('should say %s with the verb %s, and pass validation', (verb, id) => {
    const xapi = toXapiStatement(statement({ verb }), anonymous);

    expect(xapi.verb).toEqual({ id, display: { 'en-US': verb } });
    expect(problemsOf(xapi)).toEqual([]);
  });

  it('should name the lesson by an id made of its pack and module', () => {
    const xapi = toXapiStatement(statement({}), anonymous);

    expect(xapi.object.id).toBe(
      'https://inflow.example/packs/inflow.salesforce/modules/sf-price-objection',
    );
    expect(xapi.context.contextActivities.grouping[0]?.id).toBe(
      'https://inflow.example/packs/inflow.salesforce',
    );
  });

  it('should make an answer about the question, with the lesson as parent', () => {
    const xapi = toXapiStatement(
      statement({ verb: 'answered', question: 'first-move', response: [0, 2], success: false }),
      anonymous,
    );

    expect(xapi.object.id).toBe(
      `${activityId('inflow.salesforce', 'sf-price-objection')}/questions/first-move`,
    );
    expect(xapi.result).toEqual({ success: false, response: '0[,]2' });
    expect(xapi.context.contextActivities.parent?.[0]?.id).toBe(
      activityId('inflow.salesforce', 'sf-price-objection'),
    );
    expect(problemsOf(xapi)).toEqual([]);
  });

  it.each([
    [
      { raw: 3, max: 4 },
      { scaled: 0.75, raw: 3, min: 0, max: 4 },
    ],
    [
      { raw: 0, max: 5 },
      { scaled: 0, raw: 0, min: 0, max: 5 },
    ],
    [
      { raw: 5, max: 5 },
      { scaled: 1, raw: 5, min: 0, max: 5 },
    ],
    [
      { raw: 9, max: 5 },
      { scaled: 1, raw: 5, min: 0, max: 5 },
    ],
    [
      { raw: 0, max: 0 },
      { raw: 0, min: 0, max: 0 },
    ],
  ])('should scale the score %j to %j', (score, expected) => {
    const xapi = toXapiStatement(statement({ verb: 'passed', success: true, score }), anonymous);

    expect(xapi.result?.score).toEqual(expected);
    expect(problemsOf(xapi)).toEqual([]);
  });

  it('should write a completion with its duration in ISO 8601', () => {
    const xapi = toXapiStatement(
      statement({ verb: 'completed', durationMs: 16_559_140 }),
      anonymous,
    );

    expect(xapi.result).toEqual({ completion: true, duration: 'PT4H35M59.14S' });
  });

  it('should be refused by the validator when a part is wrong (the check can fail)', () => {
    const xapi = toXapiStatement(statement({}), anonymous);

    expect(problemsOf({ ...xapi, id: 'not-a-uuid' })).toEqual(['statement.id']);
    expect(problemsOf({ ...xapi, result: { duration: '4h' } })).toEqual([
      'statement.result.duration',
    ]);
  });
});

describe('the actor', () => {
  it('should be an anonymous account unless the learner gives an email', async () => {
    const db = emptyDatabase();
    const first = await ensureLearner(db);

    expect(actorOf(first)).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://inflow.example/learners', name: first.account },
    });
    expect(actorOf(await setLearnerEmail(db, ' ada@example.com '))).toEqual({
      objectType: 'Agent',
      mbox: 'mailto:ada@example.com',
    });
    expect((await setLearnerEmail(db, '')).email).toBeUndefined();
  });

  it('should refuse something that is not an email address, saying so', async () => {
    const db = emptyDatabase();

    expect(() => setLearnerEmail(db, 'ada at example')).toThrow(
      '"ada at example" is not an email address such as name@example.com',
    );
  });
});

describe('the statements file', () => {
  it('should hold only statements that xapi-validation accepts, for any record', async () => {
    await fc.assert(
      fc.asyncProperty(randomRecord, async (record) => {
        const db = await databaseWith(record);

        const statements = JSON.parse((await xapiChunks(db)).join('')) as unknown[];

        expect(statements).toHaveLength(record.statements.length);
        expect(statements.flatMap(problemsOf)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('should give the same activity and statement ids in every export', async () => {
    const db = await databaseWith({
      learner: null,
      packs: [],
      progress: [],
      reviews: [],
      bookmarks: [],
      statements: [statement({})] as never,
    });

    const [first, second] = [await xapiChunks(db), await xapiChunks(db)].map((c) => c.join(''));

    expect(second).toBe(first);
    expect(JSON.parse(first!)[0].id).toBe('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
  });
});
