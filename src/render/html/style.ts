/**
 * The page's only style sheet, inlined so the page is self-contained: readable on screen,
 * printable on A4 without cut tables, and clear in black and white (priority and status are
 * in words, colour only repeats them).
 */
export const pageStyle = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.6em; margin: 0 0 .3em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid #999; padding-bottom: .2em; }
h3 { font-size: 1em; margin: 0 0 .3em; }
.meta { margin: 0; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #ccc; }
th { font-weight: 600; border-bottom: 2px solid #666; }
tr { break-inside: avoid; }
.care-paths { list-style: none; padding: 0; margin: 0; }
.care-path { border-left: 4px solid #777; padding: .4em .8em; margin: 0 0 .8em; break-inside: avoid; }
.care-path.priority-urgent { border-left-color: #b00020; }
.care-path.priority-high { border-left-color: #c77800; }
.care-path.priority-normal { border-left-color: #1f5fa8; }
.priority { font-weight: 700; text-transform: uppercase; font-size: .85em; margin-right: .4em; }
.actions, .follow-ups { margin: .3em 0 0; padding-left: 1.2em; }
.status-positive td.status { font-weight: 700; }
.indicator-reason { color: #333; font-size: .95em; }
.empty { font-style: italic; color: #444; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
`;
