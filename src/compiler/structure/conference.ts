import { classifyDayLabel } from '../dates.ts';
import type { Inference } from './inference.ts';
import { isHeadingKey } from './types.ts';
import { asideKindOf } from './vocabulary.ts';

/**
 * Step 1. Proposes the conference heading: the file's first candidate when it is a `#` (or
 * setext `===`) heading that is not a day; when there are several, one that is not an aside
 * (`# はじめに`), and none when the front matter gives the title. Later steps may take it for a talk.
 * Mutates the inference.
 */
export function proposeConference(inference: Inference): void {
  const first = inference.candidates.find((c) => isHeadingKey(c.key));
  if (!first || (first.key !== 'h1' && first.key !== 'setext1')) return;
  const several = (inference.byKey.get(first.key)?.length ?? 0) > 1;
  if (classifyDayLabel(first.title) !== null) return;
  // `# はじめに` among other `#` sections of a blog post is a part, not the title.
  if (several && (inference.titled || asideKindOf(first.title) !== null)) return;
  inference.conference = first;
}
