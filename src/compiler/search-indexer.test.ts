import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchIndexer } from './search-indexer.ts';

describe('SearchIndexer', () => {
  it('reports no writes once its thread is gone, so the build writes the talk files itself', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'indexer-'));
    const indexer = await SearchIndexer.start({ outDir });
    expect(indexer).not.toBeNull();
    await indexer!.close();
    await expect(indexer!.flushWrites()).resolves.toBeNull();
  }, 60_000);
});
