/**
 * Autosave of the document page: the draft is sent about a second after the last change, with the
 * version it was loaded at. A save that answers CONFLICT (someone saved in between) stops autosave
 * and keeps the draft on screen untouched; the person then keeps their version (saved over the
 * newer one) or loads the other one. Only one save is on the wire at a time; changes typed during
 * a save are sent right after it.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Document } from '../../../../shared/studio/documents-api.schema.js';
import { ApiError } from '../../../api/api-client.js';
import { changesOf, type DocumentDraft, draftOf } from './document-draft.js';
import { fetchDocument, updateDocument } from './documents-api.js';

export const AUTOSAVE_DEBOUNCE_MS = 1000;

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export interface Autosave {
  saved: Document;
  draft: DocumentDraft;
  setDraft(update: (draft: DocumentDraft) => DocumentDraft): void;
  status: SaveStatus;
  error: unknown;
  /** Sends the draft now (before an export); resolves with the saved document. */
  flush(): Promise<Document>;
  /** After a conflict: saves this draft over the newer version. */
  overwrite(): Promise<void>;
  /** After a conflict: drops this draft for the saved one (the editors are rebuilt: see `generation`). */
  reload(): Promise<void>;
  /** Changes when the draft was replaced from the server (editors remount with it). */
  generation: number;
}

export function useDocumentAutosave(workspaceId: string, initial: Document, onSaved: (document: Document) => void): Autosave {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraftState] = useState(() => draftOf(initial));
  const [generation, setGeneration] = useState(0);
  // What the wire says; 'saved' and 'unsaved' are told apart by comparing the draft with the last save.
  const [wire, setWire] = useState<'idle' | 'saving' | 'failed' | 'conflict'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [debounced] = useDebouncedValue(draft, AUTOSAVE_DEBOUNCE_MS);
  // The last draft the server accepted, and the version it answered: what the next save compares to.
  const sent = useRef(draftOf(initial));
  const version = useRef(initial.version);
  const latest = useRef(draft);
  const inFlight = useRef<Promise<Document> | null>(null);
  const savedNow = useRef(saved);
  savedNow.current = saved;
  const isConflict = wire === 'conflict';
  const savedCallback = useRef(onSaved);
  savedCallback.current = onSaved;

  const send = useCallback(
    (snapshot: DocumentDraft, versionToSend: number): Promise<Document> => {
      const changes = changesOf(snapshot, sent.current);
      if (!changes && versionToSend === version.current) return Promise.resolve(savedNow.current);
      setWire('saving');
      const request = updateDocument(workspaceId, initial.id, { version: versionToSend, ...(changes ?? {}) })
        .then((document) => {
          sent.current = snapshot;
          version.current = document.version;
          setSaved(document);
          setError(null);
          setWire('idle');
          savedCallback.current(document);
          return document;
        })
        .catch((failure: unknown) => {
          setError(failure);
          setWire(failure instanceof ApiError && failure.code === 'CONFLICT' ? 'conflict' : 'failed');
          throw failure;
        })
        .finally(() => {
          inFlight.current = null;
        });
      inFlight.current = request;
      return request;
    },
    [workspaceId, initial.id],
  );

  // Autosave: once typing rests, when nothing is on the wire and no conflict waits for the person.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `debounced` (typing rested) and `wire` (a save landed) are the triggers.
  useEffect(() => {
    // `debounced` only says that typing rested: what is sent is the draft as it is now.
    if (isConflict || inFlight.current || !changesOf(latest.current, sent.current)) return;
    send(latest.current, version.current).catch(() => {});
  }, [debounced, isConflict, send, wire]);

  // The ref is the draft's truth (an export or a conflict choice right after typing reads it); the state redraws.
  const setDraft = useCallback((update: (draft: DocumentDraft) => DocumentDraft) => {
    latest.current = update(latest.current);
    setDraftState(latest.current);
  }, []);

  const flush = useCallback(async () => {
    if (inFlight.current) await inFlight.current.catch(() => {});
    if (!changesOf(latest.current, sent.current)) return savedNow.current;
    return send(latest.current, version.current);
  }, [send]);

  const overwrite = useCallback(async () => {
    const newest = await fetchDocument(workspaceId, initial.id);
    // Everything on screen is sent: compared with the newer document, not with the last save of ours.
    sent.current = draftOf(newest);
    version.current = newest.version;
    await send(latest.current, newest.version).catch(() => {});
  }, [workspaceId, initial.id, send]);

  const reload = useCallback(async () => {
    const newest = await fetchDocument(workspaceId, initial.id);
    sent.current = draftOf(newest);
    version.current = newest.version;
    setSaved(newest);
    latest.current = draftOf(newest);
    setDraftState(latest.current);
    setGeneration((current) => current + 1);
    setError(null);
    setWire('idle');
    savedCallback.current(newest);
  }, [workspaceId, initial.id]);

  // Leaving the page with changes not yet sent: send them (an in-app navigation), warn on closing the tab.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (changesOf(latest.current, sent.current)) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  const sendOnLeave = useRef(() => {});
  sendOnLeave.current = () => {
    if (!isConflict && !inFlight.current && changesOf(latest.current, sent.current)) send(latest.current, version.current).catch(() => {});
  };
  useEffect(() => () => sendOnLeave.current(), []);

  const status: SaveStatus = wire === 'idle' ? (changesOf(draft, sent.current) ? 'unsaved' : 'saved') : wire;
  return { saved, draft, setDraft, status, error, flush, overwrite, reload, generation };
}
