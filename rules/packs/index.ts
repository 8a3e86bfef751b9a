/**
 * The bundled packs, the embedded default. They are data, checked by the same
 * validation as any admin's pack before use.
 */
import asana from './asana.json';
import atlassian from './atlassian.json';
import dynamics365 from './dynamics365.json';
import figma from './figma.json';
import freshdesk from './freshdesk.json';
import github from './github.json';
import gmail from './gmail.json';
import googleWorkspace from './google-workspace.json';
import hubspot from './hubspot.json';
import intercom from './intercom.json';
import linear from './linear.json';
import monday from './monday.json';
import notion from './notion.json';
import outlook from './outlook.json';
import pipedrive from './pipedrive.json';
import salesforce from './salesforce.json';
import servicenow from './servicenow.json';
import slack from './slack.json';
import successfactors from './successfactors.json';
import teams from './teams.json';
import trello from './trello.json';
import workday from './workday.json';
import zendesk from './zendesk.json';
import zohoCrm from './zoho-crm.json';

/** In precedence order. */
export const bundledPackSources: readonly unknown[] = [
  salesforce,
  hubspot,
  googleWorkspace,
  atlassian,
  dynamics365,
  pipedrive,
  zohoCrm,
  workday,
  successfactors,
  gmail,
  outlook,
  teams,
  slack,
  notion,
  github,
  linear,
  asana,
  monday,
  trello,
  figma,
  zendesk,
  freshdesk,
  intercom,
  servicenow,
];
