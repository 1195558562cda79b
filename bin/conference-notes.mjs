#!/usr/bin/env node
// The `conference-notes` command. Node 20 cannot run TypeScript itself, so this plain module
// loads the entry (src/cli/main.ts) through tsx's API: the installed package, the npm scripts
// and the tests all run the same sources, with no build step that could go stale.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
const code = await main(process.argv.slice(2));
// Explicitly: worker threads or a closed server's sockets must not keep a finished command alive.
process.exit(code);
