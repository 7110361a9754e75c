/**
 * A piece of HTML that is already markup. Plain strings passed to `element` are escaped once
 * when they become markup, and markup is never escaped again, so no text can be escaped twice
 * or left unescaped.
 */
export class Markup {
  constructor(readonly html: string) {}
}

export type Content = string | Markup | readonly Content[];

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five characters that are special in HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

/** Turns content into markup: strings are escaped, markup is kept as it is. */
export function toMarkup(content: Content): Markup {
  if (content instanceof Markup) return content;
  if (typeof content === 'string') return new Markup(escapeHtml(content));
  return new Markup(content.map((part) => toMarkup(part).html).join(''));
}

/** Builds one element. Attribute names are fixed identifiers from the renderer, and values are escaped. */
export function element(tag: string, attributes: Record<string, string> = {}, ...children: Content[]): Markup {
  const attributeText = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return new Markup(`<${tag}${attributeText}>${toMarkup(children).html}</${tag}>`);
}
