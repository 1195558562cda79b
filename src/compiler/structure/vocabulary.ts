import type { AsideKind } from '../contract.ts';

/**
 * Words that title a part of conference notes that is not a talk, by kind; matched against
 * the whole normalized title (or each part of `A & B`). English, Chinese and Japanese.
 */
const ASIDE_WORDS: readonly [AsideKind, RegExp][] = [
  [
    'summary',
    /^(summary|tl;?dr|總結|总结|總結與心得|心得|心得總結|感想|簡単な感想|全体の感想|全体通して|全体を通して|所感|まとめ|全体まとめ|雑なまとめ|conclusions?|takeaways?|key takeaways|recap|小結|小结|overall)$/u,
  ],
  [
    'intro',
    /^(intro|introduction|preface|foreword|前言|序|はじめに|簡介|简介|概要|about|schedule|timetable|行程|简单行程|簡單行程|議程表|议程表|タイムテーブル)$/u,
  ],
  [
    'references',
    /^(references?|參考|參考文件|參考資料|參考連結|参考|参考文件|参考资料|参考链接|参考文献|参考リンク|links?|more links|useful links|related links|resources|slides|all slides|資料|リンク|関連リンク|相關連結|相关链接|延伸閱讀|延伸阅读|further reading|reading list|to read|things to (google|read|check|look up|try)( ?\/ ?(google|read|check|try))?)$/u,
  ],
  [
    'break',
    /^((coffee|tea|lunch|dinner|afternoon tea)( break)?|(morning|afternoon) break|break|breakfast|午餐|午休|茶歇|休息|午飯|午饭|晚餐|ランチ|昼飯|昼食|昼ごはん|お昼|休憩|懇親会|(official )?(after ?)?party|オフィシャルパーティー?|アフターパーティー?|drinkup|drink[- ]up|networking|registration|報到|签到|受付|晚宴)$/u,
  ],
  [
    'swag',
    /^(swag|goodies|周邊|周边|ノベルティ|booths?|sponsors?|sponsor booths|贊助|赞助|贊助商|赞助商|展位|攤位|スポンサー|スポンサーブース)$/u,
  ],
  ['next-year', /^(next year|see you next year|明年|來年|来年|明年見|明年见|next time)$/u],
  [
    'retrospective',
    /^(retrospective|retro|afterword|後記|后记|あとがき|さいごに|最後に|おわりに|終わりに|回顧|回顾|post[- ]?conference|(my )?(final |closing |overall )?thoughts( overall)?|wrap[- ]?up|振り返り|反省|总体感受|總體感受|おわり|終わり|acknowledg(e)?ments|special thanks|thanks|鳴謝|鸣谢|致謝|致谢|謝辞)$/u,
  ],
];

/** Section titles that many single talks have; a file whose parts are mostly these is one talk. */
const SECTION_WORDS =
  /^(agenda|outline|background|motivation|problems?|the problem|solutions?|demo|demos|q ?& ?a|qa|questions|faq|notes|(raw|draft|rough|quick|live|my) notes|(my |hot |key )?takes|video|recording|architecture|implementation|design|results|future work|next steps|lessons learned|lessons|challenges|benefits|overview|speaker|speakers|about the speaker|key points|highlights|背景|動機|动机|问题|問題|挑戰|挑战|解決方案|解决方案|架構|架构|演示|問答|问答|質疑応答|質疑|デモ|目次|議程|议程|大綱|大纲|筆記|笔记|影片|動画|スライド|課題|今後|结论|結論|講者|讲者|重點|重点|ポイント|概要)$/u;

/**
 * Returns a title as compared with word lists and with other titles: lowercase, no emoji or
 * symbols, no leading numbering, no bracketed asides or times, single spaces. Pure.
 */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[([（【][^)\]）】]*[)\]）】]/gu, ' ')
    .replace(/\d{1,2}[:：]\d{2}(\s*[-–~～]\s*\d{1,2}[:：]\d{2})?/gu, ' ')
    .replace(/^\s*(\d+|[a-z]|[一二三四五六七八九十]+)\s*[.)、:：]\s+/u, '')
    .replace(/[\p{So}\p{Sk}\p{Cf}*_`~]/gu, ' ')
    .replace(/[\s:：。.!！?？,，、-]+$/u, '')
    .replace(/^[\s:：-]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns the kind of non-talk part a title names (`## 總結`, `## Lunch`…), or null. Pure. */
export function asideKindOf(title: string): AsideKind | null {
  const normal = normalizeTitle(title);
  if (normal === '') return null;
  const whole = matchAside(normal);
  if (whole) return whole;
  // `Summary & Takeaways`, `參考資料與連結`: every part must be an aside word.
  const parts = normal.split(/\s*(?:&|\/|、|與|与|和|\band\b|・)\s*/u).filter((p) => p !== '');
  if (parts.length < 2) return null;
  const kinds = parts.map(matchAside);
  return kinds.every((k) => k !== null) ? kinds[0]! : null;
}

function matchAside(normal: string): AsideKind | null {
  for (const [kind, words] of ASIDE_WORDS) if (words.test(normal)) return kind;
  return null;
}

/** True when a title is a common section title of a single talk (`Background`, `Q&A`, `Demo`). Pure. */
export function isSectionWord(title: string): boolean {
  const normal = normalizeTitle(title);
  const aside = asideKindOf(title);
  return (
    SECTION_WORDS.test(normal) || aside === 'summary' || aside === 'intro' || aside === 'references'
  );
}

/** True when a title names a part of a conference day, never of one talk (`Lunch`, `Swag`). Pure. */
export function isConferenceWord(title: string): boolean {
  const aside = asideKindOf(title);
  return aside === 'break' || aside === 'swag' || aside === 'next-year';
}

/** Titles of a heading that only holds the talks: `Program`, `Sessions`, `Speakers`, `プログラム`. */
const CONTAINER_WORDS =
  /^((the )?(program|programme|schedule|sessions?|talks|speakers|presentations|lectures)( i (attended|saw|heard|went to))?|(talks|sessions) i (attended|saw|heard)|lightning talks|lts?|ライトニングトーク|プログラム|セッション|講演|発表|聞いた発表|聴いた発表|参加したセッション|議程|议程|場次|场次|演講|演讲|講座|讲座|議題|议题)$/u;

/**
 * Titles of a part of the day that holds its talks: `Morning sessions`, `下午场`, `午後の部`, or
 * an opening block that ends with one (`AS 大会开场及上午场`).
 */
const DAY_PART_WORDS =
  /^((morning|afternoon|evening)( (sessions?|talks|track))?|.*(上午|下午|晚上|晚间|午前|午後)(场|場|的?议程|的?議程|の部|セッション))$/u;

/** True when a title names a heading that only holds the talks (`## Program`, `## 下午场`). Pure. */
export function isContainerWord(title: string): boolean {
  const normal = normalizeTitle(title);
  return CONTAINER_WORDS.test(normal) || DAY_PART_WORDS.test(normal);
}

/** Separators that split `Speaker - Title` or `Title：Speaker` in talk headings. */
const SEPARATORS: readonly [string, RegExp][] = [
  ['-', /\S\s+[-–—]\s+\S/u],
  [':', /\S\s*[:：]\s*\S/u],
  ['|', /\S\s*[|｜]\s*\S/u],
  ['/', /\S\s+[/／]\s+\S/u],
  ['by', /\S\s+by\s+\S/iu],
  ['@', /\S\s+@\s*\S/u],
];

/** Returns the separators a title is written with (`-` for `Alice - Rust`), for comparing talk titles. Pure. */
export function separatorsOf(title: string): string[] {
  return SEPARATORS.filter(([, re]) => re.test(title)).map(([name]) => name);
}
