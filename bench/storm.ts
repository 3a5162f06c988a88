/**
 * The reconnect storm: the clients of a dead instance all come back at once. `storm.subscribers`
 * graphql-ws subscribers, spread over the scale's questions, each with `after:` the cursor of the
 * last answer it had seen; meanwhile `storm.missedPerQuestion` answers were posted to every
 * question. They open their sockets on instance A in waves within `storm.arrivalMs`. Halfway
 * through, an answer is posted through A (the stormed instance) and its response time taken.
 * Then a sentinel answer goes to every question through B. Every subscriber must receive exactly
 * the answers after its cursor, in order, once each, with no error and no socket closed.
 */
import { Agent } from 'node:http';
import { progress, pubSubPrefix, storm } from './config';
import { httpPost, postAnswer, quantile } from './live';
import type { LiveFixture } from './live-fixture';
import type { ServerProcess } from './processes';
import { openSubscribers, type Subscribers } from './ws-client';

export interface StormFigures {
  subscribers: number;
  /** From the first socket opened to the last subscribe message sent. */
  arrivalMs: number;
  /** From the start of the storm until every subscriber had every missed answer. */
  allResumedMs: number;
  /** Per subscriber: from its subscribe message to its last missed answer. */
  resume: { p50: number; p99: number; max: number };
  /** A `postAnswer` sent halfway through the storm on a new connection. */
  postDuringStormMs: number;
  /** The same, sent at the same moment on a connection opened before the storm. */
  postOnOpenConnectionMs: number;
  /** Subscribers whose answers were not exactly the expected ones, in order. */
  wrong: number;
  /** Error messages and sockets closed by the server. */
  problems: number;
  examples: string[];
}

const STORM_SUBSCRIPTION = `subscription ($questionId: ID!, $after: String) {
  answerAdded(questionId: $questionId, after: $after) { cursor node { body } }
}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function latestCursors(server: ServerProcess, ids: string[], agent?: Agent): Promise<string[]> {
  const body = JSON.stringify({
    query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Question { latestAnswerCursor } } }',
    variables: { ids },
  });
  const { text } = await httpPost(`${server.url}/graphql`, body, { 'content-type': 'application/json' }, agent);
  const { data } = JSON.parse(text) as { data: { nodes: { latestAnswerCursor: string }[] } };
  return data.nodes.map((node) => node.latestAnswerCursor);
}

/** Posts each body to its question, `concurrency` at a time. */
async function postAll(server: ServerProcess, fixture: LiveFixture, posts: [string, string][], concurrency = 10) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < posts.length) {
        const [questionId, body] = posts[next++]!;
        await postAnswer(server, fixture, body, questionId);
      }
    }),
  );
}

export async function measureStorm(a: ServerProcess, b: ServerProcess, fixture: LiveFixture): Promise<StormFigures> {
  const questions = fixture.questionIds;
  const count = storm.subscribers;
  const questionOf = (subscriber: number) => subscriber % questions.length;
  const cursors = await latestCursors(a, questions);
  const expected = questions.map((_, q) =>
    Array.from({ length: storm.missedPerQuestion }, (_, k) => `storm ${pubSubPrefix} missed ${q}/${k}.`),
  );
  progress(`reconnect storm: ${storm.missedPerQuestion} answers posted to each of ${questions.length} questions first`);
  // In rounds, so that each question's answers are saved in the order expected.
  for (let k = 0; k < storm.missedPerQuestion; k++) {
    await postAll(
      b,
      fixture,
      expected.map((bodies, q): [string, string] => [questions[q]!, bodies[k]!]),
    );
  }

  const received: string[][] = Array.from({ length: count }, () => []);
  const subscribedAt = new Array<number>(count).fill(NaN);
  const resumedAt = new Array<number>(count).fill(NaN);
  const examples: string[] = [];
  let problems = 0;
  // Posted during the storm: on a new connection to question 0, on an open one to question 1.
  const duringStorm = [`storm ${pubSubPrefix} during.`, `storm ${pubSubPrefix} during, open connection.`];
  const missedCount = (subscriber: number) => {
    const during = duringStorm[questionOf(subscriber)];
    return storm.missedPerQuestion + (during && received[subscriber]!.includes(during) ? 1 : 0);
  };
  const onNext = (subscriber: number, text: string, at: number) => {
    const body = (JSON.parse(text) as { payload: { data?: { answerAdded: { node: { body: string } } } } }).payload.data
      ?.answerAdded.node.body;
    if (body === undefined) {
      problems++;
      if (examples.length < 5) examples.push(`subscriber ${subscriber}: ${text.slice(0, 300)}`);
      return;
    }
    received[subscriber]!.push(body);
    if (received[subscriber]!.length >= storm.missedPerQuestion && Number.isNaN(resumedAt[subscriber]!))
      resumedAt[subscriber] = at;
  };
  // Problems by kind (digits left out), so that the progress line says which ones and how many.
  const kinds = new Map<string, number>();
  const onProblem = (subscriber: number, message: string) => {
    problems++;
    const kind = message.replace(/\d+/g, 'N').slice(0, 120);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (examples.length < 5) examples.push(`subscriber ${subscriber}: ${message}`);
  };

  progress(`reconnect storm: ${count} subscribers arriving on instance A within ${storm.arrivalMs} ms`);
  const perWave = Math.ceil(count / storm.waves);
  // The connection a client already has (or a load balancer keeps to this instance) is opened
  // now: a new one waits in the kernel's accept queue behind the storm's sockets, which Node
  // accepts one per turn of its event loop.
  const openConnection = new Agent({ keepAlive: true, maxSockets: 1 });
  await latestCursors(a, questions.slice(0, 1), openConnection);
  const started = performance.now();
  const timedPost = async (questionId: string, body: string, via: 'fresh' | Agent) => {
    await sleep(storm.arrivalMs / 2);
    const sent = performance.now();
    try {
      await postAnswer(a, fixture, body, questionId, via);
      return performance.now() - sent;
    } catch (error) {
      onProblem(0, `postAnswer during the storm failed: ${error instanceof Error ? error.message : String(error)}`);
      return Number.NaN;
    }
  };
  const posts = Promise.all([
    timedPost(questions[0]!, duringStorm[0]!, 'fresh'),
    timedPost(questions[1]!, duringStorm[1]!, openConnection),
  ]);
  const opened: Subscribers[] = await Promise.all(
    Array.from({ length: storm.waves }, async (_, wave) => {
      await sleep((wave * storm.arrivalMs) / storm.waves);
      const first = wave * perWave;
      const n = Math.max(0, Math.min(perWave, count - first));
      for (let s = first; s < first + n; s++) subscribedAt[s] = performance.now();
      return openSubscribers(a.url, {
        count: n,
        firstIndex: first,
        query: STORM_SUBSCRIPTION,
        variables: {},
        batch: perWave,
        variablesOf: (subscriber) => ({
          questionId: questions[questionOf(subscriber)],
          after: cursors[questionOf(subscriber)],
        }),
        onNext,
        onProblem,
      });
    }),
  );
  const arrivalMs = performance.now() - started;
  const [postMs, postOnOpenMs] = await posts;
  openConnection.destroy();
  try {
    const until = performance.now() + 60_000;
    while (received.some((bodies, s) => bodies.length < missedCount(s)) && performance.now() < until) await sleep(10);
    const allResumedMs = performance.now() - started;
    // A sentinel per question: once it is in, a late duplicate or a missing answer would show.
    const sentinel = (q: number) => `storm ${pubSubPrefix} sentinel ${q}.`;
    await postAll(
      b,
      fixture,
      questions.map((id, q): [string, string] => [id, sentinel(q)]),
    );
    while (received.some((bodies, s) => !bodies.includes(sentinel(questionOf(s)))) && performance.now() < until)
      await sleep(10);
    let wrong = 0;
    for (const [s, bodies] of received.entries()) {
      const q = questionOf(s);
      const want = [...expected[q]!, ...(duringStorm[q] ? [duringStorm[q]] : []), sentinel(q)];
      if (JSON.stringify(bodies) !== JSON.stringify(want)) {
        wrong++;
        if (examples.length < 5) examples.push(`subscriber ${s} got ${JSON.stringify(bodies)}`);
      }
    }
    const resume = resumedAt.map((at, s) => at - subscribedAt[s]!).sort((x, y) => x - y);
    const figures: StormFigures = {
      subscribers: count,
      arrivalMs,
      allResumedMs,
      resume: { p50: quantile(resume, 0.5), p99: quantile(resume, 0.99), max: resume[resume.length - 1] ?? NaN },
      postDuringStormMs: postMs,
      postOnOpenConnectionMs: postOnOpenMs,
      wrong,
      problems,
      examples,
    };
    progress(
      `  arrived in ${arrivalMs.toFixed(0)} ms; all resumed after ${allResumedMs.toFixed(0)} ms (per subscriber p50 ` +
        `${figures.resume.p50.toFixed(0)} ms, p99 ${figures.resume.p99.toFixed(0)} ms); postAnswer during the storm ` +
        `${postMs.toFixed(0)} ms (on an open connection ${postOnOpenMs.toFixed(0)} ms); ${wrong} subscribers wrong, ${problems} problems` +
        [...kinds].map(([kind, n]) => `\n    ${n} × ${kind}`).join(''),
    );
    return figures;
  } finally {
    await Promise.all(opened.map((s) => s.close()));
  }
}
