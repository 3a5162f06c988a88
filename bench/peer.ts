/**
 * The peer, PostGraphile 5 (bench/peer/server.mjs): installed into bench/peer/ on first use (its own
 * package, so the product never depends on it), its SQL functions applied to the bench database,
 * the bench's two pages translated into its schema, and its answers checked to carry the same data
 * as the API's.
 *
 * What differs from the API, by design of each: PostGraphile finds the question with
 * `allQuestions(condition: { slug })` (Prisma makes unique indexes, and PostGraphile only turns
 * unique constraints into `questionBySlug`); topics, visible answers, related blogs and the list
 * page come from STABLE SQL functions (bench/peer/functions.sql) that it inlines as computed
 * columns; answer counts are counted per request where the API reads trigger-kept counters; ids
 * and cursors have PostGraphile's own encodings; authors are two nullable relations rather than a
 * union; years of experience are derived from the career's start year by the comparison, not the
 * server. Neither side has a response cache in the comparison.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { databaseUrl, progress, root } from './config';
import { post, type GraphQLRequest, type PageRequest } from './operations';

const peerDir = join(root, 'bench/peer');

export function installPeer(): void {
  if (existsSync(join(peerDir, 'node_modules/postgraphile/package.json'))) return;
  progress('installing PostGraphile 5 into bench/peer (first run only)');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: peerDir,
    stdio: ['ignore', 2, 2],
  });
}

export async function preparePeerDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(readFileSync(join(peerDir, 'functions.sql'), 'utf8'));
  } finally {
    await client.end();
  }
}

const QUESTION_PAGE = `query QuestionPage($slug: String!, $answers: Int = 20, $blogs: Int = 5) {
  allQuestions(condition: { slug: $slug }, first: 1) {
    nodes {
      rowId slug title body askedAt answerCount
      topicsByName { nodes { slug name } }
      visibleAnswers(first: $answers) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            rowId body answeredAt lastEditedAt staffMemberId
            doctorByDoctorId { name slug careerStartYear profilePictureUrl specialtyBySpecialtyId { name } }
            staffMemberByStaffMemberId { name }
          }
        }
      }
      relevantBlogs(first: $blogs) { nodes { slug title url publishedAt } }
    }
  }
}`;

const QUESTION_LIST = `query QuestionList($topic: String!, $first: Int = 20) {
  recentlyAnsweredQuestions(topicSlug: $topic, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { rowId slug title askedAt answerCount lastAnsweredAt } }
  }
}`;

/** The bench's request, as PostGraphile is asked for the same page. */
export function toPeer(request: PageRequest): GraphQLRequest {
  if (request.operationName === 'QuestionPage') {
    return { operationName: 'QuestionPage', query: QUESTION_PAGE, variables: request.variables };
  }
  const { filter, first } = request.variables as { filter: { topic: string }; first: number };
  return { operationName: 'QuestionList', query: QUESTION_LIST, variables: { topic: filter.topic, first } };
}

type Json = Record<string, unknown>;
const time = (value: unknown) => (value === null ? null : new Date(String(value)).toISOString());
const thisYear = new Date().getUTCFullYear();
const decodeId = (id: unknown) => Number(Buffer.from(String(id), 'base64').toString().split(':').pop());

/** The data both servers must agree on, from the API's response. */
function fromApi(operation: string, body: Json): unknown {
  const data = body.data as Json;
  if (operation === 'QuestionList') {
    const list = data.questions as Json;
    return {
      totalCount: list.totalCount,
      hasNextPage: (list.pageInfo as Json).hasNextPage,
      questions: (list.edges as Json[]).map(({ node }) => {
        const q = node as Json;
        return [decodeId(q.id), q.slug, q.title, time(q.askedAt), q.answerCount, time(q.lastAnsweredAt)];
      }),
    };
  }
  const q = data.question as Json;
  const answers = q.answers as Json;
  return {
    question: [decodeId(q.id), q.slug, q.title, q.body, time(q.askedAt), q.answerCount],
    topics: q.topics,
    answerCount: answers.totalCount,
    hasNextPage: (answers.pageInfo as Json).hasNextPage,
    answers: (answers.edges as Json[]).map(({ node }) => {
      const a = node as Json;
      const author = a.author as Json;
      const doctor = author.__typename === 'Doctor';
      return [
        decodeId(a.id),
        a.body,
        time(a.answeredAt),
        time(a.lastEditedAt),
        a.editorial,
        author.name,
        doctor
          ? [
              author.slug,
              author.yearsOfExperience,
              author.profilePictureUrl,
              (author.specialty as Json | null)?.name ?? null,
            ]
          : null,
      ];
    }),
    blogs: (q.relevantBlogs as Json[]).map((b) => [b.slug, b.title, b.url, time(b.publishedAt)]),
  };
}

/** The same, from PostGraphile's response. */
function fromPeer(operation: string, body: Json): unknown {
  const data = body.data as Json;
  if (operation === 'QuestionList') {
    const list = data.recentlyAnsweredQuestions as Json;
    return {
      totalCount: list.totalCount,
      hasNextPage: (list.pageInfo as Json).hasNextPage,
      questions: (list.edges as Json[]).map(({ node }) => {
        const q = node as Json;
        return [q.rowId, q.slug, q.title, time(q.askedAt), q.answerCount, time(q.lastAnsweredAt)];
      }),
    };
  }
  const q = ((data.allQuestions as Json).nodes as Json[])[0] as Json;
  const answers = q.visibleAnswers as Json;
  return {
    question: [q.rowId, q.slug, q.title, q.body, time(q.askedAt), q.answerCount],
    topics: (q.topicsByName as Json).nodes,
    answerCount: answers.totalCount,
    hasNextPage: (answers.pageInfo as Json).hasNextPage,
    answers: (answers.edges as Json[]).map(({ node }) => {
      const a = node as Json;
      const doctor = a.doctorByDoctorId as Json | null;
      const staff = a.staffMemberByStaffMemberId as Json | null;
      return [
        a.rowId,
        a.body,
        time(a.answeredAt),
        time(a.lastEditedAt),
        a.staffMemberId !== null,
        (doctor ?? staff)?.name,
        doctor
          ? [
              doctor.slug,
              Math.max(0, thisYear - Number(doctor.careerStartYear)),
              doctor.profilePictureUrl,
              (doctor.specialtyBySpecialtyId as Json | null)?.name ?? null,
            ]
          : null,
      ];
    }),
    blogs: ((q.relevantBlogs as Json).nodes as Json[]).map((b) => [b.slug, b.title, b.url, time(b.publishedAt)]),
  };
}

/** Fails unless PostGraphile's answer carries the same data as the API's for every request. */
export async function checkPeerData(apiUrl: string, peerUrl: string, requests: PageRequest[]): Promise<void> {
  for (const request of requests) {
    const what = `${request.operationName} ${JSON.stringify(request.variables)}`;
    const api = await post(apiUrl, request);
    const peer = await post(peerUrl, toPeer(request));
    if (peer.status !== 200 || peer.body.includes('"errors"'))
      throw new Error(`PostGraphile failed on ${what}: ${peer.status} ${peer.body}`);
    const expected = JSON.stringify(fromApi(request.operationName, JSON.parse(api.body)));
    const actual = JSON.stringify(fromPeer(request.operationName, JSON.parse(peer.body)));
    if (expected !== actual) {
      let at = 0;
      while (expected[at] === actual[at]) at++;
      throw new Error(
        `PostGraphile's data differs from the API's on ${what} at character ${at}:\n` +
          `  API:  …${expected.slice(Math.max(0, at - 80), at + 80)}\n  peer: …${actual.slice(Math.max(0, at - 80), at + 80)}`,
      );
    }
  }
}

/** SQL statements PostGraphile ran for one request (it counts them; GET /statements reads and resets). */
export async function peerStatements(peerUrl: string, request: PageRequest): Promise<number> {
  await fetch(`${peerUrl}/statements`).then((r) => r.text());
  const response = await post(peerUrl, toPeer(request));
  if (response.status !== 200 || response.body.includes('"errors"')) throw new Error(`PostGraphile: ${response.body}`);
  return Number(await fetch(`${peerUrl}/statements`).then((r) => r.text()));
}
