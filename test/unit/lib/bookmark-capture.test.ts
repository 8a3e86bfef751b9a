import { describe, expect, it } from 'vitest';

import { draftFromMenu, draftFromPage, placeOnPage } from '@/lib/bookmark-capture';
import type { TabContext } from '@/lib/protocol';
import type { Detection } from '@/rules/engine';

const opportunityUrl =
  'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00001rWkhYAAS/view';

const detection: Detection = {
  tool: 'salesforce',
  toolName: 'Salesforce',
  category: 'crm',
  pack: 'inflow.salesforce',
  context: 'record:Opportunity',
  contextName: 'Opportunity record',
  confidence: 1,
  why: 'Salesforce › Opportunity record: the address is the record page of an Opportunity',
  evidence: [],
  lessons: [],
};

const opportunity: TabContext = {
  tabId: 7,
  url: opportunityUrl,
  title: 'Acme renewal | Salesforce',
  detection,
  updatedAt: 0,
};

const salesforcePlace = {
  tool: 'salesforce',
  toolName: 'Salesforce',
  context: 'record:Opportunity',
  contextName: 'Opportunity record',
};

describe('the place a bookmark keeps', () => {
  it('should be the tool and context detected on this very page, whatever its fragment', () => {
    expect(placeOnPage(opportunity, `${opportunityUrl}#activity`)).toEqual(salesforcePlace);
  });

  it('should be nothing when the tab has moved on, nothing was detected, or it is paused', () => {
    const paused = { ...opportunity, detection: null, paused: true };

    expect(placeOnPage(opportunity, 'https://field-notes.example.net/a')).toBeNull();
    expect(placeOnPage(null, opportunityUrl)).toBeNull();
    expect(placeOnPage(paused, opportunityUrl)).toBeNull();
    expect(placeOnPage(opportunity, undefined)).toBeNull();
  });
});

describe('a bookmark from the context menu', () => {
  it('should take the page address and selection from the click, the title from the tab', () => {
    const draft = draftFromMenu(
      {
        menuItemId: 'inflow-bookmark-selection',
        selectionText: 'Renewal at risk',
        pageUrl: opportunityUrl,
      },
      { id: 7, url: opportunityUrl, title: 'Acme renewal | Salesforce' },
      opportunity,
    );

    expect(draft).toEqual({
      url: opportunityUrl,
      title: 'Acme renewal | Salesforce',
      selection: 'Renewal at risk',
      place: salesforcePlace,
    });
  });

  it('should carry no place on a site no pack knows, and the title the content script saw when the tab gives none', () => {
    const unknown = draftFromMenu(
      { menuItemId: 'inflow-bookmark-page', pageUrl: 'https://field-notes.example.net/a' },
      { id: 8 },
      null,
    );
    const known = draftFromMenu(
      { menuItemId: 'x', pageUrl: opportunityUrl },
      { id: 7 },
      opportunity,
    );

    expect(unknown).toEqual({
      url: 'https://field-notes.example.net/a',
      title: undefined,
      selection: undefined,
      place: null,
    });
    expect(known.title).toBe('Acme renewal | Salesforce');
  });
});

describe('a bookmark from the shortcut or the panel', () => {
  it('should prefer the tab’s address and title, and take the selection read in the page', () => {
    const draft = draftFromPage(
      { id: 7, url: opportunityUrl, title: 'Acme renewal' },
      { url: 'https://elsewhere.example/', title: 'Spoofed', selection: 'Next step: call' },
      opportunity,
    );

    expect(draft).toEqual({
      url: opportunityUrl,
      title: 'Acme renewal',
      selection: 'Next step: call',
      place: salesforcePlace,
    });
  });

  it('should fall back on what was read in the page when the tab tells nothing', () => {
    const draft = draftFromPage(
      { id: 8 },
      { url: 'https://field-notes.example.net/a', title: 'Field notes', selection: '' },
      null,
    );

    expect(draft).toEqual({
      url: 'https://field-notes.example.net/a',
      title: 'Field notes',
      selection: '',
      place: null,
    });
  });

  it('should know nothing of a tab it may not read', () => {
    expect(draftFromPage({ id: 9 }, undefined, null)).toEqual({
      url: undefined,
      title: undefined,
      selection: undefined,
      place: null,
    });
  });
});
