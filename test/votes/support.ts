import { encodeGlobalID } from '@pothos/plugin-relay';
import { issueCredential } from '../../src/auth/tokens';
import { fixtures } from '../helpers/fixtures';
import { graphql } from '../helpers/graphql';
import type { TestServer } from '../helpers/server';
import { ask } from '../notifications/support';

/*
 * What the vote tests (votes, page-and-live .test.ts beside this one) share: the mutations and the
 * world they vote in, built on the file's server (the `server` fixture of test/helpers/world.ts).
 */

export const AGREE = graphql(
  `mutation VotesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount thankCount agreedBy { edges { node { name } } } } } }`,
);
export const WITHDRAW = graphql(
  `mutation VotesWithdrawAgreement($input: WithdrawAgreementInput!) { withdrawAgreement(input: $input) { answer { agreeCount } } }`,
);
export const THANK = graphql(
  `mutation VotesThankAnswer($input: ThankAnswerInput!) { thankAnswer(input: $input) { answer { agreeCount thankCount } } }`,
);

export async function doctorWithToken(server: TestServer, name: string, verified = true) {
  const doctor = await fixtures(server.db).doctor({ name });
  if (!verified) await server.db.doctor.update({ where: { id: doctor.id }, data: { verified: false } });
  return { doctor, token: await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id }) };
}

/** An asked question (with its asker token) and one answer by `doctorId`. */
export async function answered(server: TestServer, doctorId: number) {
  const asked = await ask(server, `A question to vote on ${Math.random()}`);
  const questionId = Number(Buffer.from(asked.questionId, 'base64').toString().split(':')[1]);
  const answer = await fixtures(server.db).answer({ questionId, doctorId });
  return { ...asked, answerId: encodeGlobalID('Answer', answer.id), rowId: answer.id };
}

export const counts = (server: TestServer, rowId: number) =>
  server.db.answer.findUniqueOrThrow({ where: { id: rowId }, select: { agreeCount: true, thankCount: true } });
