/**
 * The small amount of HTML real Q&A files wrap around questions and answers (`<details>`,
 * `<summary>`, `<b>`, `<br>`, `<p>`, `<code>`, `<pre>`), turned into Markdown. The result is rendered
 * through the same sanitizing renderer as every answer, so nothing here needs to be a full parser.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m
    }
    return ENTITIES[name.toLowerCase()] ?? m
  })
}

/** HTML fragment → Markdown: line breaks, paragraphs, bold, italics, code and pre; other tags dropped. */
export function htmlToMarkdown(html: string): string {
  const out = html
    .replace(
      /<pre[^>]*>\s*(?:<code[^>]*>)?([\s\S]*?)(?:<\/code>)?\s*<\/pre>/gi,
      (_m, code: string) => `\n\n\`\`\`\n${decodeEntities(code.replace(/<[^>]+>/g, ''))}\n\`\`\`\n\n`
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?p[^>]*>/gi, '\n\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/?(?:ul|ol|li|div)[^>]*>/gi, '\n')
    .replace(/<\/?(?:b|strong)>/gi, '**')
    .replace(/<\/?(?:i|em)>/gi, '_')
    .replace(/<\/?code[^>]*>/gi, '`')
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => `[${text}](${href})`)
    .replace(/<[^>]+>/g, '')
  return tidy(decodeEntities(out).replace(/\*\*\s*\*\*/g, ''))
}

/** Text of a `<summary>` (or any inline HTML): tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<\/?code[^>]*>/gi, '`')
      .replace(/<\/?(?:br|p|div|li|ul|ol|summary|details)\b[^>]*>/gi, ' ')
      .replace(/<[^>]+>/g, '')
  )
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Trims blank lines at both ends, collapses runs of blank lines, drops stray emphasis markers. */
export function tidy(markdown: string): string {
  if (!/\s$|^\s|\n\n\n|\*\*\s*$|^\s*\*\*|[ \t]\n/.test(markdown)) return markdown
  return markdown
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^(?:\s*\*\*\s*)?\n+/, '')
    .replace(/\n+(?:\s*\*\*\s*)?$/, '')
    .trim()
}
