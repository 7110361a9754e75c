export { renderHtml, type HtmlOptions } from './render.js';
export { escapeHtml } from './markup.js';
