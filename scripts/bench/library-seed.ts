/**
 * A large, reproducible annotation library for the library benchmark: `articles` articles with `perArticle`
 * highlights each, quotes taken from the seed article's text, some with notes in Chinese and English, some tagged,
 * made over the past year. Records have the stored shape, ready for a bulk put into the extension's database.
 */
import { readFileSync } from 'node:fs';
import { describeSpan } from '../../lib/core/anchoring/describe';
import { HIGHLIGHT_COLORS, type Annotation, type ArticleRecord } from '../../lib/core/model/annotation';
import { createPrng } from './prng';

const SEED_TEXT = new URL('../../tests/fixtures/netease/seed-article.txt', import.meta.url);
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SOURCES = ['网易科技', '网易财经', '新京报', '澎湃新闻', '36氪', '虎嗅'];
const TAGS = ['AI', '马斯克', 'reading', '经济', 'to-check', '科技', 'quote', '管理'];
const NOTES = [
  'first principles: 从物理极限出发',
  '值得再读一遍',
  'Compare with the Tesla interview',
  '这里的数据需要核实 (check the source)',
  'great point about speed of execution',
];
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The seeded records: articles first annotated at distinct times, annotations spread through each article. */
export function libraryRecords(articles: number, perArticle: number, now = Date.UTC(2026, 0, 20)) {
  const text = readFileSync(SEED_TEXT, 'utf8');
  const random = createPrng(2026);
  const pick = <T>(list: readonly T[]): T => list[random.int(0, list.length - 1)];
  const uuid = (): string => {
    const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[random.int(0, 3)];
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const articleRecords: ArticleRecord[] = [];
  const annotations: Annotation[] = [];
  for (let a = 0; a < articles; a++) {
    const id = Array.from({ length: 16 }, () => pick([...ID_CHARS])).join('');
    const firstAt = now - YEAR_MS + Math.floor((a / articles) * YEAR_MS);
    for (let i = 0; i < perArticle; i++) {
      const start = random.int(0, text.length - 80);
      const target = describeSpan(text, start, start + random.int(6, 70));
      if (!target) continue;
      const createdAt = firstAt + i * 60_000;
      annotations.push({
        id: uuid(),
        articleId: id,
        color: pick(HIGHLIGHT_COLORS),
        note: random.next() < 0.3 ? pick(NOTES) : '',
        tags: random.next() < 0.4 ? [...new Set([pick(TAGS), pick(TAGS)])] : [],
        target,
        createdAt,
        updatedAt: createdAt,
        deletedAt: null,
      });
    }
    articleRecords.push({
      id,
      title: `${text
        .slice(random.int(0, text.length - 40))
        .slice(0, 24)
        .replace(/\s+/g, '')} 第${a + 1}篇`,
      source: pick(SOURCES),
      publishedAt: new Date(firstAt - 86_400_000).toISOString(),
      url: `https://www.163.com/dy/article/${id}.html`,
      updatedAt: firstAt + perArticle * 60_000,
    });
  }
  return { articles: articleRecords, annotations };
}
