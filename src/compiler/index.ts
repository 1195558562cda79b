/** The notes compiler's entry: Markdown notes in, the JSON of `contract.ts` out. */
export { compileSource, type CompileOptions } from './compile.ts';
export {
  compileFile,
  compileNoteFiles,
  compileNotes,
  displayPath,
  notesBaseDir,
  terminalPath,
  writeData,
  type CompileNotesOptions,
} from './compile-notes.ts';
export {
  DataBuild,
  type DataBuildOptions,
  type DataResult,
  type DataTimings,
} from './incremental.ts';
export {
  emitData,
  summarize,
  type DataFile,
  type EmitOptions,
  type EmitPlugin,
  type EmitResult,
  type EmittedTalk,
} from './emit.ts';
export { formatDiagnostic, sortDiagnostics } from './diagnostics.ts';
export { formatGapReport, gapReport, type GapReport } from './gap-report.ts';
export { findLostLines } from './nothing-lost.ts';
export type { CompiledDay, CompiledFile, CompiledTalk, Region, RegionKind } from './model.ts';
export type * from './contract.ts';
