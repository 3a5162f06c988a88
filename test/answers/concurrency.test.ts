import { expect } from 'vitest';
import { fixtures } from '../helpers/fixtures';
import { it } from '../helpers/world';
import { graphql } from '../helpers/graphql';

it('answers by one doctor to many questions at once all commit, with exact counters', async ({ server, doctor }) => {
  const make = fixtures(server.db);
  const questions = await Promise.all(
    Array.from({ length: 8 }, (_, i) => make.question({ title: `Concurrent question ${i}` })),
  );
  const posts = Array.from({ length: 40 }, (_, i) =>
    server.request(
      graphql(
        `mutation ConcurrencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
      ),
      {
        input: { questionId: Buffer.from(`Question:${questions[i % 8]!.id}`).toString('base64'), body: `Answer ${i}` },
      },
      doctor.headers,
    ),
  );
  const results = await Promise.all(posts);
  expect(results.filter((r) => r.errors)).toEqual([]);
  expect(await server.db.doctor.findUniqueOrThrow({ where: { id: doctor.id }, select: { answerCount: true } })).toEqual(
    { answerCount: 40 },
  );
  const counts = await server.db.question.findMany({
    where: { id: { in: questions.map((q) => q.id) } },
    select: { answerCount: true },
  });
  expect(counts.map((c) => c.answerCount)).toEqual(Array(8).fill(5));
});
