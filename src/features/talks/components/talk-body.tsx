import {
  cloneElement,
  Fragment,
  isValidElement,
  useDeferredValue,
  useMemo,
  useState,
  useSyncExternalStore,
  type ComponentPropsWithoutRef,
  type ReactElement,
  type ReactNode,
} from 'react';
import Markdown, { type Components } from 'react-markdown';
import type { Gap, MarkdownTree, OutlineHeading, ReaderTalk } from '../../../compiler/contract';
import { NotesImage, NotesLink } from '../../../components/notes-links';
import { paths } from '../../../config/paths';
import { rehypeTalk } from '../../../lib/rehype-talk';
import { remarkPreparsed } from '../../../lib/remark-preparsed';
import { GapMarker } from './gap-marker';

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function copyLink(id: string) {
  const url = new URL(window.location.href);
  url.hash = id;
  // Best effort: the link itself still moves the URL to the heading when the clipboard is refused.
  void navigator.clipboard?.writeText(url.href).catch(() => undefined);
}

function makeHeading(Tag: HeadingTag, titles: Map<string, string>) {
  return function Heading({
    id,
    children,
    node: _node,
    ...rest
  }: ComponentPropsWithoutRef<HeadingTag> & { node?: unknown }) {
    void _node;
    if (!id) return <Tag {...rest}>{children}</Tag>;
    const title = titles.get(id) || 'this section';
    return (
      <Tag id={id} {...rest} className="group relative">
        {children}
        <a
          href={paths.anchor(id)}
          onClick={() => copyLink(id)}
          aria-label={`Link to section: ${title}`}
          title="Copy link to this section"
          className="heading-anchor"
        >
          #
        </a>
      </Tag>
    );
  };
}

interface TalkBodyProps {
  tree: MarkdownTree;
  outline: OutlineHeading[];
  gaps: Gap[];
  file: string;
}

/** Bodies already rendered to React elements, newest last (a talk opened again costs nothing). */
const rendered = new Map<MarkdownTree, { props: TalkBodyProps; element: ReactElement }>();
const RENDERED_MAX = 100;

function renderBody({ tree, outline, gaps, file }: TalkBodyProps): ReactElement {
  const components: Components = (() => {
    const titles = new Map(outline.map((h) => [h.id, h.title]));
    const gapById = new Map(gaps.map((g) => [g.id, g]));
    return {
      h2: makeHeading('h2', titles),
      h3: makeHeading('h3', titles),
      h4: makeHeading('h4', titles),
      h5: makeHeading('h5', titles),
      h6: makeHeading('h6', titles),
      a: NotesLink,
      img: NotesImage,
      span: ({ node, children, ...rest }) => {
        const id = typeof node?.properties.id === 'string' ? node.properties.id : undefined;
        const gap = id && node?.properties.dataGap ? gapById.get(id) : undefined;
        if (!gap) return <span {...rest}>{children as ReactNode}</span>;
        const value = node?.properties.dataPlacement;
        const placement = value === 'block' || value === 'heading' ? value : 'inline';
        return <GapMarker gap={gap} file={file} placement={placement} />;
      },
    };
  })();

  const rehypePlugins = [
    [rehypeTalk, { outline, gaps }] as [typeof rehypeTalk, Parameters<typeof rehypeTalk>[0]],
  ];

  // react-markdown's Markdown is a pure function of its props (no hooks): called here, its element
  // tree can be kept and reused.
  return Markdown({
    remarkPlugins: [[remarkPreparsed, tree]],
    rehypePlugins,
    skipHtml: true,
    components,
  });
}

/** The body's elements, from the cache when the same talk document was rendered before. */
function talkBodyTree(props: TalkBodyProps): ReactElement {
  const hit = rendered.get(props.tree);
  if (
    hit &&
    hit.props.outline === props.outline &&
    hit.props.gaps === props.gaps &&
    hit.props.file === props.file
  ) {
    return hit.element;
  }
  const element = renderBody(props);
  rendered.delete(props.tree);
  rendered.set(props.tree, { props, element });
  if (rendered.size > RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  return element;
}

/**
 * Renders a talk's body to elements ahead of time (when the browser is idle), so opening the talk
 * later only puts the elements on the page.
 */
export function prepareTalkBody(doc: ReaderTalk): void {
  talkBodyTree({
    tree: doc.tree,
    outline: doc.outline,
    gaps: doc.gaps,
    file: doc.conference.file,
  });
}

/** More than a screenful of blocks and list items: what a talk opened in the app shows first. */
const FIRST_SCREEN_BLOCKS = 40;

/**
 * Returns the start of a rendered body: its first `budget.left` blocks, counting each item of a
 * top-level list as one. Elements keep their keys, so the whole body rendered next keeps these
 * elements (and their DOM) and adds the rest. Mutates `budget`.
 */
export function takeStart(node: ReactNode, budget: { left: number }): ReactNode {
  if (
    !isValidElement<{ children?: ReactNode }>(node) ||
    !(node.type === Fragment || node.type === 'ul' || node.type === 'ol') ||
    !Array.isArray(node.props.children)
  ) {
    if (isValidElement(node)) budget.left -= 1;
    return node;
  }
  const all = node.props.children as ReactNode[];
  const children: ReactNode[] = [];
  for (const child of all) {
    if (budget.left <= 0) break;
    children.push(takeStart(child, budget));
  }
  const same = children.length === all.length && children.every((child, i) => child === all[i]);
  return same ? node : cloneElement(node, { children });
}

const subscribeNever = () => () => undefined;

/**
 * The talk's notes (the compiler's tree) rendered with react-markdown: no raw HTML (skipped), the default URL filter
 * (drops `javascript:` and the like; such links become plain text, such images their alt text), external links in a new tab, heading anchors, gap markers.
 */
export function TalkBody(props: TalkBodyProps) {
  const { tree, outline, gaps, file } = props;
  const element = useMemo(
    () => talkBodyTree({ tree, outline, gaps, file }),
    [tree, outline, gaps, file],
  );
  // A talk opened in the app paints its first screenful at once and the rest a frame later: on
  // a slow CPU, laying out a long talk is most of a page change. Not when hydrating (the page's
  // HTML has it all) nor when going to a section (it may be further down).
  const hydrating = useSyncExternalStore(
    subscribeNever,
    () => false,
    () => true,
  );
  const [progressive] = useState(() => !hydrating && window.location.hash === '');
  const whole = useDeferredValue(true, !progressive);
  const shown = useMemo(
    () => (whole ? element : takeStart(element, { left: FIRST_SCREEN_BLOCKS })),
    [whole, element],
  );
  return <div className="prose-notes">{shown}</div>;
}
