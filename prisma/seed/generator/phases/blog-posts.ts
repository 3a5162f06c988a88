import { Random } from '../random';
import { BLOG_SUMMARIES, BLOG_TITLES, pickSubject } from '../vocabulary/templates';
import { pickTopics, TOPICS_BY_POPULARITY } from '../vocabulary/topics';
import { kebab, titleCase } from '../vocabulary/words';
import { insert } from '../writer';
import { DAY_MS, iso, type PhaseContext, type Reference } from './context';

/** Blog posts (1–3 topics each), published over the last four years. */
export async function writeBlogPosts(ctx: PhaseContext, reference: Reference, count: number): Promise<void> {
  const { writer, seed, now } = ctx;
  const r = new Random(seed, 2);
  const postIds = await writer.reserveIds('blog_post', count);
  await writer.writeBatches('blog posts', count, (start, n) => {
    const ids = postIds.subarray(start, start + n);
    const slugs: string[] = [];
    const titles: string[] = [];
    const summaries: string[] = [];
    const urls: string[] = [];
    const published: string[] = [];
    const linkPost: number[] = [];
    const linkTopic: number[] = [];
    for (const id of ids) {
      const primary = r.pickSkewed(TOPICS_BY_POPULARITY, 1.3);
      const subject = pickSubject(r, primary);
      const title = titleCase(r.pick(BLOG_TITLES)(subject, r));
      const slug = `${kebab(title)}-${id}`;
      slugs.push(slug);
      titles.push(title);
      summaries.push(r.pick(BLOG_SUMMARIES)(subject, r));
      urls.push(`https://www.clinicspots.com/blog/${slug}`);
      published.push(iso(now - DAY_MS - r.next() * 4 * 365 * DAY_MS));
      for (const t of pickTopics(r, primary)) {
        linkPost.push(id);
        linkTopic.push(reference.topicIds[t] as number);
      }
    }
    return {
      rows: n,
      statements: [
        insert(
          'blog_post',
          'id, slug, title, summary, url, published_at',
          'int, text, text, text, text, timestamptz',
          [Array.from(ids), slugs, titles, summaries, urls, published],
          n,
        ),
        insert('"_blog_post_topic"', '"A", "B"', 'int, int', [linkPost, linkTopic], linkPost.length),
      ],
    };
  });
}
