/**
 * Autosave of the document page: the draft is sent about a second after the last change, with the
 * version it was loaded at. A save that answers CONFLICT (someone saved in between) stops autosave
 * and keeps the draft on screen untouched; the person then keeps their version (saved over the
 * newer one) or loads the other one. Only one save is on the wire at a time; changes typed during
 * a save are sent once typing rests again.
 *
 * The draft lives in a ref: a keystroke in an editor updates it without redrawing the page (the
 * editors keep their own text); the page redraws when a field it shows changes, or when the save
 * status does.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Document } from '../../../../shared/studio/documents-api.schema.js';
import { ApiError } from '../../../api/api-client.js';
import { changesOf, type DocumentDraft, draftOf } from './document-draft.js';
import { fetchDocument, updateDocument } from './documents-api.js';

export const AUTOSAVE_DEBOUNCE_MS = 1000;

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export interface Autosave {
  saved: Document;
  /** The draft as last drawn (bodies may be older than the editors': read `current()` for them). */
  draft: DocumentDraft;
  /** The draft as it is now. */
  current(): DocumentDraft;
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

/** Whether two drafts differ in what the page shows outside the editors. */
const isShownChange = (a: DocumentDraft, b: DocumentDraft) =>
  a.layout !== b.layout ||
  a.mode !== b.mode ||
  a.order.join() !== b.order.join() ||
  a.coverAssetId !== b.coverAssetId ||
  JSON.stringify(a.title) !== JSON.stringify(b.title) ||
  JSON.stringify(a.subtitle) !== JSON.stringify(b.subtitle) ||
  JSON.stringify(a.bodyStatus) !== JSON.stringify(b.bodyStatus);

export function useDocumentAutosave(workspaceId: string, initial: Document, onSaved: (document: Document) => void): Autosave {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraftState] = useState(() => draftOf(initial));
  const [generation, setGeneration] = useState(0);
  const [isDirty, setDirty] = useState(false);
  // What the wire says; 'saved' and 'unsaved' come from `isDirty`.
  const [wire, setWire] = useState<'idle' | 'saving' | 'failed' | 'conflict'>('idle');
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(draft);
  // The last draft the server accepted, and the version it answered: what the next save compares to.
  const sent = useRef(draftOf(initial));
  const version = useRef(initial.version);
  const savedNow = useRef(saved);
  savedNow.current = saved;
  const inFlight = useRef<Promise<Document> | null>(null);
  const isConflict = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const savedCallback = useRef(onSaved);
  savedCallback.current = onSaved;

  const send = useCallback(
    (versionToSend: number): Promise<Document> => {
      const snapshot = latest.current;
      const changes = changesOf(snapshot, sent.current);
      if (!changes && versionToSend === version.current) return Promise.resolve(savedNow.current);
      setWire('saving');
      const request = updateDocument(workspaceId, initial.id, { version: versionToSend, ...(changes ?? {}) })
        .then((document) => {
          sent.current = snapshot;
          version.current = document.version;
          isConflict.current = false;
          setSaved(document);
          setError(null);
          setWire('idle');
          const hasMore = changesOf(latest.current, snapshot) !== null;
          setDirty(hasMore);
          if (hasMore) schedule.current();
          savedCallback.current(document);
          return document;
        })
        .catch((failure: unknown) => {
          isConflict.current = failure instanceof ApiError && failure.code === 'CONFLICT';
          setError(failure);
          setWire(isConflict.current ? 'conflict' : 'failed');
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

  // Once typing rests: save, unless a save is on the wire (its end schedules the next) or a conflict waits for the person.
  const schedule = useRef(() => {});
  schedule.current = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (isConflict.current || inFlight.current || !changesOf(latest.current, sent.current)) return;
      send(version.current).catch(() => {});
    }, AUTOSAVE_DEBOUNCE_MS);
  };

  const setDraft = useCallback((update: (draft: DocumentDraft) => DocumentDraft) => {
    const previous = latest.current;
    latest.current = update(previous);
    if (isShownChange(previous, latest.current)) setDraftState(latest.current);
    setDirty(true);
    schedule.current();
  }, []);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current.catch(() => {});
    if (!changesOf(latest.current, sent.current)) return savedNow.current;
    return send(version.current);
  }, [send]);

  const overwrite = useCallback(async () => {
    const newest = await fetchDocument(workspaceId, initial.id);
    // Everything on screen is sent: compared with the newer document, not with the last save of ours.
    sent.current = draftOf(newest);
    version.current = newest.version;
    await send(newest.version).catch(() => {});
  }, [workspaceId, initial.id, send]);

  const reload = useCallback(async () => {
    const newest = await fetchDocument(workspaceId, initial.id);
    clearTimeout(timer.current);
    sent.current = draftOf(newest);
    version.current = newest.version;
    isConflict.current = false;
    latest.current = draftOf(newest);
    setDraftState(latest.current);
    setSaved(newest);
    setGeneration((current) => current + 1);
    setError(null);
    setWire('idle');
    setDirty(false);
    savedCallback.current(newest);
  }, [workspaceId, initial.id]);

  // Leaving the page with changes not yet sent: send them (an in-app navigation), warn on closing the tab.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (changesOf(latest.current, sent.current)) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
      if (!isConflict.current && !inFlight.current && changesOf(latest.current, sent.current)) send(version.current).catch(() => {});
    };
  }, [send]);

  const status: SaveStatus = wire === 'idle' ? (isDirty ? 'unsaved' : 'saved') : wire;
  const current = useCallback(() => latest.current, []);
  return { saved, draft, current, setDraft, status, error, flush, overwrite, reload, generation };
}
