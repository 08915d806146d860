import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles.js';
import {
  allowedActions,
  canTakeAction,
  incompleteLanguages,
  REVIEW_ACTIONS,
  REVIEW_STATES,
  REVIEW_TRANSITIONS,
  type ReviewState,
} from './review.schema.js';

const facts = (role: Role, overrides: { hasApproved?: boolean; isSubmitter?: boolean } = {}) => ({
  role,
  hasApproved: false,
  isSubmitter: false,
  ...overrides,
});

describe('review transition table', () => {
  it('leads every state somewhere and reaches only known states', () => {
    for (const transition of Object.values(REVIEW_TRANSITIONS)) {
      expect(REVIEW_STATES).toContain(transition.to);
      for (const from of transition.from) expect(REVIEW_STATES).toContain(from);
    }
    for (const state of REVIEW_STATES) {
      const exits = REVIEW_ACTIONS.filter((action) => REVIEW_TRANSITIONS[action].from.includes(state));
      expect(exits.length, state).toBeGreaterThan(0);
    }
  });

  it('follows the workflow draft → in_review → approved → scheduled → published', () => {
    const path: Array<[ReviewState, (typeof REVIEW_ACTIONS)[number]]> = [
      ['draft', 'submit'],
      ['in_review', 'approve'],
      ['approved', 'schedule'],
      ['scheduled', 'publish'],
    ];
    let state: ReviewState = 'draft';
    for (const [expected, action] of path) {
      expect(state).toBe(expected);
      expect(canTakeAction(action, state, facts('admin'))).toBe(true);
      state = REVIEW_TRANSITIONS[action].to;
    }
    expect(state).toBe('published');
  });

  it('gives each role exactly the actions of its permissions from each state', () => {
    expect(allowedActions('draft', facts('contributor'))).toEqual(['submit']);
    expect(allowedActions('draft', facts('officer'))).toEqual(['submit', 'archive']);
    expect(allowedActions('draft', facts('reviewer'))).toEqual([]);
    expect(allowedActions('in_review', facts('reviewer'))).toEqual(['approve', 'request_changes']);
    expect(allowedActions('in_review', facts('contributor'))).toEqual([]);
    expect(allowedActions('approved', facts('officer'))).toEqual(['schedule', 'publish', 'archive']);
    expect(allowedActions('scheduled', facts('officer'))).toEqual(['unschedule', 'publish', 'archive']);
    expect(allowedActions('published', facts('officer'))).toEqual(['archive']);
    expect(allowedActions('published', facts('admin'))).toEqual(['archive', 'reopen']);
    expect(allowedActions('archived', facts('admin'))).toEqual(['reopen']);
    expect(allowedActions('archived', facts('officer'))).toEqual([]);
    for (const state of REVIEW_STATES) expect(allowedActions(state, facts('viewer')), state).toEqual([]);
  });

  it('refuses a second approval by the same person, and self-approval except to an admin', () => {
    expect(canTakeAction('approve', 'in_review', facts('reviewer', { hasApproved: true }))).toBe(false);
    expect(canTakeAction('approve', 'in_review', facts('officer', { isSubmitter: true }))).toBe(false);
    expect(canTakeAction('approve', 'in_review', facts('admin', { isSubmitter: true }))).toBe(true);
    expect(canTakeAction('approve', 'in_review', facts('admin', { isSubmitter: true, hasApproved: true }))).toBe(false);
    // Asking for changes on one's own submission stays possible (withdrawing it for more work).
    expect(canTakeAction('request_changes', 'in_review', facts('officer', { isSubmitter: true }))).toBe(true);
  });

  it('archives from every state but archived, and requires a note only to request changes', () => {
    for (const state of REVIEW_STATES) expect(canTakeAction('archive', state, facts('officer')), state).toBe(state !== 'archived');
    const withNote = REVIEW_ACTIONS.filter((action) => REVIEW_TRANSITIONS[action].isNoteRequired);
    expect(withNote).toEqual(['request_changes']);
    const checked = REVIEW_ACTIONS.filter((action) => REVIEW_TRANSITIONS[action].needsCompleteLanguages);
    expect(checked).toEqual(['schedule', 'publish']);
  });

  it('names every role in the table', () => {
    for (const action of REVIEW_ACTIONS) {
      const roles = ROLES.filter((role) => canTakeAction(action, REVIEW_TRANSITIONS[action].from[0] as ReviewState, facts(role)));
      expect(roles.length, action).toBeGreaterThan(0);
      expect(roles, action).not.toContain('viewer');
    }
  });
});

describe('incompleteLanguages', () => {
  it('lists languages that are missing, empty or not reviewed, in the workspace order', () => {
    const text = {
      ar: { value: 'نص', status: 'translated' },
      fr: { value: 'Texte', status: 'reviewed' },
      en: { value: ' ', status: 'reviewed' },
    };
    expect(incompleteLanguages(text, ['ar', 'fr'])).toEqual(['ar']);
    expect(incompleteLanguages(text, ['fr', 'en'])).toEqual(['en']);
    expect(incompleteLanguages({}, ['ar', 'fr'])).toEqual(['ar', 'fr']);
    expect(incompleteLanguages(text, ['fr'])).toEqual([]);
  });
});
