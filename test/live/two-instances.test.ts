import { expect } from 'vitest';
import { bearer } from '../helpers/http';
import { eventually, subscribe, wsClient } from '../helpers/live';
import type { TestServer } from '../helpers/server';
import { doctorToken, MARK, NOTIFICATION_ADDED, post } from '../notifications/support';
import { graphql, type ResultOf } from '../helpers/graphql';
import { it } from '../helpers/deployment';

it.override({ pairOptions: { name: 'live' } });

const ASK = graphql(
  `mutation TwoInstancesAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id } } }`,
);
const ASKED = graphql(
  `subscription TwoInstancesQuestionAsked($filter: QuestionFeedFilter) { questionAsked(filter: $filter) { node { title } } }`,
);
const AGREE = graphql(
  `mutation TwoInstancesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount } } }`,
);
const VIEWER = graphql(
  `query TwoInstancesViewer { viewer { role questions { edges { unseenAnswerCount node { title } } } notifications { unreadCount } } }`,
);
const listeners = (server: TestServer, count: number) =>
  eventually(() => server.pubSub.listenerCount() === count, 10_000, `${count} listeners`);
const notified = (events: ResultOf<typeof NOTIFICATION_ADDED>[]) =>
  events.map((e) => [e.notificationAdded.node.question.title, e.notificationAdded.node.answer!.body]);

it('an asker comes back to exactly what they missed, from the other instance; a doctor gets the new question once', async ({
  a,
  b,
}) => {
  const harish = await doctorToken(a, 'harish-kumar-kabilan'); // Plastic Surgeon
  const izharul = await doctorToken(a, 'izharul-hasan');

  // A doctor follows their specialty's new questions on instance B.
  const doctorClient = wsClient(b.url, harish);
  const feed = subscribe(doctorClient, ASKED, { filter: { specialty: 'plastic-surgeon' } });
  await listeners(b, 1);

  // The asker asks two questions under one token on instance A.
  const first = await a.request(ASK, {
    input: {
      title: 'Does hair grow back after alopecia?',
      body: 'Patchy hair loss since spring.',
      topics: ['hair-treatments'],
    },
  });
  const token: string = first.data!.askQuestion.askerToken;
  const second = await a.request(ASK, {
    input: {
      title: 'Is SMP safe on a scarred scalp?',
      body: 'I have a scar from surgery.',
      topics: ['scalp-micropigmentation'],
      askerToken: token,
    },
  });
  expect(second.data!.askQuestion.askerToken).toBe(token);
  const [q1, q2] = [first.data!.askQuestion.question.id, second.data!.askQuestion.question.id];
  expect(await feed.waitFor(2)).toEqual([
    { questionAsked: { node: { title: 'Does hair grow back after alopecia?' } } },
    { questionAsked: { node: { title: 'Is SMP safe on a scarred scalp?' } } },
  ]);

  // Connected on A, the asker sees the first answer (posted on B), then disconnects.
  const asker = wsClient(a.url, token);
  const online = subscribe(asker, NOTIFICATION_ADDED, {});
  await listeners(a, 1);
  await post(b, harish, q1, 'Alopecia areata often regrows within a year.');
  const [seen] = await online.waitFor(1);
  await asker.dispose();
  await listeners(a, 0);

  // Offline: two doctors answer through B, and one agrees with the other's answer.
  const izharulAnswer = await post(b, izharul, q2, 'SMP works on most scars once healed.');
  await post(b, izharul, q1, 'Unani oils may help too.');
  expect((await b.request(AGREE, { input: { answerId: izharulAnswer } }, bearer(harish))).data).toEqual({
    agreeWithAnswer: { answer: { agreeCount: 1 } },
  });

  // Back on A with the last cursor: exactly the missed ones, in order, then live ones.
  const back = wsClient(a.url, token);
  const resumed = subscribe(back, NOTIFICATION_ADDED, { after: seen!.notificationAdded.cursor });
  expect(notified(await resumed.waitFor(2))).toEqual([
    ['Is SMP safe on a scarred scalp?', 'SMP works on most scars once healed.'],
    ['Does hair grow back after alopecia?', 'Unani oils may help too.'],
  ]);
  await listeners(a, 1);
  await post(b, harish, q2, 'A test patch first is wise.');
  await post(b, izharul, q2, 'Sentinel: nothing extra came before me.');
  expect(notified(await resumed.waitFor(4))).toEqual([
    ['Is SMP safe on a scarred scalp?', 'SMP works on most scars once healed.'],
    ['Does hair grow back after alopecia?', 'Unani oils may help too.'],
    ['Is SMP safe on a scarred scalp?', 'A test patch first is wise.'],
    ['Is SMP safe on a scarred scalp?', 'Sentinel: nothing extra came before me.'],
  ]);
  await back.dispose();

  // The first one was seen live and marked read; the other four are unread.
  await a.request(MARK, { input: { upTo: seen!.notificationAdded.cursor } }, bearer(token));
  expect((await b.request(VIEWER, {}, bearer(token))).data).toEqual({
    viewer: {
      role: 'ASKER',
      questions: {
        edges: [
          { unseenAnswerCount: 3, node: { title: 'Is SMP safe on a scarred scalp?' } },
          { unseenAnswerCount: 1, node: { title: 'Does hair grow back after alopecia?' } },
        ],
      },
      notifications: { unreadCount: 4 },
    },
  });

  // The doctor's feed got each question once: a sentinel question comes after them.
  await a.request(ASK, {
    input: {
      title: 'Sentinel question on cosmetic care',
      body: 'Is a chemical peel safe?',
      topics: ['cosmetic-procedures'],
    },
  });
  await feed.waitFor(3);
  expect(feed.received.map((e) => e.questionAsked.node.title)).toEqual([
    'Does hair grow back after alopecia?',
    'Is SMP safe on a scarred scalp?',
    'Sentinel question on cosmetic care',
  ]);
  await doctorClient.dispose();
});

it('measures notification delivery across instances (posted on B, received on A)', async ({ a, b }) => {
  const doctor = await doctorToken(a, 'izharul-hasan');
  const asked = await a.request(ASK, { input: { title: 'Latency probe question', body: 'Measuring delivery.' } });
  const token: string = asked.data!.askQuestion.askerToken;
  const questionId: string = asked.data!.askQuestion.question.id;
  const client = wsClient(a.url, token);
  const live = subscribe(client, NOTIFICATION_ADDED, {});
  await listeners(a, 1);
  const samples: number[] = [];
  const rounds = 100;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const answered = post(b, doctor, questionId, `Probe ${i}`);
    await live.waitFor(i + 1, 10_000);
    samples.push(performance.now() - start);
    await answered;
  }
  await client.dispose();
  expect(notified(live.received).map(([, body]) => body)).toEqual(
    Array.from({ length: rounds }, (_, i) => `Probe ${i}`),
  );
  samples.sort((x, y) => x - y);
  const at = (p: number) =>
    samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]!.toFixed(1);
  console.log(
    `notification delivery across two instances, postAnswer sent on B → notificationAdded on A, ${rounds} samples: p50 ${at(50)} ms, p99 ${at(99)} ms, max ${samples.at(-1)!.toFixed(1)} ms`,
  );
  // 100 posts one after another: on a machine busy with other work (a bench beside it) they took
  // longer than the default 30 s once, so this one has more.
}, 120_000);
