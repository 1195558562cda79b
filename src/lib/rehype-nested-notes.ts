import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const HEADING = /^h([1-6])$/;

/**
 * Rehype plugin for notes shown under a heading of the page (an intro, an aside). The levels the
 * notes use become `<h{headingLevel}>`, the next one down and so on (at most `<h6>`), in their
 * order, so the page's headings stay in order whatever levels the notes used (`##` then `####`
 * is `<h3>` then `<h4>` under an `<h2>`). Source lines (`data-line`, for a talk's gap markers) are
 * dropped: nothing here is found by line. Mutates the tree.
 */
export function rehypeNestedNotes({ headingLevel }: { headingLevel: number }) {
  return (tree: Root) => {
    const used = new Set<number>();
    visit(tree, 'element', (node) => {
      delete node.properties.dataLine;
      const level = HEADING.exec(node.tagName);
      if (level) used.add(Number(level[1]));
    });
    if (used.size === 0) return;
    const levels = [...used].sort((a, b) => a - b);
    visit(tree, 'element', (node) => {
      const level = HEADING.exec(node.tagName);
      if (level) node.tagName = `h${Math.min(6, headingLevel + levels.indexOf(Number(level[1])))}`;
    });
  };
}
