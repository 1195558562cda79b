import { describe, expect, it } from 'vitest';
import { asideKindOf, isSectionWord } from './vocabulary.ts';

describe('asideKindOf', () => {
  it.each([
    ['Lunch', 'break'],
    ['昼飯', 'break'],
    ['afternoon break', 'break'],
    ['オフィシャルパーティー', 'break'],
    ['Official party', 'break'],
    ['Drinkup', 'break'],
    ['雑なまとめ', 'summary'],
    ['おわり', 'retrospective'],
    ['鳴謝', 'retrospective'],
    ['Acknowledgements', 'retrospective'],
  ] as const)('`%s` is a part of kind %s', (title, kind) => {
    expect(asideKindOf(title)).toBe(kind);
  });

  it.each([
    'Leaner Drinkup at RubyKaigi 2023',
    'Breaking changes in Rails 8',
    'Thanks for the memories',
  ])('`%s` is a title, not a part', (title) => {
    expect(asideKindOf(title)).toBeNull();
  });
});

describe('isSectionWord', () => {
  it.each(['Takes', 'My takes', 'Raw notes', 'Draft notes', 'Q&A', 'Questions'])(
    '`%s` is a section of a talk',
    (title) => {
      expect(isSectionWord(title)).toBe(true);
    },
  );

  it.each(['Taking notes in Rust', 'Notes from a small island'])('`%s` is not', (title) => {
    expect(isSectionWord(title)).toBe(false);
  });
});
