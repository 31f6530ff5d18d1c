/**
 * Text in the HTML reports, in element content and attribute values alike: controls and
 * bidi marks made visible (a U+202E in a partner name would otherwise reverse what
 * follows it on the page), then the five markup characters as entities, so a partner
 * called `<script>alert(1)</script> & "Co"` is shown as those characters and never run.
 */
import { makeVisible } from './visible.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function htmlText(text: string): string {
  return makeVisible(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
