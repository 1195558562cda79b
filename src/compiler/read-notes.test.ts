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

describe('decodeNotes on files that are not UTF-8 text', () => {
  it('names a UTF-16 file by its byte order mark', () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const result = decodeNotes('x.md', Uint8Array.from([...bom, 0x23, 0x00]));
      expect(result).toMatchObject({ ok: false, diagnostic: { line: 1, column: 1 } });
      expect(!result.ok && result.diagnostic.message).toMatch(/^Unexpected UTF-16 byte order mark/);
    }
  });

  it('calls a file with NUL bytes binary, at its first bad byte', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
    expect(decodeNotes('x.md', png)).toMatchObject({
      ok: false,
      diagnostic: { line: 1, column: 1, message: expect.stringMatching(/binary file/) },
    });
    const nul = new TextEncoder().encode('# A\nok\0more');
    expect(decodeNotes('x.md', nul)).toMatchObject({
      ok: false,
      diagnostic: { line: 2, column: 3, message: expect.stringMatching(/^Unexpected NUL byte/) },
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
