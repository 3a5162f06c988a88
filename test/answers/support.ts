import { encodeGlobalID } from '@pothos/plugin-relay';
import { issueCredential } from '../../src/auth/tokens';
import { fixtures } from '../helpers/fixtures';
import type { TestServer } from '../helpers/server';
import { graphql } from '../helpers/graphql';
import { expectNothingWritten as nothingWritten, rowCounts as countRows } from '../helpers/writes';

/*
 * What the answer mutation tests (post*, edit, hide .test.ts beside this one) share: the file's
 * documents, their helpers, and the checks that a failed mutation wrote nothing. The file's server
 * is the world fixture's (test/helpers/world.ts): tests take it as a parameter and hand it to the
 * helpers here.
 */

export const questionGid = (id: number) => encodeGlobalID('Question', id);
export const answerGid = (id: number) => encodeGlobalID('Answer', id);

/** Rows of every table a write mutation may touch. */
export const rowCounts = (server: TestServer) => countRows(server.db);

/** Rows of the answer table, all columns: a failed mutation must leave them exactly as they were. */
export const answerRows = (server: TestServer) =>
  server.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM answer ORDER BY id`;

/** Runs `run` and checks that it changed no row count and no answer. */
export const expectNothingWritten = (server: TestServer, run: () => Promise<void>) =>
  nothingWritten(server.db, () => answerRows(server), run);

/** A fresh doctor (with a specialty) and their credential. */
export async function newDoctor(server: TestServer, name: string) {
  const specialty = await fixtures(server.db).specialty(`${name}'s specialty`);
  const doctor = await fixtures(server.db).doctor({ name, specialtyId: specialty.id, careerStartYear: 2005 });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
  return { doctor, specialty, token };
}

export async function newStaff(server: TestServer, name: string) {
  const staff = await fixtures(server.db).staffMember(name);
  const token = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
  return { staff, token };
}

export async function newAskerToken(server: TestServer) {
  const asker = await server.db.asker.create({ data: {} });
  return issueCredential(server.db, { role: 'asker', askerId: asker.id });
}

export const POST_ANSWER = graphql(`
  mutation PostAnswer($input: PostAnswerInput!) {
    postAnswer(input: $input) {
      answer {
        id
        body
        answeredAt
        lastEditedAt
        editorial
        author {
          __typename
          ... on Doctor { name specialty { name } }
          ... on StaffMember { name }
        }
        question { answerCount }
      }
    }
  }
`);

export const EDIT_ANSWER = graphql(`
  mutation EditAnswer($input: EditAnswerInput!) {
    editAnswer(input: $input) {
      answer { id body answeredAt lastEditedAt editorial author { __typename ... on Doctor { name } ... on StaffMember { name } } }
    }
  }
`);

export const HIDE_ANSWER = graphql(`
  mutation HideAnswer($input: HideAnswerInput!) {
    hideAnswer(input: $input) { answerId hiddenAt }
  }
`);

export const QUESTION_ANSWERS = graphql(`
  query QuestionAnswers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    question(id: $id) {
      answerCount
      lastAnsweredAt
      answers(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage }
        edges { cursor node { id body lastEditedAt } }
      }
    }
  }
`);

export const DOCTOR_ANSWERS = graphql(`
  query DoctorAnswers($id: ID!) {
    doctor(id: $id) {
      answerCount
      answers(first: 100) { totalCount edges { cursor node { id body } } }
    }
  }
`);

export const postAnswer = (server: TestServer, questionId: string, body: string, headers: Record<string, string>) =>
  server.request(POST_ANSWER, { input: { questionId, body } }, headers);

/** A question with two older answers by another doctor, so that a new answer has something to come before. */
export async function questionWithAnswers(server: TestServer, title: string) {
  const other = await fixtures(server.db).doctor({ name: `Dr. Other of ${title}` });
  const question = await fixtures(server.db).question({ title });
  const older = await fixtures(server.db).answer({
    questionId: question.id,
    doctorId: other.id,
    body: 'The oldest answer.',
    answeredAt: new Date('2024-01-01T00:00:00.000Z'),
  });
  const old = await fixtures(server.db).answer({
    questionId: question.id,
    doctorId: other.id,
    body: 'An older answer.',
    answeredAt: new Date('2024-06-01T00:00:00.000Z'),
  });
  return { question, older, old, other };
}
