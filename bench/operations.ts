/** The two pages, as the client operations of src/client/operations send them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './config';

const operation = (file: string) => readFileSync(join(root, 'src/client/operations', file), 'utf8');

export const QUESTION_PAGE = operation('question-page.graphql');
export const QUESTION_LIST = operation('question-list.graphql');

export interface GraphQLRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface PageRequest extends GraphQLRequest {
  operationName: 'QuestionPage' | 'QuestionList';
}

/** The README's question page: question, 20 answers with authors, topics, 5 blogs. */
export const questionPage = (slug: string, answers = 20): PageRequest => ({
  operationName: 'QuestionPage',
  query: QUESTION_PAGE,
  variables: answers === 20 ? { slug } : { slug, answers },
});

/** The list page: questions of a topic, most recently answered first. */
export const questionList = (topic: string, first = 20): PageRequest => ({
  operationName: 'QuestionList',
  query: QUESTION_LIST,
  variables: { filter: { topic }, orderBy: 'RECENTLY_ANSWERED', first },
});

export async function post(
  url: string,
  request: GraphQLRequest,
): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/**
 * Fails unless the floor answers every request exactly as the API does (same bytes), and with
 * data (no errors): otherwise the two would not be doing the same work.
 */
export async function checkSameResponses(apiUrl: string, floorUrl: string, requests: PageRequest[]): Promise<void> {
  for (const request of requests) {
    const [api, floor] = await Promise.all([post(apiUrl, request), post(floorUrl, request)]);
    const what = `${request.operationName} ${JSON.stringify(request.variables)}`;
    if (api.status !== 200 || api.body.includes('"errors"'))
      throw new Error(`API failed on ${what}: ${api.status} ${api.body}`);
    if (api.body !== floor.body) {
      let at = 0;
      while (api.body[at] === floor.body[at]) at++;
      throw new Error(
        `the floor's response differs from the API's on ${what} at character ${at}:\n` +
          `  API:   …${api.body.slice(Math.max(0, at - 80), at + 80)}\n  floor: …${floor.body.slice(Math.max(0, at - 80), at + 80)}`,
      );
    }
  }
}
