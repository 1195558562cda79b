import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { compileSource } from '/work/main/src/compiler/compile.ts';
import { parseMarkdown } from '/work/main/src/compiler/parse.ts';
const seed = readFileSync('/work/main/notes/gopherchina-2017.md', 'utf8');
const body = seed.split('\n').slice(1).join('\n');
const files: string[] = [];
for (let f = 0; f < 20; f++) { let t = `# Conf ${f}\n`; for (let i = 0; i < 30; i++) t += body.replaceAll('## 4/1', `## ${i % 12 + 1}/1`) + '\n'; files.push(t); }
const bytes = files.map((t) => new TextEncoder().encode(t));
const time = (label: string, fn: () => void) => { fn(); const s = performance.now(); fn(); console.log(label, (performance.now() - s).toFixed(0), 'ms'); };
time('fromMarkdown (plain)', () => { for (const t of files) fromMarkdown(t); });
time('remark parse (gfm+fm)', () => { for (const t of files) parseMarkdown(t); });
let talks = 0;
time('compileSource', () => { talks = 0; for (let i = 0; i < files.length; i++) talks += compileSource(`f${i}.md`, bytes[i]!).days.reduce((n, d) => n + d.talks.length, 0); });
console.log('talks', talks);
