/**
 * Markdown export, written to paste into Obsidian or Logseq (plain CommonMark plus their conventions): one `##`
 * section per article with its source, publish date and URL, then each highlight as a blockquote followed by its
 * Obsidian block id, note, translation, tags and colour.
 *
 * The block id is the annotation's UUID (`^<uuid>` on its own line after the quote, which Obsidian attaches to the
 * quote), so `[[file#^<uuid>]]` links to a highlight and a later export can be matched to an earlier one by id.
 */
import {
  articleTitle,
  articleUrl,
  groupByArticle,
  type ArticleGroup,
  type ExportAnnotation,
  type ExportData,
} from './export-data';
import { blockquote, escapeMarkdownLine, escapeMarkdownLines } from './markdown-escape';

/** Characters an Obsidian tag may hold (letters, digits, marks, `_`, `-`, `/`); runs of anything else become `-`. */
const NON_TAG_CHARS = /[^\p{L}\p{N}\p{M}_/-]+/gu;

/**
 * A tag as `#tag` when it can be one in Obsidian and Logseq (spaces and punctuation turned into `-`; it must keep a
 * non-digit), otherwise as escaped text so nothing is lost.
 */
function tagText(tag: string): string {
  const token = tag.replace(NON_TAG_CHARS, '-').replace(/^-+|-+$/g, '');
  return /[^\d_/-]/.test(token) ? `#${token}` : escapeMarkdownLine(tag);
}

/** An absolute URL as a Markdown autolink; characters that would end the autolink are percent-encoded. */
const autolink = (url: string): string => `<${url.replace(/[\s<>]/g, encodeURIComponent)}>`;

/** The section heading and the article's metadata list. */
function articleHeader(group: ArticleGroup): string {
  const lines = [`## ${escapeMarkdownLine(articleTitle(group).replace(/\s+/g, ' '))}`, ''];
  const { article } = group;
  if (article?.source) lines.push(`- Source: ${escapeMarkdownLine(article.source)}`);
  if (article?.publishedAt) lines.push(`- Published: ${article.publishedAt.slice(0, 10)}`);
  lines.push(`- URL: ${autolink(articleUrl(group))}`);
  return lines.join('\n');
}

/**
 * One highlight: the quote, its block id, then note, translation and the tags-and-colour line, as paragraphs. An
 * annotation without a quote (a page note, or a target that came without one) has no blockquote: its note comes first
 * and the block id names it.
 */
function annotationBlock(annotation: ExportAnnotation): string {
  const quote = annotation.target.selector[0].exact;
  const paragraphs = quote ? [blockquote(quote), `^${annotation.id}`] : [];
  const note = annotation.note.trim();
  if (note) paragraphs.push(`**Note:** ${escapeMarkdownLines(note).join('\n')}`);
  if (!quote) paragraphs.push(`^${annotation.id}`);
  const { translation } = annotation;
  if (translation) {
    const provider = escapeMarkdownLine(translation.provider);
    paragraphs.push(`**Translation** (${provider}): ${escapeMarkdownLines(translation.text).join('\n')}`);
  }
  const tags = annotation.tags.length ? `Tags: ${annotation.tags.map(tagText).join(' ')} · ` : '';
  paragraphs.push(`${tags}Colour: ${annotation.color}`);
  return paragraphs.join('\n\n');
}

/** The Markdown file for `data`: live annotations, articles in first-annotated order, highlights in reading order. */
export function toMarkdown(data: ExportData): string {
  const sections = groupByArticle(data).map((group) =>
    [articleHeader(group), ...group.annotations.map(annotationBlock)].join('\n\n'),
  );
  return sections.length ? `${sections.join('\n\n')}\n` : '';
}
