/**
 * The search index's terms and scoring data, built for `shardSearchIndex` without MiniSearch.
 *
 * The data is MiniSearch's (`SEARCH_OPTIONS`: same tokenizer, same document numbers, same field
 * lengths and running averages, same postings), so the app loads it into MiniSearch as it would
 * MiniSearch's own `toJSON()`. Built here because MiniSearch keeps its terms in a radix tree with a
 * `Map` of documents per term and field: at 10,000 talks (5 million terms) adding them took 14 s
 * of CPU and its garbage collector as much again, where a hash map of flat arrays takes a tenth.
 */
import type { SearchChunk } from './contract.ts';
import { SEARCH_FIELDS, SEARCH_OPTIONS, type SearchDocument } from '../lib/search-options.ts';

/** A term's postings: per field id, `[document, frequency, …]` pairs, documents ascending. */
type Postings = (number[] | undefined)[];

/** What `shardSearchIndex` cuts into files: MiniSearch's serialized index, terms compacted. */
export interface IndexedTerms {
  documentCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** The length (unique terms) of field f of document d at `d * fields + f`. */
  fieldLength: number[];
  /** Every term with its postings as a chunk holds them (`SearchChunk`), in UTF-16 order. */
  entries: SearchChunk;
}

const FIELD_IDS: Record<string, number> = Object.fromEntries(
  SEARCH_FIELDS.map((field, id) => [field, id]),
);

/**
 * Adds search documents (numbered 0, 1, … in the order added) to an inverted index and returns it
 * as `IndexedTerms`. Mutates only itself.
 */
export class SearchPostings {
  private readonly terms = new Map<string, Postings>();
  private readonly fieldLength: number[] = [];
  // Filled as MiniSearch fills it (`[]` until a document comes), for the same manifest bytes.
  private readonly averageFieldLength: number[] = [];
  private documentCount = 0;

  /** Adds the documents, which must be numbered on from the last one added. Mutates this index. */
  addAll(documents: readonly SearchDocument[]): void {
    for (const document of documents) this.add(document);
  }

  /** Adds one document (see `addAll`). Mutates this index. */
  add(document: SearchDocument): void {
    const id = this.documentCount;
    if (document.id !== id) {
      throw new Error(
        `Unexpected search document \`${document.id}\` at ${id}, expected documents numbered in order`,
      );
    }
    this.documentCount += 1;
    for (const [fieldId, field] of SEARCH_FIELDS.entries()) {
      const unique = this.addField(id, fieldId, document[field]);
      this.fieldLength.push(unique);
      // MiniSearch's running average, step for step: the same floating-point result.
      const average = this.averageFieldLength[fieldId] ?? 0;
      this.averageFieldLength[fieldId] = (average * id + unique) / (id + 1);
    }
  }

  /**
   * Adds the terms of one field of document `id` and returns how many distinct terms it has (what
   * MiniSearch counts as its length: `tokenize` yields no empty term and `processTerm` keeps terms
   * as they are, so distinct tokens and distinct terms are the same). Mutates this index.
   */
  private addField(id: number, fieldId: number, text: string): number {
    let unique = 0;
    for (const term of SEARCH_OPTIONS.tokenize(text)) {
      let postings = this.terms.get(term);
      if (postings === undefined) this.terms.set(term, (postings = []));
      const pairs = (postings[fieldId] ??= []);
      const last = pairs.length - 2;
      if (last >= 0 && pairs[last] === id) {
        pairs[last + 1] += 1;
      } else {
        pairs.push(id, 1);
        unique += 1;
      }
    }
    return unique;
  }

  /** Returns the index built so far, terms sorted and compacted (see `IndexedTerms`). Does not mutate. */
  indexed(): IndexedTerms {
    const terms = [...this.terms.keys()].sort();
    return {
      documentCount: this.documentCount,
      fieldIds: { ...FIELD_IDS },
      averageFieldLength: [...this.averageFieldLength],
      fieldLength: [...this.fieldLength],
      entries: terms.map((term) => [term, compact(this.terms.get(term)!)]),
    };
  }
}

/** Returns postings as a chunk holds them: each field's documents as differences from the previous. */
function compact(postings: Postings): Record<string, number[]> {
  const fields: Record<string, number[]> = {};
  for (const [fieldId, pairs] of postings.entries()) {
    if (pairs === undefined) continue;
    const flat = new Array<number>(pairs.length);
    let previous = 0;
    for (let i = 0; i < pairs.length; i += 2) {
      flat[i] = pairs[i]! - previous;
      flat[i + 1] = pairs[i + 1]!;
      previous = pairs[i]!;
    }
    fields[fieldId] = flat;
  }
  return fields;
}
