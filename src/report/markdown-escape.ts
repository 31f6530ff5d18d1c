/**
 * Text from a design or a history (program, tier, reward, segment names) placed in a
 * GitHub-flavoured Markdown table cell: it must neither break the table (`|`, newlines)
 * nor inject markup into a pull-request comment (HTML tags, code spans).
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/\r\n|\r|\n/g, ' ');
}
