import { describe, expect, it } from 'vitest';
import { editLink } from './edit-link';

describe('editLink', () => {
  it('returns null without a template', () => {
    expect(editLink(null, '/home/me', 'notes/a.md', 3)).toBeNull();
    expect(editLink('', '/home/me', 'notes/a.md', 3)).toBeNull();
  });

  it('fills a local editor template with the absolute path', () => {
    expect(editLink('vscode://file{path}:{line}', '/home/me/proj', 'notes/a.md', 284)).toBe(
      'vscode://file/home/me/proj/notes/a.md:284',
    );
  });

  it('fills a repository template with the relative file, every occurrence', () => {
    expect(
      editLink('https://example.org/notes/edit/main/{file}#L{line}', '/x', 'notes/a.md', 7),
    ).toBe('https://example.org/notes/edit/main/notes/a.md#L7');
    expect(editLink('{line}-{line}', '', 'f', 2)).toBe('2-2');
  });

  it('does not double the slash after the root', () => {
    expect(editLink('{path}', '/root/', 'notes/a.md', 1)).toBe('/root/notes/a.md');
    expect(editLink('{path}', '', 'notes/a.md', 1)).toBe('notes/a.md');
  });
});
