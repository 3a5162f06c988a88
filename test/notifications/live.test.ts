import { describe, expect } from 'vitest';
import { bearer, errorsOf } from '../helpers/http';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { ask, doctorToken, MARK, NOTIFICATION_ADDED, NOTIFICATIONS, post, staffToken } from './support';
import { graphql, type ResultOf } from '../helpers/graphql';
import { it, test } from '../helpers/world';
import type { TestServer } from '../helpers/server';

let doctor: string;
test.beforeAll(async ({ server }) => {
  doctor = await doctorToken(server, 'izharul-hasan');
});

const listening = (server: TestServer, count: number) =>
  eventually(() => server.pubSub.listenerCount() === count, 10_000, `${count} listeners`);
const bodies = (events: ResultOf<typeof NOTIFICATION_ADDED>[]) =>
  events.map((e) => e.notificationAdded.node.answer!.body);

describe('notificationAdded over graphql-ws', () => {
  it('delivers what was missed while offline, in order, once, then live ones, across questions', async ({ server }) => {
    const first = await ask(server, 'Offline asker, first question');
    const second = await ask(server, 'Offline asker, second question', first.askerToken);

    const online = wsClient(server.url, first.askerToken);
    const before = subscribe(online, NOTIFICATION_ADDED, {});
    await listening(server, 1);
    await post(server, doctor, first.questionId, 'Seen live before going offline.');
    const [seen] = await before.waitFor(1);
    await online.dispose();
    await listening(server, 0);

    await post(server, doctor, second.questionId, 'Missed 1.');
    await post(server, doctor, first.questionId, 'Missed 2.');
    await post(server, doctor, second.questionId, 'Missed 3.');

    const back = wsClient(server.url, first.askerToken);
    const after = subscribe(back, NOTIFICATION_ADDED, { after: seen!.notificationAdded.cursor });
    expect(bodies(await after.waitFor(3))).toEqual(['Missed 1.', 'Missed 2.', 'Missed 3.']);
    await listening(server, 1);
    await post(server, doctor, first.questionId, 'Live after coming back.');
    // Events arrive in order: once a sentinel posted last is in, a duplicate would be too.
    await post(server, doctor, second.questionId, 'Sentinel.');
    await after.waitFor(5);
    expect(
      after.received
        .slice(0, 4)
        .map((e) => [
          e.notificationAdded.node.kind,
          e.notificationAdded.node.question.title,
          e.notificationAdded.node.answer!.body,
        ]),
    ).toEqual([
      ['ANSWER_ADDED', 'Offline asker, second question', 'Missed 1.'],
      ['ANSWER_ADDED', 'Offline asker, first question', 'Missed 2.'],
      ['ANSWER_ADDED', 'Offline asker, second question', 'Missed 3.'],
      ['ANSWER_ADDED', 'Offline asker, first question', 'Live after coming back.'],
    ]);
    expect(bodies(after.received.slice(4))).toEqual(['Sentinel.']);
    // The cursors are those of viewer.notifications.
    const listed = await server.request(NOTIFICATIONS, {}, bearer(first.askerToken));
    expect(after.received.map((e) => e.notificationAdded.cursor)).toEqual(
      listed
        .data!.viewer.notifications!.edges.slice(0, 5)
        .map((e) => e.cursor)
        .reverse(),
    );
    await back.dispose();
    await listening(server, 0);
  });

  it("never delivers another asker's notifications", async ({ server }) => {
    const mine = await ask(server, 'My own question here');
    const theirs = await ask(server, 'Someone else entirely');
    const client = wsClient(server.url, mine.askerToken);
    const live = subscribe(client, NOTIFICATION_ADDED, {});
    await listening(server, 1);
    await post(server, doctor, theirs.questionId, 'For them.');
    await post(server, doctor, mine.questionId, 'For me.');
    await post(server, doctor, theirs.questionId, 'For them again.');
    await post(server, doctor, mine.questionId, 'Sentinel.');
    await live.waitFor(2);
    expect(bodies(live.received)).toEqual(['For me.', 'Sentinel.']);
    await client.dispose();
    await listening(server, 0);
  });
});

describe('notificationAdded over server-sent events', () => {
  it('streams the missed notification, then a live one', async ({ server }) => {
    const { askerToken, questionId } = await ask(server, 'An asker reading over SSE');
    await post(server, doctor, questionId, 'Before subscribing.');
    const listed = await server.request(NOTIFICATIONS, {}, bearer(askerToken));
    const cursor = listed.data!.viewer.notifications!.edges[0]!.cursor;
    await post(server, doctor, questionId, 'Missed over SSE.');

    const controller = new AbortController();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(askerToken) },
      body: JSON.stringify({ query: NOTIFICATION_ADDED, variables: { after: cursor } }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: string[] = [];
    let buffer = '';
    const read = async (count: number) => {
      while (events.length < count) {
        buffer += (await reader.read()).value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((line) => line.startsWith('data: '));
          if (data && buffer.startsWith('event: next'))
            events.push(JSON.parse(data.slice(6)).data.notificationAdded.node.answer.body);
          buffer = buffer.slice(end + 2);
        }
      }
    };
    await read(1);
    await listening(server, 1);
    await post(server, doctor, questionId, 'Live over SSE.');
    await read(2);
    expect(events).toEqual(['Missed over SSE.', 'Live over SSE.']);
    controller.abort();
    await listening(server, 0);
  });
});

describe("an asker's notifications are theirs alone", () => {
  it('refuses every other credential with FORBIDDEN, and anonymous callers with UNAUTHENTICATED', async ({
    server,
  }) => {
    const staff = await staffToken(server);
    for (const token of [doctor, staff]) {
      const role = token === doctor ? 'doctor' : 'staff';
      const read = await server.request(
        graphql(`query LiveViewer { viewer { role notifications { unreadCount } questions { totalCount } } }`),
        {},
        bearer(token),
      );
      expect(read.data!.viewer).toEqual({ role: role.toUpperCase(), notifications: null, questions: null });
      expect(errorsOf(read)).toEqual([
        {
          message: `Your ${role} credential cannot use Viewer.notifications: it needs an asker credential.`,
          path: ['viewer', 'notifications'],
          extensions: { code: 'FORBIDDEN' },
        },
        {
          message: `Your ${role} credential cannot use Viewer.questions: it needs an asker credential.`,
          path: ['viewer', 'questions'],
          extensions: { code: 'FORBIDDEN' },
        },
      ]);
      const mark = await server.request(MARK, { input: { upTo: 'R1BDOk46MQ==' } }, bearer(token));
      expect(errorsOf(mark)).toEqual([
        {
          message: `Your ${role} credential cannot use Mutation.markNotificationsRead: it needs an asker credential.`,
          path: ['markNotificationsRead'],
          extensions: { code: 'FORBIDDEN' },
        },
      ]);
      const client = wsClient(server.url, token);
      const live = subscribe(client, NOTIFICATION_ADDED, {});
      await eventually(() => live.errors.length > 0 || live.completed, 10_000, 'the refusal');
      expect(live.errors).toMatchObject([
        {
          message: `Your ${role} credential cannot use Subscription.notificationAdded: it needs an asker credential.`,
          extensions: { code: 'FORBIDDEN' },
        },
      ]);
      await client.dispose();
    }
    const anonymous = await server.request(graphql(`query LiveViewer2 { viewer { notifications { unreadCount } } }`));
    expect(errorsOf(anonymous)).toEqual([
      {
        message: 'Sign in with an asker credential to use Viewer.notifications.',
        path: ['viewer', 'notifications'],
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
  });

  it("cannot mark another asker's notifications read with their cursor", async ({ server }) => {
    const victim = await ask(server, 'A question of the victim');
    const other = await ask(server, 'A question of the other');
    await post(server, doctor, victim.questionId, 'For the victim.');
    const listed = await server.request(NOTIFICATIONS, {}, bearer(victim.askerToken));
    const cursor = listed.data!.viewer.notifications!.edges[0]!.cursor;
    expect(await server.request(MARK, { input: { upTo: cursor } }, bearer(other.askerToken))).toEqual({
      data: { markNotificationsRead: { marked: 0, unreadCount: 0 } },
    });
    const still = await server.request(NOTIFICATIONS, {}, bearer(victim.askerToken));
    expect(still.data!.viewer.notifications!.unreadCount).toBe(1);
  });
});
