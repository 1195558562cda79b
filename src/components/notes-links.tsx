import type { ComponentPropsWithoutRef, ReactNode } from 'react';

// How links and images in notes render, wherever notes are shown (talk bodies, intros, asides).
// react-markdown's URL filter has already emptied `javascript:`, `data:` and the like.

/** A link in notes: text when its URL is empty or was dropped, a new tab when it leaves the page. */
export function NotesLink({ href, children }: { href?: string; children?: ReactNode }) {
  // An empty `[slides]()` or a filtered URL: text, not a link that goes nowhere.
  if (!href) return <span>{children}</span>;
  if (href.startsWith('#')) return <a href={href}>{children}</a>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/** An image in notes; one with an empty or dropped `src` would be an empty `<img>`: its alt text instead. */
export function NotesImage({
  node: _node,
  src,
  alt,
  ...rest
}: ComponentPropsWithoutRef<'img'> & { node?: unknown }) {
  void _node;
  if (!src) return <span>{alt}</span>;
  return <img src={src} alt={alt ?? ''} {...rest} />;
}
