import { dehydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppRoutes, loadPageFor } from './app/routes';
import { serializeHydration, type HydrationPayload } from './app/hydration';
import type { NotesIndex, ReaderTalk } from './compiler/contract';
import { indexQueryOptions } from './features/notes/api/get-index';
import { talkQueryOptions } from './features/talks/api/get-talk';

// The build-time renderer (`vite build --ssr src/entry-server.tsx`, driven by
// src/prerender/prerender.ts): the same routes, loaders and components as the browser, fed from
// the data files on disk instead of fetch: the page's query cache is seeded with them.

export interface PageInput {
  /** Router path below the base path, percent-encoded like a URL path (`/conf/%E8%AB%87`). */
  path: string;
  index: NotesIndex;
  /** The talk the path shows, read from its data file (talk pages only). */
  talk?: ReaderTalk;
  /** Put the whole index into the page's hydration data (only when it is small). */
  embedIndex: boolean;
  /** The page's conference's talks bundle, for the browser to prefetch (see `TalksBundle`). */
  talksBundle?: string | null;
}

export interface RenderedPage {
  /** Markup of the app, for `<div id="root">`. */
  html: string;
  /** The page's `<title>` element text. */
  title: string;
  /** JSON for the `<script type="application/json">` hydration block (already escaped). */
  hydration: string;
}

const basename = import.meta.env.BASE_URL;
/** The base path the app was built for (Vite's `base`), for URLs the pre-render writes. */
export const base = basename;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

/** React 19 writes a component's `<title>` first in the markup; the page's head gets it instead. */
function takeTitle(html: string): { html: string; title: string } {
  const match = /^<title>([^<]*)<\/title>/.exec(html);
  if (!match) return { html, title: '' };
  return { html: html.slice(match[0].length), title: match[1]! };
}

/** Renders one page to HTML with a fresh query cache seeded from the given data. */
export async function renderPage(input: PageInput): Promise<RenderedPage> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(indexQueryOptions().queryKey, input.index);
  if (input.talk) {
    const { conference, slug } = input.talk;
    client.setQueryData(talkQueryOptions(conference.slug, slug).queryKey, input.talk);
  }

  // The page's code is loaded first, so it renders in one pass (no Suspense fallback in the HTML).
  await loadPageFor(input.path);
  const location = `${basename.replace(/\/$/, '')}${input.path}`;
  const errors: unknown[] = [];
  const { prelude } = await prerender(
    <StrictMode>
      <QueryClientProvider client={client}>
        {/* No inline script: the state goes into a JSON block instead. */}
        <StaticRouter basename={basename} location={location}>
          <AppRoutes />
        </StaticRouter>
      </QueryClientProvider>
    </StrictMode>,
    {
      onError: (error) => void errors.push(error),
      // Never outline a big Suspense boundary into a later chunk completed by an inline script:
      // the page must be whole without scripts (and a strict CSP forbids inline ones).
      progressiveChunkSize: Number.MAX_SAFE_INTEGER,
    },
  );
  const rendered = await readAll(prelude);
  if (errors.length > 0) throw errors[0];

  const payload: HydrationPayload = {
    path: input.path,
    search: '',
    queries: dehydrate(client, {
      shouldDehydrateQuery: (query) =>
        query.state.status === 'success' && (input.embedIndex || query.queryKey[0] !== 'index'),
    }),
    talksBundle: input.talksBundle ?? null,
  };
  const { html, title } = takeTitle(rendered);
  client.clear();
  return { html, title, hydration: serializeHydration(payload) };
}
