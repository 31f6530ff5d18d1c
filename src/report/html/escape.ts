/**
 * Escaping for the HTML reports. Every piece of text that comes from a design or a
 * partners file (partner names, labels, ids) goes through `escapeHtml` before it lands
 * in markup, in element content and in attribute values alike, so a partner called
 * `<script>alert(1)</script> & "Co"` is shown as those characters and never run.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
