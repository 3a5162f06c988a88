import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { fixtures } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/server';
import { graphql } from '../helpers/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(() => server?.stop());

it('answers by one doctor to many questions at once all commit, with exact counters', async () => {
  const make = fixtures(server.db);
  const doctor = await make.doctor({ name: 'Dr. Busy' });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
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
      { authorization: `Bearer ${token}` },
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
