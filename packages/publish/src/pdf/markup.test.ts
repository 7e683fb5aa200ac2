import { describe, expect, it } from 'vitest';
import { escapeMarkup, parseMarkup } from './markup';

describe('parseMarkup', () => {
  it('reads headings, paragraphs, lists, tables and charts', () => {
    const blocks = parseMarkup('# Title\n\nOne\nparagraph.\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[[chart:mirror]]\n');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'One paragraph.' },
      { kind: 'list', items: ['a', 'b'] },
      { kind: 'table', header: ['x', 'y'], rows: [['1', '2']] },
      { kind: 'chart', name: 'mirror' },
    ]);
  });

  it('keeps escaped values inert: no heading, extra cell, chart or line break from a value', () => {
    const hostile = '# Heading | cell \\ [[chart:mirror]]\n- item';
    const v = escapeMarkup(hostile);
    expect(parseMarkup(`${v}\n`)).toEqual([{ kind: 'paragraph', text: '# Heading | cell \\ [[chart:mirror]] - item' }]);
    expect(parseMarkup(`| ${v} | 2 |\n`)).toEqual([{ kind: 'table', header: ['# Heading | cell \\ [[chart:mirror]] - item', '2'], rows: [] }]);
    expect(parseMarkup(`${escapeMarkup('- not a list')}\n`)).toEqual([{ kind: 'paragraph', text: '- not a list' }]);
  });

  it('shows what an unescaped value would do', () => {
    expect(parseMarkup('# Heading\n')[0]?.kind).toBe('heading');
  });
});
