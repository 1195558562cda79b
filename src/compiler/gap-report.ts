import type { Diagnostic, GapKind, StatusSummary, TalkStatus } from './contract.ts';
import type { EmitResult } from './emit.ts';

/** The `npm run gaps -- --json` shape (the fields, plus column, sectionId, message, diagnostics). */
export interface GapReport {
  conferences: {
    file: string;
    title: string;
    slug: string;
    days: {
      label: string;
      date: string | null;
      line: number | null;
      talks: {
        title: string;
        slug: string;
        url: string;
        lines: [number, number];
        status: TalkStatus;
        gaps: {
          kind: GapKind;
          line: number;
          column: number;
          end: number;
          section: string | null;
          sectionId: string | null;
          message: string;
        }[];
      }[];
    }[];
  }[];
  summary: StatusSummary;
  diagnostics: Diagnostic[];
}

/** Returns the fill-in list of emitted data in the `--json` shape. Mutates nothing. */
export function gapReport(emitted: Pick<EmitResult, 'index' | 'talks'>): GapReport {
  const documents = new Map(emitted.talks.map((t) => [t.path, t.document]));
  return {
    conferences: emitted.index.conferences.map((c) => ({
      file: c.file,
      title: c.title,
      slug: c.slug,
      days: c.days.map((d) => ({
        label: d.label,
        date: d.date,
        line: d.line,
        talks: d.talks.map((t) => ({
          title: t.title,
          slug: t.slug,
          url: t.url,
          lines: t.lines,
          status: t.status,
          gaps: (documents.get(t.dataFile)?.gaps ?? []).map((g) => ({
            kind: g.kind,
            line: g.line,
            column: g.column,
            end: g.end,
            section: g.section,
            sectionId: g.sectionId,
            message: g.message,
          })),
        })),
      })),
    })),
    summary: emitted.index.summary,
    diagnostics: emitted.index.diagnostics,
  };
}

/**
 * Returns the plain fill-in list: one `file:line:col  kind  Talk › Section` line per gap (a form
 * editors and terminals make clickable), then the summary line. Mutates nothing.
 */
export function formatGapReport(report: GapReport): string[] {
  const out: string[] = [];
  for (const c of report.conferences) {
    for (const d of c.days) {
      for (const t of d.talks) {
        const talk = t.title || '(untitled talk)';
        for (const g of t.gaps) {
          const where = g.section === null ? talk : `${talk} › ${g.section || '(untitled)'}`;
          out.push(`${c.file}:${g.line}:${g.column}  ${g.kind}  ${where}`);
        }
      }
    }
  }
  const s = report.summary;
  const gaps = `${s.gaps} gap${s.gaps === 1 ? '' : 's'}`;
  out.push(
    `${s.talks} talk${s.talks === 1 ? '' : 's'}: ${s.complete} complete, ${s.partial} partial, ${s.empty} empty (${gaps})`,
  );
  return out;
}
