import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNotes, firstInvalidUtf8 } from './read-notes.ts';

describe('decodeNotes', () => {
  it('strips a BOM and turns CRLF and lone CR into LF', () => {
    const bytes = new TextEncoder().encode('\uFEFF# A\r\nb\rc\n');
    expect(decodeNotes('x.md', bytes)).toEqual({
      ok: true,
      source: { text: '# A\nb\nc\n', bom: true },
    });
  });

  it('reports the line and column of the first bad byte', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('ok\r\n基於 '), 0xc3, 0x28, 0x0a]);
    const result = decodeNotes('notes/x.md', bytes);
    expect(result).toMatchObject({
      ok: false,
      diagnostic: { severity: 'error', file: 'notes/x.md', line: 2, column: 4 },
    });
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with the fatal TextDecoder on any bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const offset = firstInvalidUtf8(bytes);
        let valid = true;
        try {
          decoder.decode(bytes);
        } catch {
          valid = false;
        }
        expect(offset === bytes.length).toBe(valid);
        // Everything before the reported byte is valid UTF-8.
        expect(() => decoder.decode(bytes.subarray(0, offset))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
