import { issueCredential } from '../../src/auth/tokens';
import { bearer } from '../helpers/http';
import type { TestServer } from '../helpers/server';
import { expectData, graphql } from '../helpers/graphql';

/** Operations the notification tests share. */
export const ASK = graphql(
  `mutation NotificationsSupportAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id title } } }`,
);
export const POST = graphql(
  `mutation NotificationsSupportPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
);
export const MARK = graphql(
  `mutation NotificationsSupportMarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }`,
);
export const NOTIFICATIONS = graphql(
  `query NotificationsSupportViewer { viewer { role notifications(first: 50) { unreadCount totalCount edges { cursor node { kind read question { title } answer { body } } } } } }`,
);
export const NOTIFICATION_ADDED = graphql(`subscription NotificationsSupportNotificationAdded($after: String) {
  notificationAdded(after: $after) { cursor node { kind question { title } answer { body } } }
}`);

export async function ask(
  server: TestServer,
  title: string,
  askerToken?: string,
): Promise<{ askerToken: string; questionId: string }> {
  const data = expectData(
    await server.request(ASK, {
      input: { title, body: `${title} (body)`, ...(askerToken ? { askerToken } : {}) },
    }),
  );
  return { askerToken: data.askQuestion.askerToken, questionId: data.askQuestion.question.id };
}

export async function post(server: TestServer, token: string, questionId: string, body: string): Promise<string> {
  const data = expectData(await server.request(POST, { input: { questionId, body } }, bearer(token)));
  return data.postAnswer.answer.id;
}

export async function doctorToken(server: TestServer, slug: string): Promise<string> {
  const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug } });
  return issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
}

export async function staffToken(server: TestServer): Promise<string> {
  const staff = await server.db.staffMember.findFirstOrThrow();
  return issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
}
