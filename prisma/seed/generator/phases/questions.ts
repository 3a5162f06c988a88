import { Random } from '../random';
import { pickSubject, questionText } from '../vocabulary/templates';
import { pickTopics, TOPICS_BY_POPULARITY } from '../vocabulary/topics';
import { kebab } from '../vocabulary/words';
import { insert } from '../writer';
import { iso, type PhaseContext, type Reference } from './context';
import type { Plan } from './plan';

/** The questions written, for the answers phase: ids and what each one is about. */
export interface WrittenQuestions {
  ids: Int32Array;
  /** The seed of each question's Subject: its answers talk about the same thing. */
  subjectSeeds: Uint32Array;
  primaryTopic: Uint16Array;
}

/** Questions (1–3 topics each). */
export async function writeQuestions(
  ctx: PhaseContext,
  reference: Reference,
  plan: Plan,
  askerIds: Int32Array,
): Promise<WrittenQuestions> {
  const { writer, seed } = ctx;
  const count = plan.askedAt.length;
  const written: WrittenQuestions = {
    ids: await writer.reserveIds('question', count),
    subjectSeeds: new Uint32Array(count),
    primaryTopic: new Uint16Array(count),
  };
  const r = new Random(seed, 4);
  await writer.writeBatches('questions', count, (start, n) => {
    const ids = written.ids.subarray(start, start + n);
    const slugs: string[] = [];
    const titles: string[] = [];
    const bodies: string[] = [];
    const times: string[] = [];
    const askers: number[] = [];
    const linkQuestion: number[] = [];
    const linkTopic: number[] = [];
    ids.forEach((id, k) => {
      const i = start + k;
      const primary = r.pickSkewed(TOPICS_BY_POPULARITY, 1.3);
      const subjectSeed = r.uint32();
      const { title, body } = questionText(r, pickSubject(new Random(seed, subjectSeed), primary));
      written.primaryTopic[i] = primary;
      written.subjectSeeds[i] = subjectSeed;
      slugs.push(`${kebab(title)}-${id}`);
      titles.push(title);
      bodies.push(body);
      times.push(iso(plan.askedAt[i] as number));
      askers.push(askerIds[plan.askerOf[i] as number] as number);
      for (const t of pickTopics(r, primary)) {
        linkQuestion.push(id);
        linkTopic.push(reference.topicIds[t] as number);
      }
    });
    return {
      rows: n,
      statements: [
        insert(
          'question',
          'id, slug, title, body, asked_at, asker_id',
          'int, text, text, text, timestamptz, int',
          [Array.from(ids), slugs, titles, bodies, times, askers],
          n,
        ),
        insert('"_question_topic"', '"A", "B"', 'int, int', [linkQuestion, linkTopic], linkQuestion.length),
      ],
    };
  });
  return written;
}
