/**
 * What the bench types into the search over the synthetic corpus: the recall list of the shipped
 * notes (words from the middle of sentences; many also occur in the generated notes) and words of
 * the generator's own vocabulary: CJK inside runs, Japanese, English prefixes and typos.
 */
import { RECALL_QUERIES } from './search-queries.ts';

export const BENCH_QUERIES: readonly string[] = [
  ...RECALL_QUERIES.map((entry) => entry.query),
  '負載均衡',
  '鏈路追蹤',
  '灰度',
  '消息隊列',
  'データベース',
  '並行処理',
  'ガベージ',
  'kubern',
  'latency',
  'schedlur',
  'garbage collector',
  'Kafka 延遲',
];
