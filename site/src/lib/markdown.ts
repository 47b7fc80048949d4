/**
 * Markdown from the CMS → safe HTML. Editors write the text, but an account can be compromised
 * and text pasted from elsewhere, so nothing executable may survive: marked renders, then
 * sanitize-html keeps only an explicit allow-list of tags, attributes and URL schemes.
 */
import { Marked, type Token, type Tokens, type TokensList } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/** Links whose target would run code or embed a document lose the link and keep their text. */
function isSafeHref(href: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  if (!scheme) return !compact.startsWith('//');
  return SAFE_SCHEMES.includes(scheme.toLowerCase());
}

marked.use({
  renderer: {
    link(this: { parser: { parseInline(tokens: Token[]): string } }, token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!isSafeHref(token.href)) return text;
      const title = token.title ? ` title="${escapeAttribute(token.title)}"` : '';
      return `<a href="${escapeAttribute(token.href)}"${title}>${text}</a>`;
    },
    // An image would load a third-party URL on every view and needs alt text we cannot vouch for:
    // show its description as text instead.
    image(token: Tokens.Image) {
      return escapeText(token.text);
    },
  },
});

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'strong', 'em', 'b', 'i', 'del', 's', 'sub', 'sup', 'abbr', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a',
    'h2', 'h3', 'h4', 'h5', 'h6',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    abbr: ['title'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: SAFE_SCHEMES,
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'xlink:href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // These elements are dropped together with their content, not just unwrapped: the text of a
  // script or an SVG's inner markup means nothing to a reader.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'select', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'frameset', 'title'],
};

export interface MarkdownOptions {
  /** The level the document's top headings become, so they sit under the page's own headings. */
  headingLevel?: number;
}

/**
 * Tokens that marked renders as allow-listed tags, without attributes, around text it escapes
 * itself. Raw HTML, links, images, code blocks, tables, task lists, <br> and <hr> are not among
 * them.
 */
const PLAIN_TOKENS = new Set(['space', 'paragraph', 'text', 'escape', 'heading', 'list', 'list_item', 'strong', 'em', 'codespan', 'del', 'blockquote']);
/** Characters whose escaping marked and sanitize-html write differently ("&#39;" against "'"). */
const DIFFERENTLY_ESCAPED = /[&'"]/;

// A lesson page asks for its body as text (the description) and then as HTML: lexed once.
let lastLexed: { markdown: string; tokens: TokensList } | null = null;

/**
 * Renders markdown to sanitized HTML. A text made only of plain tokens is already what the
 * sanitizer would return, byte for byte (tests/site/markdown.test.ts checks it), so it skips the
 * sanitizer: two thirds of the cost, on most of the texts of a national bank.
 */
export function renderMarkdown(markdown: string | null | undefined, { headingLevel = 3 }: MarkdownOptions = {}): string {
  if (!markdown || !markdown.trim()) return '';
  const tokens = lastLexed?.markdown === markdown ? lastLexed.tokens : marked.lexer(markdown);
  lastLexed = null;
  // Shift headings so the shallowest becomes `headingLevel`: a "# Title" in a lesson body would
  // otherwise be a second h1 and break the page's heading outline.
  let shallowest = 7;
  let plain = headingLevel >= 2 && !DIFFERENTLY_ESCAPED.test(markdown);
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading') shallowest = Math.min(shallowest, (token as Tokens.Heading).depth);
    if (!PLAIN_TOKENS.has(token.type) || (token as Tokens.ListItem).task) plain = false;
  });
  if (shallowest < 7) {
    marked.walkTokens(tokens, (token) => {
      if (token.type === 'heading') {
        const heading = token as Tokens.Heading;
        heading.depth = Math.min(6, heading.depth - shallowest + headingLevel);
      }
    });
  }
  const html = marked.parser(tokens) as string;
  return plain ? html : sanitizeRendered(html);
}

/** Keeps only the allow-list of SANITIZE. */
export function sanitizeRendered(html: string): string {
  return (
    sanitizeHtml(html, SANITIZE)
      // An <a> whose href the sanitizer removed is no longer a link: keep only its text.
      .replace(/<a>([\s\S]*?)<\/a>/g, '$1')
      // Dropped elements (an <svg>, an <iframe>) can leave empty paragraphs behind.
      .replace(/<p>\s*<\/p>\n?/g, '')
  );
}

// Elements whose content is code or markup, not text: dropped whole when markdown becomes text.
const NON_TEXT = new RegExp(`<(${SANITIZE.nonTextTags!.join('|')})\\b[\\s\\S]*?(?:<\\/\\1\\s*>|$)`, 'gi');
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

// Pages, the search index and the feed ask for the same texts; at 60,000 entries the repeats cost seconds.
const plainTexts = new Map<string, string>();

/**
 * Markdown reduced to plain text, for search documents and meta descriptions. Tags are simply
 * removed, not sanitised: the result is only ever used as text, escaped wherever it is output.
 */
export function markdownToText(markdown: string | null | undefined): string {
  if (!markdown) return '';
  let text = plainTexts.get(markdown);
  if (text === undefined) {
    const tokens = marked.lexer(markdown);
    lastLexed = { markdown, tokens };
    text = (marked.parser(tokens) as string)
      .replace(NON_TEXT, '')
      .replace(/<[^>]*>/g, '')
      .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity])
      .replace(/\s+/g, ' ')
      .trim();
    if (plainTexts.size >= 100_000) plainTexts.clear();
    plainTexts.set(markdown, text);
  }
  return text;
}
