import { describe, expect } from 'vitest';
import { bearer, errorsOf } from '../helpers/http';
import { ask, doctorToken, MARK, NOTIFICATIONS, post, staffToken } from './support';
import { graphql } from '../helpers/graphql';
import { it, test } from '../helpers/world';

let doctor: string;
let staff: string;
test.beforeAll(async ({ server }) => {
  doctor = await doctorToken(server, 'harish-kumar-kabilan');
  staff = await staffToken(server);
});

const QUESTIONS = graphql(
  `query InboxViewer { viewer { role questions { totalCount edges { unseenAnswerCount node { title } } } } }`,
);

describe('an asker who comes back', () => {
  it('holds several questions under one token, with the answers not seen yet', async ({ server }) => {
    const first = await ask(server, 'First question of one asker');
    const second = await ask(server, 'Second question of one asker', first.askerToken);
    expect(second.askerToken).toBe(first.askerToken);
    await post(server, doctor, first.questionId, 'Answer one to the first.');
    await post(server, doctor, first.questionId, 'Answer two to the first.');
    await post(server, doctor, second.questionId, 'Answer to the second.');

    expect(await server.request(QUESTIONS, {}, bearer(first.askerToken))).toEqual({
      data: {
        viewer: {
          role: 'ASKER',
          questions: {
            totalCount: 2,
            edges: [
              { unseenAnswerCount: 1, node: { title: 'Second question of one asker' } },
              { unseenAnswerCount: 2, node: { title: 'First question of one asker' } },
            ],
          },
        },
      },
    });
  });

  it('tells each caller who they are', async ({ server }) => {
    const role = async (headers: Record<string, string>) =>
      (await server.request(graphql(`query InboxViewer2 { viewer { role doctor { name } } }`), {}, headers)).data;
    expect(await role({})).toEqual({ viewer: { role: 'ANONYMOUS', doctor: null } });
    expect(await role(bearer(doctor))).toEqual({
      viewer: { role: 'DOCTOR', doctor: { name: 'Dr. Harish Kumar Kabilan' } },
    });
    expect(await role(bearer(staff))).toEqual({ viewer: { role: 'STAFF', doctor: null } });
  });

  it('refuses an askerToken that is not an asker token, writing nothing', async ({ server }) => {
    const before = await server.db.question.count();
    const asDoctor = await server.request(
      graphql(`mutation InboxAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken } }`),
      {
        input: { title: 'Asked with a doctor token', body: 'This must not be saved.', askerToken: doctor },
      },
    );
    expect(errorsOf(asDoctor)).toEqual([
      {
        message: '"askerToken" must be the asker token of an earlier question.',
        path: ['askQuestion'],
        extensions: { code: 'BAD_USER_INPUT', field: 'askerToken' },
      },
    ]);
    const unknown = await server.request(
      graphql(`mutation InboxAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken } }`),
      {
        input: {
          title: 'Asked with an unknown token',
          body: 'This must not be saved.',
          askerToken: `mqa_${'x'.repeat(43)}`,
        },
      },
    );
    expect(errorsOf(unknown)).toEqual([
      { message: 'Invalid or revoked credential.', path: ['askQuestion'], extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(await server.db.question.count()).toBe(before);
  });
});

describe('notifications that persist', () => {
  it('lists them newest first with the unread count, and marks them read up to a cursor', async ({ server }) => {
    const { askerToken, questionId } = await ask(server, 'A question whose asker reads');
    await post(server, doctor, questionId, 'First answer.');
    await post(server, staff, questionId, 'Second answer.');
    await post(server, doctor, questionId, 'Third answer.');
    const listed = await server.request(NOTIFICATIONS, {}, bearer(askerToken));
    const { notifications } = listed.data!.viewer;
    expect(notifications!.unreadCount).toBe(3);
    expect(notifications!.totalCount).toBe(3);
    expect(notifications!.edges.map((e) => e.node)).toEqual(
      ['Third answer.', 'Second answer.', 'First answer.'].map((body) => ({
        kind: 'ANSWER_ADDED',
        read: false,
        question: { title: 'A question whose asker reads' },
        answer: { body },
      })),
    );

    // Up to the second: the first two become read, the third stays unread.
    const upTo = notifications!.edges[1]!.cursor;
    expect(await server.request(MARK, { input: { upTo } }, bearer(askerToken))).toEqual({
      data: { markNotificationsRead: { marked: 2, unreadCount: 1 } },
    });
    expect(await server.request(MARK, { input: { upTo } }, bearer(askerToken))).toEqual({
      data: { markNotificationsRead: { marked: 0, unreadCount: 1 } },
    });
    const after = await server.request(NOTIFICATIONS, {}, bearer(askerToken));
    expect(after.data!.viewer.notifications!.edges.map((e) => e.node.read)).toEqual([false, true, true]);
  });

  it('reports edits and hides of answers the asker has seen, and only those', async ({ server }) => {
    const { askerToken, questionId } = await ask(server, 'A question with edited answers');
    const seen = await post(server, doctor, questionId, 'Seen, then edited and hidden.');
    const unseen = await post(server, doctor, questionId, 'Never seen, edited.');
    const list = await server.request(NOTIFICATIONS, {}, bearer(askerToken));
    const seenCursor = list.data!.viewer.notifications!.edges[1]!.cursor; // the older one: `seen`
    await server.request(MARK, { input: { upTo: seenCursor } }, bearer(askerToken));

    const edit = 'mutation($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }';
    for (const answerId of [seen, unseen]) {
      expect(
        (await server.request(edit, { input: { answerId, body: 'Edited text.' } }, bearer(doctor))).errors,
      ).toBeUndefined();
    }
    const hide = 'mutation($input: HideAnswerInput!) { hideAnswer(input: $input) { hiddenAt } }';
    expect((await server.request(hide, { input: { answerId: seen } }, bearer(staff))).errors).toBeUndefined();

    const now = await server.request(NOTIFICATIONS, {}, bearer(askerToken));
    expect(
      now.data!.viewer.notifications!.edges.map((e) => [e.node.kind, e.node.read, e.node.answer?.body ?? null]),
    ).toEqual([
      ['ANSWER_HIDDEN', false, null],
      ['ANSWER_EDITED', false, null],
      ['ANSWER_ADDED', false, 'Edited text.'],
      ['ANSWER_ADDED', true, null],
    ]);
    expect(now.data!.viewer.notifications!.unreadCount).toBe(3);
  });

  it('refuses a bad cursor with BAD_USER_INPUT, marking nothing', async ({ server }) => {
    const { askerToken, questionId } = await ask(server, 'A question with a bad cursor');
    await post(server, doctor, questionId, 'Unread answer.');
    for (const upTo of ['not-a-cursor', 'x'.repeat(300)]) {
      const refused = await server.request(MARK, { input: { upTo } }, bearer(askerToken));
      expect(errorsOf(refused)![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'upTo' });
    }
    const { data } = await server.request(NOTIFICATIONS, {}, bearer(askerToken));
    expect(data!.viewer.notifications!.unreadCount).toBe(1);
  });
});
