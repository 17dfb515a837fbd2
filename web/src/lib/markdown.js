// Post bodies are Markdown, rendered without raw HTML: markdown-it escapes every tag, and links
// are kept only for schemes that cannot run code; headings start at h3. Images are not loaded (a remote image would
// tell its host who read the post): they show as links.
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:|\/ipfs\/|#)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url) => SAFE_LINK.test(url.trim());
md.disable('image');

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, options, env, self) => self.renderToken(tokens, i, options));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i].attrSet('rel', 'noopener noreferrer nofollow ugc');
  tokens[i].attrSet('target', '_blank');
  return defaultLinkOpen(tokens, i, options, env, self);
};

// A body's headings sit below the page's own (h1) and the post's place in it: `#` becomes h3.
const shift = (tokens, i, options, env, self) => {
  const level = Math.min(Number(tokens[i].tag.slice(1)) + 2, 6);
  tokens[i].tag = `h${level}`;
  return self.renderToken(tokens, i, options);
};
md.renderer.rules.heading_open = shift;
md.renderer.rules.heading_close = shift;

/**
 * The HTML of a Markdown body, safe to put in the page.
 * @param {string} text
 * @returns {string}
 */
export function renderMarkdown(text) {
  return md.render(String(text));
}
