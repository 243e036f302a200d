/** Find dangerous markup in HTML output: what the sanitizer promises never to let through. */
import { load } from 'cheerio';
import type { Element } from 'domhandler';

const FORBIDDEN_TAGS = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'math', 'link', 'meta', 'base', 'noscript', 'template'];
const URL_ATTRS = ['href', 'src', 'srcset', 'cite', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href'];
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);base64,/i;

/** Every dangerous construct in `html`, described; an empty list means it is safe. */
export function dangerousMarkup(html: string): string[] {
  const found: string[] = [];
  const $ = load(html, null, false);
  $('*').each((_, node) => {
    const el = node as Element;
    const tag = el.name.toLowerCase();
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`<${tag}> element`);
    for (const [name, value] of Object.entries(el.attribs) as [string, string][]) {
      const n = name.toLowerCase();
      if (n.startsWith('on')) found.push(`${n} attribute on <${tag}>`);
      if (n === 'style') found.push(`style attribute on <${tag}>`);
      if (URL_ATTRS.includes(n)) {
        // Browsers ignore whitespace and control characters inside a scheme.
        for (const part of n === 'srcset' ? value.split(',') : [value]) {
          const v = part.trim().replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(?:javascript|vbscript|livescript|mocha):/.test(v)) found.push(`${n}="${value}" on <${tag}>`);
          if (v.startsWith('data:') && !(tag === 'img' && n === 'src' && SAFE_DATA_IMAGE.test(v))) found.push(`data: URL in ${n} on <${tag}>`);
        }
      }
    }
    if (tag === 'a' && el.attribs.rel !== 'noopener noreferrer') found.push(`<a> without rel="noopener noreferrer"`);
  });
  return found;
}
