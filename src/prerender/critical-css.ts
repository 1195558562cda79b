import { readFileSync } from 'node:fs';
import path from 'node:path';
import Beasties from 'beasties';
import { PurgeCSS } from 'purgecss';
import { HYDRATION_ID, STYLESHEET_META } from '../app/hydration.ts';
import { stylesheetLinks } from './html.ts';

/** Returns the attributes a stylesheet selects by value (`aria-current` of `[aria-current=page]`). Pure. */
export function valuedAttributes(css: string): Set<string> {
  return new Set([...css.matchAll(/\[([a-z-]+)[~|^$*]?=/g)].map((m) => m[1]!));
}

/**
 * Returns what decides which CSS rules a page's markup can match: its element names, classes,
 * attribute names, and the values of the attributes the stylesheet selects by value (`valued`).
 * Pages with the same signature need the same rules, so a site of 10,000 pages has a few hundred
 * to compute. Pure.
 */
export function markupSignature(html: string, valued: ReadonlySet<string>): string {
  const start = html.indexOf('<div id="root">');
  const end = html.indexOf(`<script type="application/json" id="${HYDRATION_ID}"`);
  const app = html.slice(start === -1 ? 0 : start, end === -1 ? html.length : end);
  const tokens = new Set<string>();
  // React escapes `>` in attribute values, so a tag ends at the first one.
  for (const [, tag, attributes] of app.matchAll(/<([a-z][a-z0-9-]*)([^>]*)>/g)) {
    tokens.add(tag!);
    for (const [, name, value] of attributes!.matchAll(/\s([a-z][a-z0-9-]*)(?:="([^"]*)")?/g)) {
      if (name === 'class') for (const c of value!.split(/\s+/)) if (c) tokens.add(`.${c}`);
      tokens.add(valued.has(name!) ? `[${name}=${value ?? ''}]` : `[${name}]`);
    }
  }
  return [...tokens].sort().join(' ');
}

/**
 * Returns `css` less the custom properties that none of its rules reads (PurgeCSS's `variables`),
 * every rule kept: the theme declares ~60 colours and Tailwind ~35 `--tw-*` defaults, and a
 * page's own rules read about half. The whole sheet, loaded later, declares them all again.
 */
export async function withoutUnusedVariables(css: string): Promise<string> {
  const [result] = await new PurgeCSS().purge({
    content: [{ raw: '', extension: 'html' }],
    css: [{ raw: css }],
    variables: true,
    // Beasties chose the rules (by the markup); PurgeCSS only takes out what they do not read.
    safelist: { greedy: [/[\s\S]/] },
  });
  return result?.css ?? css;
}

/**
 * The rules of the app's stylesheet that one pre-rendered page uses (Beasties: it matches the
 * stylesheet's selectors against the page's markup, no browser), inlined in place of the
 * stylesheet link: the first paint then waits for no second request at any size of site, and a
 * page carries half the stylesheet, not all of it. Each signature is computed once.
 */
export class CriticalCss {
  private readonly beasties: Beasties;
  private readonly bySignature = new Map<string, Promise<string | null>>();
  private readonly valued = new Map<string, Set<string>>();

  /** `dist`: the built site; `base`: the path it is served from. */
  constructor(
    private readonly dist: string,
    private readonly base: string,
  ) {
    this.beasties = new Beasties({
      path: dist,
      publicPath: base,
      pruneSource: false,
      inlineFonts: false,
      preloadFonts: false,
      compress: true,
      reduceInlineStyles: false,
      logLevel: 'silent',
    });
  }

  /**
   * Returns the page with its stylesheet link replaced by the rules it uses and a meta tag naming
   * the whole sheet, or the page as it was when there is nothing to inline. Mutates nothing.
   */
  async inline(html: string): Promise<string> {
    const [link] = stylesheetLinks(html);
    if (!link) return html;
    const signature = markupSignature(html, this.valuedBy(link.href));
    let rules = this.bySignature.get(signature);
    if (!rules) {
      rules = this.rulesOf(html);
      this.bySignature.set(signature, rules);
    }
    const css = await rules;
    if (css === null) return html;
    return html.replace(
      link.tag,
      () => `<style>${css}</style>\n    <meta name="${STYLESHEET_META}" content="${link.href}" />`,
    );
  }

  /** The attributes the stylesheet at `href` selects by value (none when it cannot be read). */
  private valuedBy(href: string): Set<string> {
    let valued = this.valued.get(href);
    if (!valued) {
      const file = path.join(this.dist, ...href.slice(this.base.length).split('/'));
      let css = '';
      try {
        css = readFileSync(file, 'utf8');
      } catch {
        // Beasties finds nothing to inline either; the page keeps its link.
      }
      valued = valuedAttributes(css);
      this.valued.set(href, valued);
    }
    return valued;
  }

  /** The page's rules, or null when Beasties found none or they could close the element. */
  private async rulesOf(html: string): Promise<string | null> {
    const processed = await this.beasties.process(html);
    const rules = /<style>([\s\S]*?)<\/style>/.exec(processed)?.[1];
    if (!rules) return null;
    const css = await withoutUnusedVariables(rules);
    return /<\/style/i.test(css) ? null : css;
  }

  /** How many different sets of rules were computed. */
  get computed(): number {
    return this.bySignature.size;
  }
}
