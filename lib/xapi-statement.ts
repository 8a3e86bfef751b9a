/**
 * The record's statements as xAPI 1.0.3 statements, for a learning record store.
 * Activity ids are made from pack, module and question ids, so the same lesson has
 * the same id in every export, on every device.
 */
import type { Learner, Statement, Verb } from './db';
import { isoDuration } from './iso-duration';

/** Inflow's IRI. xAPI ids only identify; nothing is fetched from it. */
export const INFLOW_IRI = 'https://inflow.example';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const VERB_IDS: Record<Verb, string> = {
  experienced: `${ADL}experienced`,
  answered: `${ADL}answered`,
  completed: `${ADL}completed`,
  passed: `${ADL}passed`,
  failed: `${ADL}failed`,
  bookmarked: 'http://id.tincanapi.com/verb/bookmarked',
};

const LESSON_TYPE = 'http://adlnet.gov/expapi/activities/lesson';
const COURSE_TYPE = 'http://adlnet.gov/expapi/activities/course';
const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

export interface XapiAgent {
  objectType: 'Agent';
  mbox?: string;
  account?: { homePage: string; name: string };
}

interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: { type: string; interactionType?: 'choice' };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: { 'en-US': Verb } };
  object: XapiActivity;
  result?: XapiResult;
  context: {
    platform: 'Inflow';
    contextActivities: { parent?: XapiActivity[]; grouping: XapiActivity[] };
  };
  timestamp: string;
}

interface XapiResult {
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  score?: { scaled?: number; raw: number; min: 0; max: number };
}

/** `https://inflow.example/packs/<pack>[/modules/<module>[/questions/<question>]]`. */
export function activityId(pack: string, module?: string, question?: string): string {
  const parts = [`packs/${encodeURIComponent(pack)}`];
  if (module !== undefined) parts.push(`modules/${encodeURIComponent(module)}`);
  if (question !== undefined) parts.push(`questions/${encodeURIComponent(question)}`);
  return `${INFLOW_IRI}/${parts.join('/')}`;
}

/** The learner's email when given, else the anonymous account. */
export function actorOf(learner: Learner): XapiAgent {
  if (learner.email) return { objectType: 'Agent', mbox: `mailto:${learner.email}` };
  return {
    objectType: 'Agent',
    account: { homePage: `${INFLOW_IRI}/learners`, name: learner.account },
  };
}

/** One statement of the record in xAPI form; `uuid` must be set (it is from version 2 on). */
export function toXapiStatement(statement: Statement, actor: XapiAgent): XapiStatement {
  const { pack, module, question, verb } = statement;
  const lesson = activity(activityId(pack, module), LESSON_TYPE);
  const asked = verb === 'answered' && question !== undefined;
  const result = resultOf(statement);

  return {
    id: statement.uuid!,
    actor,
    verb: { id: VERB_IDS[verb], display: { 'en-US': verb } },
    object: asked ? questionActivity(pack, module, question) : lesson,
    ...(result ? { result } : {}),
    context: {
      platform: 'Inflow',
      contextActivities: {
        ...(asked ? { parent: [lesson] } : {}),
        grouping: [activity(activityId(pack), COURSE_TYPE)],
      },
    },
    timestamp: statement.timestamp,
  };
}

function activity(id: string, type: string): XapiActivity {
  return { objectType: 'Activity', id, definition: { type } };
}

function questionActivity(pack: string, module: string, question: string): XapiActivity {
  const id = activityId(pack, module, question);
  return {
    objectType: 'Activity',
    id,
    definition: { type: INTERACTION_TYPE, interactionType: 'choice' },
  };
}

function resultOf(statement: Statement): XapiResult | undefined {
  const result: XapiResult = {};
  if (statement.success !== undefined) result.success = statement.success;
  if (statement.verb === 'completed') result.completion = true;
  // xAPI writes the choices of a choice interaction as ids joined by "[,]".
  if (statement.response) result.response = statement.response.join('[,]');
  if (statement.durationMs !== undefined)
    result.duration = isoDuration(statement.durationMs / 1000);
  if (statement.score) result.score = scoreOf(statement.score);

  return Object.keys(result).length > 0 ? result : undefined;
}

/** Scaled from 0 to 1; a raw score above the maximum (a damaged row) counts as the maximum. */
function scoreOf({ raw, max }: { raw: number; max: number }): NonNullable<XapiResult['score']> {
  const capped = Math.min(raw, max);
  return max > 0 ? { scaled: capped / max, raw: capped, min: 0, max } : { raw: 0, min: 0, max: 0 };
}
