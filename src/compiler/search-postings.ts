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
const FIELDS = SEARCH_FIELDS.length;

/** Returns a typed array of at least `size` elements holding `array`'s (the same one when it does). */
function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Adds search documents (numbered 0, 1, … in the order added) to an inverted index and returns it
 * as `IndexedTerms`. Mutates only itself.
 *
 * Each first occurrence of a term in a field of a document appends a posting (that term and
 * field's slot, the document, a frequency) to typed arrays; later occurrences count in it. The
 * postings live outside the JS heap, so a big index costs the garbage collector nothing: arrays
 * per term, grown a document at a time, were copied by every minor collection.
 */
export class SearchPostings {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per slot (`term * FIELDS + field`): its last posting's index + 1, 0 for none yet. */
  private lastPosting = new Int32Array(1024);
  private postingSlot = new Int32Array(1024);
  private postingDocument = new Int32Array(1024);
  private postingFrequency = new Int32Array(1024);
  private postings = 0;
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
      const slot = this.termId(term) * FIELDS + fieldId;
      const last = this.lastPosting[slot]! - 1;
      if (last >= 0 && this.postingDocument[last] === id) {
        this.postingFrequency[last] += 1;
      } else {
        this.addPosting(slot, id);
        unique += 1;
      }
    }
    return unique;
  }

  /** Returns the number of a term, numbering it when new. Mutates this index. */
  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.lastPosting = grown(this.lastPosting, (id + 1) * FIELDS);
    }
    return id;
  }

  /** Appends a posting of frequency 1. Mutates this index. */
  private addPosting(slot: number, document: number): void {
    const at = this.postings++;
    if (at === this.postingSlot.length) {
      this.postingSlot = grown(this.postingSlot, at + 1);
      this.postingDocument = grown(this.postingDocument, at + 1);
      this.postingFrequency = grown(this.postingFrequency, at + 1);
    }
    this.postingSlot[at] = slot;
    this.postingDocument[at] = document;
    this.postingFrequency[at] = 1;
    this.lastPosting[slot] = at + 1;
  }

  /** Returns the index built so far, terms sorted and compacted (see `IndexedTerms`). Does not mutate. */
  indexed(): IndexedTerms {
    const { start, order } = this.bySlot();
    const entries: SearchChunk = [];
    for (const term of [...this.terms].sort()) {
      const fields: Record<string, number[]> = {};
      const first = this.termIds.get(term)! * FIELDS;
      for (let slot = first; slot < first + FIELDS; slot += 1) {
        if (start[slot] === start[slot + 1]) continue;
        fields[slot - first] = this.deltas(order.subarray(start[slot], start[slot + 1]));
      }
      entries.push([term, fields]);
    }
    return {
      documentCount: this.documentCount,
      fieldIds: { ...FIELD_IDS },
      averageFieldLength: [...this.averageFieldLength],
      fieldLength: [...this.fieldLength],
      entries,
    };
  }

  /**
   * Returns the postings grouped by slot: those of slot s are `order[start[s]]` to
   * `order[start[s + 1] - 1]`, in the order added (documents ascending). Does not mutate.
   */
  private bySlot(): { start: Int32Array; order: Int32Array } {
    const slots = this.terms.length * FIELDS;
    const start = new Int32Array(slots + 1);
    for (let i = 0; i < this.postings; i += 1) start[this.postingSlot[i]! + 1] += 1;
    for (let s = 0; s < slots; s += 1) start[s + 1] += start[s]!;
    const next = start.slice(0, slots);
    const order = new Int32Array(this.postings);
    for (let i = 0; i < this.postings; i += 1) order[next[this.postingSlot[i]!]++] = i;
    return { start, order };
  }

  /** Returns postings as a chunk holds them: `[document − previous document, frequency, …]`. Does not mutate. */
  private deltas(postings: Int32Array): number[] {
    const flat = new Array<number>(postings.length * 2);
    let previous = 0;
    for (let i = 0; i < postings.length; i += 1) {
      const document = this.postingDocument[postings[i]!]!;
      flat[2 * i] = document - previous;
      flat[2 * i + 1] = this.postingFrequency[postings[i]!]!;
      previous = document;
    }
    return flat;
  }
}
