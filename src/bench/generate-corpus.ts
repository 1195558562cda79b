/**
 * A synthetic notes corpus for the scale benchmark: N conferences × M talks (default 200 × 50 =
 * 10,000 talks), one Markdown file per conference shaped like notes/gopherchina-2017.md
 * (`# Conf YYYY`, `## M/D` days, `### talk`, nested tab-indented bullets, `####` sections) in
 * Traditional Chinese, Japanese and English, with every kind of gap the compiler reports (empty
 * bullets, empty and untitled `####`, empty `- Reference`, `TODO`s, links with no URL, talks with only references, empty
 * talks) and some long talks. Deterministic: the same options give the same bytes.
 *
 *   npx tsx src/bench/generate-corpus.ts [--conferences 200] [--talks 50] [--seed 1] [--out dir]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusOptions {
  /** Number of conference files (default 200). */
  conferences?: number;
  /** Talks per conference (default 50). */
  talks?: number;
  /** PRNG seed (default 1). */
  seed?: number;
}

/** One generated notes file. */
export interface CorpusFile {
  /** File name, e.g. `gophercon-taiwan-2013.md` (unique within the corpus). */
  name: string;
  text: string;
}

/** A corpus written to disk. */
export interface WrittenCorpus {
  dir: string;
  files: string[];
  /** Total UTF-8 bytes of the files. */
  bytes: number;
  conferences: number;
  talks: number;
}

type Random = () => number;

/** mulberry32: small, fast, deterministic pseudo-random numbers in [0, 1). */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: real words first (the frequent ones), then made-up words from the same characters,
// drawn with a Zipf-like law so the vocabulary grows with the corpus and levels off.

const HAN =
  '的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處理府研質張信';
const ZH_WORDS = [
  '分佈式',
  '微服務',
  '數據庫',
  '高可用',
  '一致性',
  '吞吐量',
  '延遲',
  '壓縮',
  '序列化',
  '負載均衡',
  '服務註冊',
  '限流',
  '熔斷',
  '監控',
  '日誌',
  '鏈路追蹤',
  '全局唯一',
  '內存分配',
  '垃圾回收',
  '協程',
  '併發',
  '調度',
  '部署',
  '容器',
  '鏡像',
  '編排',
  '緩存',
  '消息隊列',
  '索引',
  '搜索引擎',
  '存儲',
  '網關',
  '灰度發布',
  '單元測試',
  '代碼審查',
  '持續集成',
  '重構',
  '依賴管理',
  '性能優化',
  '故障轉移',
  '自動恢復',
  '實時計算',
  '批次處理',
  '安全性',
  '權限',
  '加密',
  '協議',
  '兼容',
  '擴展性',
  '可觀測性',
];
const ZH_GLUE = [
  '使用',
  '透過',
  '如何',
  '為了',
  '需要',
  '可以',
  '沒有',
  '其實',
  '問題',
  '方案',
  '實現',
  '設計',
  '經驗',
  '挑戰',
  '選擇',
  '我們',
  '他們',
  '現在',
  '以前',
  '之後',
  '比較',
  '非常',
  '主要',
  '目前',
];
const ZH_PUNCT = ['，', '、', '：', '；'];
const HIRAGANA =
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん';
const KATAKANA =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const JA_WORDS = [
  'サーバー',
  'データベース',
  'パフォーマンス',
  'メモリ',
  'ガベージコレクション',
  'コンパイラ',
  'ライブラリ',
  'テスト',
  'デプロイ',
  'キャッシュ',
  '型推論',
  '並行処理',
  '非同期',
  '最適化',
  '設計',
  '開発者',
  '運用',
  '監視',
  '障害',
  '移行',
];
const JA_PARTICLES = ['の', 'は', 'を', 'に', 'で', 'が', 'と', 'も', 'から', 'まで'];
const JA_ENDINGS = ['する', 'した', 'です', 'できる', 'について', 'が重要', 'の話', 'を改善'];
const EN_WORDS =
  'the a to of and in is for with on that we it this how from our at by as be can not more when use data service server client request latency memory cache index query search build deploy test release team code review module package interface type error context channel goroutine runtime compiler garbage collector heap stack profile trace metric log alert cluster node replica shard partition stream queue event worker pool thread lock mutex atomic scheduler network protocol api gateway proxy load balancer storage database transaction consistency availability migration schema schedule pipeline benchmark allocation throughput performance security token session config container image kubernetes operator controller plugin framework library dependency version upgrade rollback monitoring dashboard incident outage recovery backup'.split(
    ' ',
  );
const EN_PRODUCTS = [
  'Go',
  'Rust',
  'Kafka',
  'etcd',
  'gRPC',
  'Redis',
  'MySQL',
  'TiDB',
  'Docker',
  'Kubernetes',
  'Prometheus',
  'React',
  'Node.js',
  'PostgreSQL',
  'ClickHouse',
  'Envoy',
  'NATS',
  'HBase',
  'Spark',
  'Flink',
];
const LATIN_SYLLABLES =
  'ka ri to ne mo la ve sto qui zen tor ban dex lum pra gor vin sol tek nov mar pel cro fin'.split(
    ' ',
  );

/** Conference series; with the year they make unique names for up to 5 × 16 years. */
const SERIES: { name: string; lang: Lang }[] = [
  { name: 'GopherChina', lang: 'zh' },
  { name: 'COSCUP', lang: 'zh' },
  { name: 'GopherCon Taiwan', lang: 'zh' },
  { name: 'JSDC', lang: 'zh' },
  { name: 'PyCon TW', lang: 'zh' },
  { name: 'Kubernetes Summit', lang: 'zh' },
  { name: 'QCon 北京', lang: 'zh' },
  { name: 'ArchSummit 深圳', lang: 'zh' },
  { name: 'RubyKaigi', lang: 'ja' },
  { name: 'Go Conference', lang: 'ja' },
  { name: 'JSConf JP', lang: 'ja' },
  { name: 'GopherCon', lang: 'en' },
  { name: 'Strange Loop', lang: 'en' },
  { name: 'KubeCon', lang: 'en' },
  { name: 'RustConf', lang: 'en' },
  { name: 'Monitorama', lang: 'en' },
];

type Lang = 'zh' | 'ja' | 'en';

interface Lexicon {
  zh: string[];
  ja: string[];
  en: string[];
}

const LEXICON_SIZE = 20_000;

function makeLexicon(seed: number): Lexicon {
  const next = mulberry32(seed ^ 0x5eed);
  const pick = (pool: string | readonly string[]) => pool[Math.floor(next() * pool.length)]!;
  const han = Array.from(HAN);
  const chars = (pool: readonly string[], min: number, max: number) =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(pool)).join('');
  const zh = [...ZH_WORDS, ...ZH_GLUE];
  const ja = [...JA_WORDS];
  const en = [...EN_WORDS];
  while (zh.length < LEXICON_SIZE) zh.push(chars(han, 2, 4));
  while (ja.length < LEXICON_SIZE / 2)
    ja.push(
      next() < 0.5 ? chars(Array.from(KATAKANA), 3, 6) + 'ー' : chars(han, 1, 2) + pick(HIRAGANA),
    );
  while (en.length < LEXICON_SIZE)
    en.push(chars(LATIN_SYLLABLES, 2, 4) + (next() < 0.3 ? pick(['er', 'ing', 'ed', 's']) : ''));
  return { zh, ja, en };
}

/** Returns words of a lexicon by a Zipf-like law: rank r with probability about 1/r. */
function zipf(next: Random, words: readonly string[]): string {
  return words[Math.floor(Math.exp(next() * Math.log(words.length + 1))) - 1]!;
}

// ---------------------------------------------------------------------------------------------

class Writer {
  readonly lines: string[] = [];
  constructor(
    readonly next: Random,
    private readonly lexicon: Lexicon,
    readonly lang: Lang,
  ) {}

  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A phrase of a few words in `lang` (CJK notes carry English terms between spaces). */
  phrase(lang: Lang = this.lang, words = this.int(2, 7)): string {
    const next = this.next;
    if (lang === 'en') {
      const out: string[] = [];
      for (let i = 0; i < words; i++)
        out.push(this.chance(0.1) ? this.pick(EN_PRODUCTS) : zipf(next, this.lexicon.en));
      const s = out.join(' ');
      return this.chance(0.5) ? s[0]!.toUpperCase() + s.slice(1) : s;
    }
    let out = '';
    let latin = false;
    for (let i = 0; i < words; i++) {
      if (this.chance(0.15)) {
        const term = this.chance(0.5) ? this.pick(EN_PRODUCTS) : zipf(next, this.lexicon.en);
        out += (out && !out.endsWith(' ') ? ' ' : '') + term + ' ';
        latin = true;
        continue;
      }
      if (latin) latin = false;
      if (lang === 'zh') {
        out += zipf(next, this.lexicon.zh);
        if (i > 0 && i < words - 1 && this.chance(0.12)) out += this.pick(ZH_PUNCT);
      } else {
        out += zipf(next, this.lexicon.ja) + this.pick(JA_PARTICLES);
      }
    }
    out = out.trim();
    if (lang === 'ja' && this.chance(0.5)) out += this.pick(JA_ENDINGS);
    return out;
  }

  /** Inline decoration now and then: code, emphasis, a link, a parenthesis. */
  inline(lang: Lang = this.lang): string {
    let text = this.phrase(lang);
    const roll = this.next();
    if (roll < 0.06) text += ` \`${zipf(this.next, this.lexicon.en)}()\``;
    else if (roll < 0.1) text = `**${text}**`;
    else if (roll < 0.13)
      text += ` [${this.phrase('en', 2)}](https://example.com/${zipf(this.next, this.lexicon.en)})`;
    else if (roll < 0.18)
      text += lang === 'en' ? ` (${this.phrase('en', 3)})` : `(${this.phrase(lang, 2)})`;
    else if (roll < 0.21) text += ` -> ${this.phrase(lang, 2)}`;
    return text;
  }

  /** A mixed-language line: CJK notes quote English and the other way round, as real notes do. */
  noteLine(): string {
    const lang = this.chance(0.12) ? this.pick<Lang>(['zh', 'ja', 'en']) : this.lang;
    return this.inline(lang);
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** A nested bullet list (tabs, as in the shipped notes); empty bullets when `holes`. */
  bullets(count: number, holes: boolean, depth = 0): void {
    const indent = '\t'.repeat(depth);
    for (let i = 0; i < count; i++) {
      // Never first in a nested list: `- text` then an indented lone `-` is a setext heading.
      if (holes && depth > 0 && i > 0 && this.chance(0.08)) {
        this.push(`${indent}-`);
        continue;
      }
      // Now and then a marker left to come back to (`todo`) or a link with no URL yet (`empty-link`).
      if (holes && this.chance(0.02)) this.push(`${indent}- ${this.noteLine()} TODO`);
      else if (holes && this.chance(0.01)) this.push(`${indent}- [slides]()`);
      else this.push(`${indent}- ${this.noteLine()}`);
      if (depth < 2 && this.chance(depth === 0 ? 0.3 : 0.15))
        this.bullets(this.int(1, 4), holes, depth + 1);
    }
    // An empty bullet at the end of a list among content: an `empty-item` gap.
    if (holes && this.chance(0.1)) this.push(`${indent}-`);
  }

  ordered(count: number): void {
    for (let i = 1; i <= count; i++) {
      this.push(`${i}. ${this.noteLine()}`);
      if (this.chance(0.5))
        for (let k = this.int(1, 3); k > 0; k--) this.push(`\t- ${this.noteLine()}`);
    }
  }

  paragraph(): void {
    const sentences = this.int(1, 3);
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) parts.push(this.inline());
    this.push(parts.join(this.lang === 'en' ? '. ' : this.lang === 'zh' ? '。' : '。'), '');
  }

  code(): void {
    const name = zipf(this.next, this.lexicon.en).replace(/\W/g, '') || 'run';
    this.push('```go', `func ${name}(ctx context.Context) error {`);
    for (let k = this.int(1, 5); k > 0; k--)
      this.push(`\t// ${this.phrase()}`, `\t${zipf(this.next, this.lexicon.en)}()`);
    this.push('\treturn nil', '}', '```', '');
  }

  table(): void {
    this.push('| 項目 | 說明 |', '| --- | --- |');
    for (let k = this.int(2, 4); k > 0; k--)
      this.push(`| ${this.phrase(this.lang, 2)} | ${this.phrase()} |`);
    this.push('');
  }

  references(count: number): void {
    this.push(this.pick(['- Reference', '- Reference', '- References', '- 參考資料']));
    for (let i = 0; i < count; i++)
      this.push(
        `\t- [${this.phrase(this.lang, 3)}](https://example.com/${this.int(1000, 9999)}/${zipf(this.next, this.lexicon.en)})`,
      );
  }
}

/** The body of one talk (after its `###` heading). `kind` picks the shape; see `TALK_KINDS`. */
function talkBody(w: Writer, kind: TalkKind): void {
  switch (kind) {
    case 'empty':
      // Nothing at all, or just blank lines and empty bullets: an `empty-talk` gap.
      if (w.chance(0.5)) w.push('-', '-', '-');
      w.push('');
      return;
    case 'references-only':
      w.push('');
      w.references(w.int(1, 2));
      w.push('');
      return;
    case 'empty-references':
      w.bullets(w.int(3, 8), false);
      w.push('', '', '- Reference', '');
      return;
    case 'skeleton': {
      // Headings planned and left empty, as in the shipped notes' later talks.
      for (let s = w.int(2, 4); s > 0; s--) {
        w.push(w.chance(0.5) ? '####' : `#### ${w.phrase(w.lang, 2)}`);
        for (let k = w.int(2, 4); k > 0; k--) w.push('-');
        w.push('');
      }
      return;
    }
    case 'sections':
    case 'long': {
      if (w.chance(0.5)) w.paragraph();
      const sections = kind === 'long' ? w.int(10, 24) : w.int(2, 5);
      for (let s = 0; s < sections; s++) {
        const roll = w.next();
        if (roll < 0.07) {
          // A titled heading with nothing under it: `empty-section`.
          w.push(`#### ${w.phrase(w.lang, 2)}`, '');
          continue;
        }
        if (roll < 0.12) {
          // An untitled heading: `empty-heading` (its empty bullets belong to it).
          w.push('####', '-', '-', '');
          continue;
        }
        w.push(`#### ${w.phrase(w.lang, w.int(1, 3))}`);
        if (w.chance(0.2)) w.paragraph();
        w.bullets(kind === 'long' ? w.int(6, 14) : w.int(3, 8), true);
        if (w.chance(0.08)) {
          w.push('');
          w.code();
        } else if (w.chance(0.05)) {
          w.push('');
          w.table();
        }
        if (w.chance(0.1)) w.push('', `##### ${w.phrase(w.lang, 2)}`, `- ${w.noteLine()}`);
        w.push('');
      }
      if (w.chance(0.6)) {
        w.push('');
        w.references(w.int(1, 3));
      }
      w.push('');
      return;
    }
    case 'outline':
    default: {
      if (w.chance(0.6)) w.paragraph();
      const blocks = w.int(1, 3);
      for (let b = 0; b < blocks; b++) {
        if (b > 0 && w.chance(0.6)) w.push(w.inline());
        if (w.chance(0.15)) w.ordered(w.int(3, 5));
        else w.bullets(w.int(4, 12), true);
        w.push('');
      }
      if (w.chance(0.15)) w.code();
      const refs = w.next();
      if (refs < 0.5) {
        w.push('');
        w.references(w.int(1, 3));
      } else if (refs < 0.62) {
        // An empty references list at the end: `empty-references`.
        w.push('', '- Reference');
      }
      w.push('');
    }
  }
}

type TalkKind =
  'outline' | 'sections' | 'long' | 'skeleton' | 'empty' | 'references-only' | 'empty-references';

/** Shapes of talks and how often they occur (cumulative thresholds). */
const TALK_KINDS: [number, TalkKind][] = [
  [0.45, 'outline'],
  [0.75, 'sections'],
  [0.79, 'long'],
  [0.86, 'skeleton'],
  [0.91, 'empty'],
  [0.96, 'references-only'],
  [1, 'empty-references'],
];

function talkKind(roll: number): TalkKind {
  return TALK_KINDS.find(([threshold]) => roll < threshold)![1];
}

function fileSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Returns conference `index` of a corpus (its own PRNG stream, so any one file can be made again
 * on its own). Pure.
 */
export function generateConference(
  index: number,
  talks: number,
  { seed = 1, lexicon = makeLexicon(seed) }: { seed?: number; lexicon?: Lexicon } = {},
): CorpusFile {
  const series = SERIES[index % SERIES.length]!;
  const year = 2010 + Math.floor(index / SERIES.length);
  const next = mulberry32((seed * 0x9e3779b1) ^ ((index + 1) * 0x85ebca6b));
  const w = new Writer(next, lexicon, series.lang);
  const title = `${series.name} ${year}`;
  // Several series share a slug family; the index keeps file names unique in any corpus size.
  const name = `${fileSlug(series.name)}-${year}${index >= SERIES.length * 16 ? `-${index}` : ''}.md`;

  w.push(`# ${title}`, '', '');
  if (w.chance(0.2)) w.paragraph();
  const days = Math.min(talks, w.int(1, 3));
  const month = w.int(1, 12);
  const firstDay = w.int(1, 25);
  const titles = new Set<string>();
  let talk = 0;
  for (let d = 0; d < days; d++) {
    w.push(`## ${month}/${firstDay + d}`, '');
    const inDay = Math.floor(talks / days) + (d < talks % days ? 1 : 0);
    for (let t = 0; t < inDay; t++, talk++) {
      let heading = '';
      do {
        heading =
          w.chance(0.3) && w.lang !== 'en'
            ? `${w.pick(EN_PRODUCTS)} ${w.phrase(w.lang, w.int(2, 4))}`
            : w.phrase(w.lang, w.int(2, 6));
      } while (titles.has(heading));
      titles.add(heading);
      w.push(`### ${heading}`, '');
      talkBody(w, talkKind(next()));
      w.push('');
    }
  }
  return { name, text: `${w.lines.join('\n').replace(/\n{3,}$/, '\n')}\n` };
}

/** Returns every file of a corpus, in memory. Pure. */
export function generateCorpus(options: CorpusOptions = {}): CorpusFile[] {
  const { conferences = 200, talks = 50, seed = 1 } = options;
  const lexicon = makeLexicon(seed);
  return Array.from({ length: conferences }, (_, i) =>
    generateConference(i, talks, { seed, lexicon }),
  );
}

/**
 * Writes a corpus into `dir` (default: a new folder under the OS temp folder) and returns where
 * and how much. Creates the folder; overwrites files of the same names.
 */
export async function writeCorpus(
  options: CorpusOptions & { dir?: string } = {},
): Promise<WrittenCorpus> {
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'notes-corpus-')));
  await mkdir(dir, { recursive: true });
  const files = generateCorpus(options);
  let bytes = 0;
  for (const file of files) {
    bytes += Buffer.byteLength(file.text);
    await writeFile(path.join(dir, file.name), file.text);
  }
  return {
    dir,
    files: files.map((f) => path.join(dir, f.name)),
    bytes,
    conferences: files.length,
    talks: files.length * (options.talks ?? 50),
  };
}

/** Removes a corpus folder written by `writeCorpus`. */
export async function removeCorpus(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const corpus = await writeCorpus({
    conferences: Number(flag('--conferences') ?? 200),
    talks: Number(flag('--talks') ?? 50),
    seed: Number(flag('--seed') ?? 1),
    dir: flag('--out') && path.resolve(flag('--out')!),
  });
  process.stdout.write(
    `${corpus.dir}: ${corpus.conferences} files, ${corpus.talks} talks, ${(corpus.bytes / 1048576).toFixed(1)} MiB\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `generate-corpus: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
