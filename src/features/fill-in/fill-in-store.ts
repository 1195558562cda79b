import { useSyncExternalStore } from 'react';

/** Where an open editor is drawn: at a gap's marker, or under the talk's header. */
export type Anchor = { gap: string } | 'top';

/** What an editor is opened on. */
export interface FillInTarget {
  file: string;
  start: number;
  end: number;
  /** Hash of the file's bytes when the editor opened (the page's compile). */
  hash: string;
  anchor: Anchor;
  /** What is being filled in, for the editor's label ("Q&A: empty section"). */
  label: string;
}

/** The one editor open on the page, and what it edits. */
export interface Session extends FillInTarget {
  /** `file:start-end`: also the key of its draft. */
  key: string;
  state: 'loading' | 'editing' | 'saving' | 'conflict' | 'error';
  /** The Markdown on disk when it opened; null while loading. */
  base: string | null;
  /** On a conflict: the same lines as they are on disk now. */
  disk?: string;
  error?: string;
}

/** The last fill-in written, for the confirmation (Undo, Next gap). */
export interface Saved {
  file: string;
  /** Hash of the file as written (what Undo checks). */
  hash: string;
  start: number;
  end: number;
  label: string;
  undone?: boolean;
  error?: string;
}

interface State {
  session: Session | null;
  saved: Saved | null;
}

let state: State = { session: null, saved: null };
/** Drafts by session key: kept across re-renders, notes updates and switching between gaps. */
const drafts = new Map<string, string>();
const listeners = new Set<() => void>();

function emit(next: Partial<State>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/** The fill-in state; components re-render when it changes. */
export function useFillIn(): State {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export function sessionKey(file: string, start: number, end: number): string {
  return `${file}:${start}-${end}`;
}

export const fillIn = {
  open(session: FillInTarget): Session {
    const opened: Session = {
      ...session,
      key: sessionKey(session.file, session.start, session.end),
      state: 'loading',
      base: null,
    };
    emit({ session: opened });
    return opened;
  },
  /** Changes the open session, if it is still the one with `key`. */
  update(key: string, change: Partial<Session>): void {
    if (state.session?.key !== key) return;
    emit({ session: { ...state.session, ...change } });
  },
  close(): void {
    emit({ session: null });
  },
  saved(saved: Saved | null): void {
    emit({ saved });
  },
  draft(key: string): string | undefined {
    return drafts.get(key);
  },
  setDraft(key: string, text: string): void {
    drafts.set(key, text);
  },
  dropDraft(key: string): void {
    drafts.delete(key);
  },
  current(): State {
    return state;
  },
};
