import { describe, expect, it } from 'vitest';
import { paths } from './paths';

describe('paths', () => {
  it('builds app paths relative to the router basename', () => {
    expect(paths.home()).toBe('/');
    expect(paths.conference('gopherchina-2017')).toBe('/gopherchina-2017');
    expect(paths.talk('gopherchina-2017', 'go-in-tidb')).toBe('/gopherchina-2017/go-in-tidb');
  });

  it('keeps letters and digits of any script as written, and encodes everything else', () => {
    expect(paths.talk('conf', 'nsq-重塑之路')).toBe('/conf/nsq-重塑之路');
    expect(paths.talk('カンファ', 'ｇｏ-한국어-١٢-café')).toBe('/カンファ/ｇｏ-한국어-١٢-café');
    expect(paths.talk('a/b', 'c?d#e')).toBe('/a%2Fb/c%3Fd%23e');
    expect(paths.talk('x y', '%25 & é')).toBe('/x%20y/%2525%20%26%20é');
    // Spaces, punctuation, symbols and invisible characters of other scripts stay encoded.
    expect(paths.talk('a\u3000b', 'c・d🙂\u202ee\u00a0')).toBe(
      '/a%E3%80%80b/c%E3%83%BBd%F0%9F%99%82%E2%80%AEe%C2%A0',
    );
    // Either way it names the same path once the browser encodes it.
    for (const talk of ['nsq-重塑之路 (2)', 'ｇｏ-한국어-١٢-café', 'c・d🙂\u202ee']) {
      const url = (path: string) => new URL(path, 'https://x').pathname;
      expect(url(paths.talk('會議', talk))).toBe(
        url(`/${encodeURIComponent('會議')}/${encodeURIComponent(talk)}`),
      );
    }
  });

  it('keeps the filter query, but not the default one', () => {
    expect(paths.talk('c', 't', { show: 'incomplete' })).toBe('/c/t?show=incomplete');
    expect(paths.conference('c', { show: 'empty' })).toBe('/c?show=empty');
    expect(paths.home({ show: 'all' })).toBe('/');
    expect(paths.talk('c', 't', { show: 'empty' }, 'gap-12')).toBe('/c/t?show=empty#gap-12');
  });

  it('builds data URLs under the base path with encoded segments', () => {
    expect(paths.data.index()).toBe('/data/index.json');
    expect(paths.data.file('talks/conf/nsq-重塑之路.ab12.json')).toBe(
      '/data/talks/conf/nsq-%E9%87%8D%E5%A1%91%E4%B9%8B%E8%B7%AF.ab12.json',
    );
  });

  it('names the prefixes of talk and search files, and the app shell', () => {
    expect(paths.data.talks()).toBe('/data/talks/');
    expect(paths.data.search()).toBe('/data/search/');
    expect(paths.shell()).toBe('/404.html');
    expect(paths.worker()).toBe('/sw.js');
  });

  it('makes in-page anchors', () => {
    expect(paths.anchor('gap-453')).toBe('#gap-453');
  });
});
