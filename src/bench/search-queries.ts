/**
 * What a reader types to find something in the shipped notes (notes/gopherchina-2017.md): words
 * and phrases taken from the middle of sentences and list items, CJK and English, with the talk
 * (and the section heading, '' for the talk's intro) each must find. The recall test and the
 * search figures both use this list.
 */
export interface RecallQuery {
  query: string;
  /** Title of the talk the text is in. */
  talk: string;
  /** Heading title of the section the text is in; '' when it is before the talk's first heading. */
  section: string;
  /** Where it comes from, and what it exercises. */
  from: string;
}

const BIG_DATA = 'Go 在大數據開發中的實戰經驗';
const TIDB = 'Go in TiDB';
const GRAB = '純 Go 打造億級實時分佈式平台';
const BILIBILI = '嗶哩嗶哩的 Go 微服務實戰';
const SEARCH_ENGINE = 'Go 在百萬億級搜索引擎中的應用';
const SECURITIES = 'Go 在證券行情系統中的應用';

export const RECALL_QUERIES: readonly RecallQuery[] = [
  {
    query: '全局唯一',
    talk: GRAB,
    section: 'Distributed Tracing',
    from: '這時候生成一個全局唯一的 trace id',
  },
  { query: '壓縮', talk: SECURITIES, section: '行情開發遇到的挑戰', from: 'list item `- 壓縮`' },
  {
    query: '分佈式',
    talk: BIG_DATA,
    section: '',
    from: '分佈式系統的一致性問題 (also in other talks)',
  },
  { query: '內網', talk: BILIBILI, section: '', from: '以前內網的服務也可以被外部訪問' },
  { query: 'gorout', talk: TIDB, section: '', from: 'prefix of goroutine' },
  {
    query: 'goroutien',
    talk: TIDB,
    section: '',
    from: 'goroutine with two letters swapped (one typo)',
  },
  {
    query: 'gorotine',
    talk: TIDB,
    section: '',
    from: 'goroutine with a letter missing (one typo)',
  },
  {
    query: 'GOROUTINE leak',
    talk: TIDB,
    section: '',
    from: 'case-insensitive, two words: Goroutine Leak',
  },
  { query: '一致性', talk: BIG_DATA, section: '', from: '分佈式系統的一致性問題' },
  { query: '數據流動', talk: BIG_DATA, section: '', from: '本質：數據流動的效率問題' },
  { query: '輕量化', talk: BIG_DATA, section: '', from: '精細化調度 -> 使用輕量化 goroutine' },
  { query: '十倍差異', talk: BIG_DATA, section: '', from: '和 json 至少有十倍差異' },
  { query: '具備的能力', talk: TIDB, section: '', from: '下一代數據庫需要具備的能力' },
  { query: '內存分配', talk: TIDB, section: '', from: '要想辦法減少內存分配壓力' },
  { query: 'sync.Pool', talk: TIDB, section: '', from: 'list item `- sync.Pool`' },
  { query: 'pool', talk: TIDB, section: '', from: 'the second half of sync.Pool' },
  {
    query: 'relieve pressure',
    talk: TIDB,
    section: '',
    from: 'reuse object to relieve pressure on the gc',
  },
  { query: '官方的', talk: TIDB, section: '', from: '而不是官方的 protobuf' },
  {
    query: '起家',
    talk: '基於 Go 的微服務架構 (Spring 開發者視角)',
    section: '',
    from: 'ali 基本上是 Java 起家',
  },
  {
    query: 'weaker',
    talk: 'Understanding Go Interfaces',
    section: 'In go, two types',
    from: 'The bigger the interface, the weaker the abstraction',
  },
  {
    query: '管理和部署',
    talk: '用 Go 搭建 Kubernetes Operators',
    section: '',
    from: 'operator 是用來管理和部署 cluster',
  },
  { query: '超時控制', talk: BILIBILI, section: '', from: '上下文管理(超時控制)' },
  { query: '司機', talk: GRAB, section: 'Grab 用 Go 在做什麼', from: '怎麼分配一個司機給顧客' },
  {
    query: '循環依賴',
    talk: GRAB,
    section: 'Distributed Tracing',
    from: '如何檢測避免循環依賴關係',
  },
  {
    query: '祝賀消息',
    talk: GRAB,
    section: 'Code Quality Control',
    from: '開發者會收到 SlackBot 祝賀消息',
  },
  {
    query: 'round robin',
    talk: GRAB,
    section: 'Go 常見的問題',
    from: '造成 DNS round robin 沒有勻稱的附載均衡',
  },
  {
    query: '竄改',
    talk: 'Go 語言在掃碼支付系統中的成功實踐',
    section: '技術選型',
    from: 'list item `- 防竄改`',
  },
  { query: '灌入', talk: SEARCH_ENGINE, section: '設計目標', from: '每天 2000億數據灌入' },
  {
    query: '進程過多',
    talk: SEARCH_ENGINE,
    section: 'Go 的坑',
    from: '一直掛，用 gdb 調適，發現進程過多',
  },
  {
    query: '小水管',
    talk: '跨境電商的 Go 服務治理實踐',
    section: '開發環境建構 Goflow',
    from: '內網緩存、不走小水管',
  },
  {
    query: '吞吐量',
    talk: SECURITIES,
    section: '行情開發遇到的挑戰',
    from: '缺點是更多的同步降低吞吐量; ＧＣ吞吐量',
  },
  {
    query: 'ＧＣ',
    talk: SECURITIES,
    section: '行情開發遇到的挑戰',
    from: 'full-width letters, as in ＧＣ吞吐量',
  },
  {
    query: '遠程複製',
    talk: 'Harbor 開源項目中容器鏡像遠程複製的實現',
    section: '',
    from: 'middle of a talk title',
  },
  {
    query: 'registry',
    talk: 'Harbor 開源項目中容器鏡像遠程複製的實現',
    section: 'vmware 開發的 docker registry for enterprise usage',
    from: 'middle of a heading',
  },
  // Words a dictionary segmenter (Intl.Segmenter) cuts differently inside the sentence.
  {
    query: '低延遲',
    talk: SECURITIES,
    section: '證券行情系統特點',
    from: 'list item `- 超低延遲`',
  },
  {
    query: '不中斷',
    talk: SECURITIES,
    section: '行情開發遇到的挑戰',
    from: '優點是不中斷業務下並行執行',
  },
  { query: '有哪些問題', talk: BIG_DATA, section: '', from: '數據導出會有哪些問題？' },
];

/**
 * The same kind of queries typed in Simplified Chinese, where the shipped notes write Traditional
 * (`分布式` for `分佈式`): search folds both scripts to one (`src/lib/tokenize.ts`), so each must
 * find the same talk and section, highlighted as written.
 */
export const OTHER_SCRIPT_QUERIES: readonly RecallQuery[] = [
  { query: '压缩', talk: SECURITIES, section: '行情開發遇到的挑戰', from: 'written `壓縮`' },
  { query: '分布式', talk: BIG_DATA, section: '', from: 'written `分佈式`' },
  { query: '内网', talk: BILIBILI, section: '', from: 'written `內網`' },
  { query: '数据流动', talk: BIG_DATA, section: '', from: 'written `數據流動`' },
  { query: '轻量化', talk: BIG_DATA, section: '', from: 'written `輕量化`' },
  { query: '十倍差异', talk: BIG_DATA, section: '', from: 'written `十倍差異`' },
  { query: '具备的能力', talk: TIDB, section: '', from: 'written `具備的能力`' },
  { query: '内存分配', talk: TIDB, section: '', from: 'written `內存分配`' },
  { query: '超时控制', talk: BILIBILI, section: '', from: 'written `超時控制`' },
  { query: '司机', talk: GRAB, section: 'Grab 用 Go 在做什麼', from: 'written `司機`' },
  { query: '循环依赖', talk: GRAB, section: 'Distributed Tracing', from: 'written `循環依賴`' },
  { query: '祝贺消息', talk: GRAB, section: 'Code Quality Control', from: 'written `祝賀消息`' },
  {
    query: '窜改',
    talk: 'Go 語言在掃碼支付系統中的成功實踐',
    section: '技術選型',
    from: 'written `竄改`',
  },
  { query: '进程过多', talk: SEARCH_ENGINE, section: 'Go 的坑', from: 'written `進程過多`' },
  {
    query: '远程复制',
    talk: 'Harbor 開源項目中容器鏡像遠程複製的實現',
    section: '',
    from: 'written `遠程複製`',
  },
  { query: '低延迟', talk: SECURITIES, section: '證券行情系統特點', from: 'written `低延遲`' },
  { query: '不中断', talk: SECURITIES, section: '行情開發遇到的挑戰', from: 'written `不中斷`' },
  { query: '有哪些问题', talk: BIG_DATA, section: '', from: 'written `有哪些問題`' },
  { query: '数据库', talk: TIDB, section: '', from: 'written `數據庫`' },
  {
    query: '内网缓存',
    talk: '跨境電商的 Go 服務治理實踐',
    section: '開發環境建構 Goflow',
    from: 'written `內網緩存`',
  },
];
