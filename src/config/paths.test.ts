import { describe, expect, it } from 'vitest';
import { paths } from './paths';

describe('paths', () => {
  it('builds app paths relative to the router basename', () => {
    expect(paths.home()).toBe('/');
    expect(paths.conference('gopherchina-2017')).toBe('/gopherchina-2017');
    expect(paths.talk('gopherchina-2017', 'go-in-tidb')).toBe('/gopherchina-2017/go-in-tidb');
  });

  it('encodes CJK and reserved characters in slugs', () => {
    expect(paths.talk('conf', 'nsq-重塑之路')).toBe(
      '/conf/nsq-%E9%87%8D%E5%A1%91%E4%B9%8B%E8%B7%AF',
    );
    expect(paths.talk('a/b', 'c?d#e')).toBe('/a%2Fb/c%3Fd%23e');
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
