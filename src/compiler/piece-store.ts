import { createHash } from 'node:crypto';
import type { RootContent } from 'mdast';
import { Packr } from 'msgpackr';
import type { PieceCache, PlacedPiece } from './parse.ts';

/**
 * MessagePack with records: each node shape is written once, in a structure table shared by
 * every piece of this process (never stored: the pieces live and die with it), and read back by
 * a reader msgpackr generates for it, so unpacking makes objects of the parser's own shapes
 * (which the later steps are fast on). About 1.5 ms per 100 KB of notes once warm, where
 * `v8.deserialize` took 14-25 ms and left the compile after it slower, and 3 bytes per source
 * byte against 10.
 */
const packr = new Packr({ structures: [], maxSharedStructures: 256 });

/** A piece kept packed: its nodes as `packr` wrote them, where they were placed then. */
interface Packed {
  bytes: Uint8Array;
  line: number;
  offset: number;
}

/**
 * A `PieceCache` for notes too big to keep every file's nodes on the heap (mdast costs tens
 * of bytes of heap per source byte): each piece is kept packed, as MessagePack in a Buffer
 * outside the JS heap (about 3 bytes per source byte, never walked by the GC) keyed by a hash
 * of its source, and unpacked when a later parse of the file finds it unchanged (tens of times
 * faster than parsing it again). `live` also keeps the nodes of the last parse, for
 * the file being edited. Pieces are packed as `parseMarkdown` places them, before any later
 * step sees the nodes.
 */
export class PackedPieces implements PieceCache {
  private packed = new Map<string, Packed>();
  /** Packed pieces a parse took, kept if that parse keeps them again. */
  private taken = new Map<string, Packed>();
  private liveNodes: Map<string, PlacedPiece> | null;

  constructor({ live = false }: { live?: boolean } = {}) {
    this.liveNodes = live ? new Map() : null;
  }

  /** Whether the nodes of the last parse are kept too; turning it off drops them. */
  get live(): boolean {
    return this.liveNodes !== null;
  }

  set live(on: boolean) {
    if (on !== this.live) this.liveNodes = on ? new Map() : null;
  }

  /** Bytes the packed pieces take (outside the JS heap). */
  get bytes(): number {
    let total = 0;
    for (const piece of this.packed.values()) total += piece.bytes.length;
    return total;
  }

  /** Returns the nodes of a piece, unpacked unless live, and forgets them until `replace`. */
  take(key: string): PlacedPiece | undefined {
    const hash = hashOf(key);
    const piece = this.packed.get(hash);
    if (!piece) return undefined;
    this.packed.delete(hash);
    this.taken.set(hash, piece);
    const live = this.liveNodes?.get(hash);
    this.liveNodes?.delete(hash);
    if (live) return live;
    const children = packr.unpack(piece.bytes) as RootContent[];
    return { children, line: piece.line, offset: piece.offset };
  }

  /** Keeps these pieces: the ones taken as they were packed, the others packed now. */
  replace(pieces: ReadonlyMap<string, PlacedPiece>): void {
    const packed = new Map<string, Packed>();
    const live = this.liveNodes && new Map<string, PlacedPiece>();
    for (const [key, piece] of pieces) {
      const hash = hashOf(key);
      const { children, line, offset } = piece;
      // A copy of its own: `pack` returns a view of a shared buffer, which one kept piece would
      // keep alive whole.
      const fresh = () => ({ bytes: new Uint8Array(packr.pack(children)), line, offset });
      packed.set(hash, this.taken.get(hash) ?? fresh());
      live?.set(hash, piece);
    }
    this.packed = packed;
    this.taken = new Map();
    this.liveNodes = live;
  }
}

/** A piece's key: its source is as long as the piece, its hash 43 characters. */
function hashOf(source: string): string {
  return createHash('sha256').update(source).digest('base64url');
}
