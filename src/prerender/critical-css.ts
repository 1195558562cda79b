import { readFileSync } from 'node:fs';
import path from 'node:path';
import Beasties from 'beasties';
import postcss, { type AtRule } from 'postcss';
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

/** A rule whose match depends on the page's structure, with what a page needs for it to apply. */
export interface StructuralRule {
  /** Classes and element names; the rule may apply where a page has them all. */
  needs: string[];
  /** The rule itself (`.prose-notes>*+*{…}`). */
  rule: string;
  /** The rule inside its at-rules (`@layer utilities{…}`), as it goes into a page's CSS. */
  css: string;
}

/** `.dark\:divide-slate-800\/70` → `dark:divide-slate-800/70`, as the class is written in HTML. */
function unescapeClass(name: string): string {
  return name.replace(/\\(.)/g, '$1');
}

/**
 * Combinators (descendants, children, siblings), child positions, and `:where(` at the start
 * (which Beasties cannot match at all), once the parts that say nothing of markup are left out.
 */
const STRUCTURE = /[\s>+~]|:(?:first|last|only|nth)-|:empty\b|^:where\(/;
/** Parts of a selector that say nothing of what the page's markup has. */
const NOT_MARKUP = /:where\(\.dark,\s*\.dark \*\)|:not\([^)]*\)/g;

/** What one selector of a list needs of a page: its classes and element names. */
function needsOf(selector: string): string[] {
  const plain = selector.replace(NOT_MARKUP, '');
  const classes = [...plain.matchAll(/\.((?:\\.|[\w-])+)/g)].map((m) => `.${unescapeClass(m[1]!)}`);
  const tags = [...plain.matchAll(/(?:^|[\s>+~(,])([a-z][a-z0-9]*)(?![\w-])/g)].map((m) => m[1]!);
  return [...classes, ...tags];
}

/**
 * Returns the rules of a stylesheet whose match depends on where the page's elements are: inside
 * which (`.prose-notes ol`), beside which (`.prose-notes>*+*`), at which position, and Tailwind's
 * `space-y-*` and `divide-y` (`:where(.space-y-1>:not(:last-child))`, which Beasties drops whole:
 * it strips pseudo-classes with their argument before matching). Pages share rules by their
 * signature (element names, classes, attributes), which says nothing of where elements are, so
 * these go to every page that has all they name: a page laid out without one until the whole sheet
 * arrives would move under the reader's pointer then. Pure.
 */
export function structuralRules(css: string): StructuralRule[] {
  const found: StructuralRule[] = [];
  postcss.parse(css).walkRules((rule) => {
    const parts = rule.selectors.filter((selector) =>
      STRUCTURE.test(selector.replace(NOT_MARKUP, '').trim()),
    );
    if (parts.length === 0) return;
    const own = rule.toString();
    let text = own;
    for (let parent = rule.parent; parent && parent.type === 'atrule'; parent = parent.parent) {
      const at = parent as AtRule;
      text = `@${at.name} ${at.params}{${text}}`;
    }
    // A list applies where any one of its selectors may: the one that needs least.
    const needs = parts.map(needsOf).sort((a, b) => a.length - b.length)[0]!;
    found.push({ needs, rule: own, css: text });
  });
  return found;
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

/** What the pages need to know of the stylesheet. */
interface Sheet {
  /** Attributes it selects by value. */
  valued: Set<string>;
  /** Rules that depend on the page's structure (see `structuralRules`). */
  structural: StructuralRule[];
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
  private readonly sheets = new Map<string, Sheet>();

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
    const sheet = this.sheet(link.href);
    const signature = markupSignature(html, sheet.valued);
    let rules = this.bySignature.get(signature);
    if (!rules) {
      rules = this.rulesOf(html, signature, sheet.structural);
      this.bySignature.set(signature, rules);
    }
    const css = await rules;
    if (css === null) return html;
    return html.replace(
      link.tag,
      () => `<style>${css}</style>\n    <meta name="${STYLESHEET_META}" content="${link.href}" />`,
    );
  }

  /** What the pages need to know of the stylesheet at `href` (nothing when it cannot be read). */
  private sheet(href: string): Sheet {
    let sheet = this.sheets.get(href);
    if (!sheet) {
      const file = path.join(this.dist, ...href.slice(this.base.length).split('/'));
      let css = '';
      try {
        css = readFileSync(file, 'utf8');
      } catch {
        // Beasties finds nothing to inline either; the page keeps its link.
      }
      sheet = { valued: valuedAttributes(css), structural: structuralRules(css) };
      this.sheets.set(href, sheet);
    }
    return sheet;
  }

  /** The page's rules, or null when Beasties found none or they could close the element. */
  private async rulesOf(
    html: string,
    signature: string,
    structural: readonly StructuralRule[],
  ): Promise<string | null> {
    const processed = await this.beasties.process(html);
    const matched = /<style>([\s\S]*?)<\/style>/.exec(processed)?.[1];
    if (!matched) return null;
    const tokens = new Set(signature.split(' '));
    const added = structural
      .filter(
        (rule) => rule.needs.every((need) => tokens.has(need)) && !matched.includes(rule.rule),
      )
      .map((rule) => rule.css);
    // Before the variables are pruned: these rules read some.
    const rules = matched + added.join('');
    const css = await withoutUnusedVariables(rules);
    return /<\/style/i.test(css) ? null : css;
  }

  /** How many different sets of rules were computed. */
  get computed(): number {
    return this.bySignature.size;
  }
}
