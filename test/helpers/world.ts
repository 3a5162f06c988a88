import { expectData, graphql } from './graphql';
import type { TestServer } from './server';

const QUESTION_ID = graphql(`query WorldQuestionId($slug: String!) { question(slug: $slug) { id } }`);

/** The global ID of the question with this slug, looked up through the API (fails if there is none). */
export async function questionIdOf(server: Pick<TestServer, 'request'>, slug: string): Promise<string> {
  const { question } = expectData(await server.request(QUESTION_ID, { slug }));
  if (!question) throw new Error(`no question ${slug}`);
  return question.id;
}
