import assert from 'node:assert/strict';
import { test } from 'node:test';

import { renderMarkdown } from '../../src/lib/markdown.js';

test('Markdown renders: emphasis, lists, code, safe links', () => {
  assert.equal(renderMarkdown('**bold** and _it_'), '<p><strong>bold</strong> and <em>it</em></p>\n');
  assert.match(renderMarkdown('- a\n- b'), /<ul>\n<li>a<\/li>\n<li>b<\/li>\n<\/ul>/);
  assert.match(renderMarkdown('`x < y`'), /<code>x &lt; y<\/code>/);
  const link = renderMarkdown('[plaza](https://example.org/a?b=1)');
  assert.match(link, /<a href="https:\/\/example.org\/a\?b=1" rel="noopener noreferrer nofollow ugc" target="_blank">plaza<\/a>/);
});

test("a body's headings sit below the page's: # is h3, and none is deeper than h6", () => {
  assert.equal(renderMarkdown('# Title'), '<h3>Title</h3>\n');
  assert.equal(renderMarkdown('### Part'), '<h5>Part</h5>\n');
  assert.equal(renderMarkdown('###### Small'), '<h6>Small</h6>\n');
});

test('raw HTML never reaches the page: tags are escaped text', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="position:fixed">cover</div>',
  ];
  for (const text of hostile) {
    const html = renderMarkdown(text);
    assert.doesNotMatch(html, /<(script|img|iframe|div)|href="javascript|<[^>]*onerror=/i, html);
    assert.match(html, /&lt;/, html);
  }
});

test('links with schemes that run code are not links', () => {
  for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', 'file:///etc/passwd']) {
    const html = renderMarkdown(`[click](${url})`);
    assert.doesNotMatch(html, /<a /, `${url}: ${html}`);
  }
  assert.doesNotMatch(renderMarkdown('<javascript:alert(1)>'), /<a /);
});

test('images are not loaded: no <img>, whatever the source', () => {
  const html = renderMarkdown('![tracker](https://tracker.example/pixel.png)');
  assert.doesNotMatch(html, /<img/);
});

test('a large body renders in linear time (no quadratic blow-up on nesting)', () => {
  const nested = '>'.repeat(5000) + ' deep\n' + '*'.repeat(20000) + '\n' + '['.repeat(20000);
  const started = process.hrtime.bigint();
  renderMarkdown(nested);
  assert.ok(process.hrtime.bigint() - started < 2_000_000_000n, 'rendering took over 2 s');
});
