// Entry of a pre-render worker thread: Node 20 does not give worker threads the TypeScript loader
// the main thread runs with, so this plain module loads prerender.ts through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./prerender.ts', import.meta.url);
