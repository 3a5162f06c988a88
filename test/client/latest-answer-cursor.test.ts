import { formatPrismaCursor } from '@pothos/plugin-prisma';
import { expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { AnswerAddedDocument, QuestionPageDocument } from '../../src/client/generated/graphql';
import { bearer } from '../helpers/http';
import { subscribe, wsClient } from '../helpers/live';
import { expectData, graphql } from '../helpers/graphql';
import { it, test } from '../helpers/world';
import type { TestServer } from '../helpers/server';

// Question.latestAnswerCursor: kept by the answer trigger, read with the page in one statement.

let doctorToken: string;
let staffToken: string;
test.beforeAll(async ({ server }) => {
  const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
  const staff = await server.db.staffMember.findFirstOrThrow();
  doctorToken = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
  staffToken = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
});

const cursorOf = (id: number) => formatPrismaCursor({ id }, 'id');
const page = async (server: TestServer, slug: string) =>
  (await server.request(QuestionPageDocument, { slug })).data!.question!;

it('is read in the same SQL statement as the answers the page shows', async ({ server }) => {
  const { count, statements } = await server.countStatements(() =>
    page(server, 'is-scalp-micropigmentation-permanent'),
  );
  expect(count).toBe(1);
  expect(statements[0]).toContain('last_answer_id');
  expect(statements[0]).toContain('"answer"');
  const newest = await server.db.answer.findFirstOrThrow({
    where: { question: { slug: 'is-scalp-micropigmentation-permanent' } },
    orderBy: { id: 'desc' },
  });
  expect((await page(server, 'is-scalp-micropigmentation-permanent')).latestAnswerCursor).toBe(cursorOf(newest.id));
});

it('follows posts and hides, and before any answer resumes from the first one', async ({ server }) => {
  const asked = await server.request(
    graphql(
      `mutation LatestAnswerCursorAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }`,
    ),
    {
      input: { title: 'Where does an empty page resume?', body: 'A question without answers yet.' },
    },
  );
  const { id: questionId, slug } = asked.data!.askQuestion.question as { id: string; slug: string };
  const empty = await page(server, slug);
  expect(empty.latestAnswerCursor).toBe(cursorOf(0));

  const post = async (body: string) => {
    const response = await server.request(
      graphql(
        `mutation LatestAnswerCursorPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
      ),
      { input: { questionId, body } },
      bearer(doctorToken),
    );
    return response.data!.postAnswer.answer.id as string;
  };
  await post('First.');
  const second = await post('Second.');
  const shown = await page(server, slug);
  expect(shown.latestAnswerCursor).toBe(shown.answers.edges[0]!.cursor);

  // Hiding the newest answer moves the cursor back to the newest visible one.
  expectData(
    await server.request(
      graphql(`mutation LatestAnswerCursorHideAnswer($id: ID!) { hideAnswer(input: { answerId: $id }) { answerId } }`),
      { id: second },
      bearer(staffToken),
    ),
  );
  const afterHide = await page(server, slug);
  expect(afterHide.answers.edges.map((edge) => edge.node.body)).toEqual(['First.']);
  expect(afterHide.latestAnswerCursor).toBe(afterHide.answers.edges[0]!.cursor);

  // The empty page's cursor gets every visible answer since, oldest first.
  const client = wsClient(server.url);
  try {
    const live = subscribe(client, AnswerAddedDocument, { questionId, after: empty.latestAnswerCursor });
    expect((await live.waitFor(1)).map((event) => event.answerAdded.node.body)).toEqual(['First.']);
    await post('Third.');
    expect((await live.waitFor(2)).map((event) => event.answerAdded.node.body)).toEqual(['First.', 'Third.']);
    expect(live.errors).toEqual([]);
  } finally {
    await client.dispose();
  }
});
