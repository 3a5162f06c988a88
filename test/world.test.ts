import { expect } from 'vitest';
import { expectData, graphql } from './helpers/graphql';
import { it } from './helpers/world';

// The world fixtures of test/helpers/world.ts build what they say, through the API.
const QUESTION = graphql(
  `query WorldCheck($id: ID!) { node(id: $id) { ... on Question { title answerCount answers { edges { node { id body author { ... on Doctor { name } } } } } } } }`,
);

it('builds a question answered by a doctor, through the API', async ({ server, doctor, question, answer }) => {
  const { node } = expectData(await server.request(QUESTION, { id: question.id }));
  expect(node).toEqual({
    title: question.title,
    answerCount: 1,
    answers: { edges: [{ node: { id: answer.id, body: answer.body, author: { name: doctor.name } } }] },
  });
  expect(question.askerToken).toMatch(/^mqa_/);
});
