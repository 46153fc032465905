import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './markup';

const PAYLOAD = '从化区<img src=x onerror=window.__pwned=1>';

describe('chart tooltip markup (#11 item 4)', () => {
  it('escapes the characters that open markup or attributes', () => {
    expect(escapeHtml(PAYLOAD)).toBe('从化区&lt;img src=x onerror=window.__pwned=1&gt;');
    expect(escapeHtml(`"a" & 'b' \`c\``)).toBe('&quot;a&quot; &amp; &#39;b&#39; &#96;c&#96;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12.5)).toBe('12.5');
  });

  it('keeps the template’s own markup and escapes every value put into it', () => {
    expect(html`${PAYLOAD}<br/>${'<b>3</b>'} 家`).toBe('从化区&lt;img src=x onerror=window.__pwned=1&gt;<br/>&lt;b&gt;3&lt;/b&gt; 家');
    expect(html`<br/>`).toBe('<br/>');
    expect(html`${0}`).toBe('0');
  });

  it('escapes an html result given to html again: nothing is trusted by its type', () => {
    expect(html`${html`<br/>`}`).toBe('&lt;br/&gt;');
  });

  it('is how every chart formatter in the console builds markup: no untagged template holds a tag', () => {
    const src = join(import.meta.dirname, '../..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const path = join(dir, e.name);
        if (e.isDirectory()) return files(path);
        return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
      });
    // In the files that draw charts, a template literal (not tagged `html`) whose text holds an HTML
    // tag is tooltip markup built from unescaped values.
    const untagged = /(?<!\bhtml)`[^`]*<\/?(br|b|div|span|strong|p|img|a|i|em|table|tr|td)\b/;
    const charts = files(src).filter((file) => /shared\/charts\/EChart'/.test(readFileSync(file, 'utf8')));
    expect(charts.length).toBeGreaterThan(5);
    const found = charts.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          untagged.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${relative(src, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
