import type { Page } from '@playwright/test';

// Facts about the shipped notes (notes/gopherchina-2017.md, never modified) the e2e tests rely on.
export const CONFERENCE = { slug: 'gopherchina-2017', title: 'GopherChina 2017' };

export const TALKS = {
  tidb: { slug: 'go-in-tidb', title: 'Go in TiDB' },
  interfaces: { slug: 'understanding-go-interfaces', title: 'Understanding Go Interfaces' },
  codingStyle: { slug: 'go-coding-in-go-style', title: 'Go coding in Go style' },
  grab: { slug: '純-go-打造億級實時分佈式平台', title: '純 Go 打造億級實時分佈式平台' },
  securities: { slug: 'go-在證券行情系統中的應用', title: 'Go 在證券行情系統中的應用' },
  pragmas: { slug: 'the-hidden-pragmas-of-go', title: "The hidden #pragma's of Go" },
  first: { slug: 'go-在大數據開發中的實戰經驗', title: 'Go 在大數據開發中的實戰經驗' },
  last: { slug: 'go-語言在證券期貨行情系統中的實踐', title: 'Go 語言在證券期貨行情系統中的實踐' },
} as const;

export const COUNTS = { all: 17, incomplete: 12, partial: 6, empty: 6 };

export function talkPath(talk: { slug: string }, query = ''): string {
  return `/${CONFERENCE.slug}/${encodeURIComponent(talk.slug)}${query}`;
}

export function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'Talks', exact: true });
}

export function talkLink(page: Page, title: string) {
  return sidebar(page).getByRole('link', { name: title, exact: true });
}
