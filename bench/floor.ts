/**
 * The floor: the two pages the bench measures, served by a plain node:http handler over a pg Pool
 * with hand-written SQL: one prepared statement per page. It answers POST /graphql with a JSON body
 * ({ operationName, variables }) and returns byte for byte the JSON the API returns for the same
 * variables (the bench checks this before measuring): same keys in the same order, Relay global
 * IDs (base64 of "Type:id") and cursors (base64 of "GPC:N:id") as Pothos makes them.
 *
 * It does no GraphQL at all: it knows the two operations by name. That is the point: the ratio
 * API ÷ floor is the price of everything the API does beyond fetching the rows and writing JSON.
 *
 * It also holds plain WebSockets on /graphql (no protocol), the baseline for idle-subscription memory.
 *
 * Run: DATABASE_URL=… [DATABASE_POOL_SIZE=10] [PORT=0] tsx bench/floor.ts; prints "ready port=N".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { WebSocketServer } from 'ws';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

/** Runs one SQL statement as a named (prepared) statement, counted per request. */
type Sql = (name: string, text: string, values: unknown[]) => Promise<pg.QueryResult>;

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const cursor = (id: number) => Buffer.from(`GPC:N:${id}`).toString('base64');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
// Timestamps leave PostgreSQL as epoch milliseconds (the columns are timestamptz(3)).
const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

// ---------------------------------------------------------------------------------------------
// Question page: the question, its topics, `answers` newest visible answers with their authors,
// `blogs` related blog posts. Lists come back as JSON arrays of arrays, one statement in all.
// ---------------------------------------------------------------------------------------------
const QUESTION_PAGE_SQL = `
SELECT q.id, q.slug, q.title, q.body, ${ms('q.asked_at')} AS asked_at, q.answer_count, q.last_answer_id,
  (SELECT coalesce(json_agg(json_build_array(t.slug, t.name) ORDER BY t.name), '[]')
     FROM "_question_topic" qt JOIN topic t ON t.id = qt."B" WHERE qt."A" = q.id) AS topics,
  (SELECT coalesce(json_agg(json_build_array(a.id, a.body, ${ms('a.answered_at')}, ${ms('a.last_edited_at')},
            a.staff_member_id IS NOT NULL, d.name, d.slug, d.career_start_year, d.profile_picture_url, s.name, st.name)
            ORDER BY a.answered_at DESC, a.id DESC), '[]')
     FROM (SELECT * FROM answer WHERE question_id = q.id AND hidden_at IS NULL
           ORDER BY answered_at DESC, id DESC LIMIT $2) a
     LEFT JOIN doctor d ON d.id = a.doctor_id
     LEFT JOIN specialty s ON s.id = d.specialty_id
     LEFT JOIN staff_member st ON st.id = a.staff_member_id) AS answers,
  (SELECT coalesce(json_agg(json_build_array(b.slug, b.title, b.url, ${ms('b.published_at')})
            ORDER BY b.published_at DESC, b.id DESC), '[]')
     FROM (SELECT * FROM blog_post bp
           WHERE EXISTS (SELECT 1 FROM "_blog_post_topic" bt JOIN "_question_topic" qt ON qt."B" = bt."B"
                         WHERE bt."A" = bp.id AND qt."A" = q.id)
           ORDER BY bp.published_at DESC, bp.id DESC LIMIT $3) b) AS blogs
FROM question q WHERE q.slug = $1`;

type AnswerRow = [
  number,
  string,
  number,
  number | null,
  boolean,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
];

async function questionPage(sql: Sql, variables: { slug: string; answers?: number; blogs?: number }) {
  const first = variables.answers ?? 20;
  const { rows } = await sql('question-page', QUESTION_PAGE_SQL, [variables.slug, first + 1, variables.blogs ?? 5]);
  const q = rows[0];
  if (!q) return null;
  const year = new Date().getUTCFullYear();
  const answers = q.answers as AnswerRow[];
  const edges = answers
    .slice(0, first)
    .map(
      ([
        id,
        body,
        answeredAt,
        lastEditedAt,
        editorial,
        doctorName,
        slug,
        careerStart,
        picture,
        specialty,
        staffName,
      ]) => ({
        cursor: cursor(id),
        node: {
          id: globalId('Answer', id),
          body,
          answeredAt: iso(answeredAt),
          lastEditedAt: iso(lastEditedAt),
          editorial,
          author:
            doctorName !== null
              ? {
                  __typename: 'Doctor',
                  name: doctorName,
                  slug,
                  yearsOfExperience: Math.max(0, year - careerStart!),
                  profilePictureUrl: picture,
                  specialty: specialty === null ? null : { name: specialty },
                }
              : { __typename: 'StaffMember', name: staffName },
        },
      }),
    );
  return {
    question: {
      id: globalId('Question', q.id),
      slug: q.slug,
      title: q.title,
      body: q.body,
      askedAt: iso(q.asked_at),
      askedAnonymously: true,
      answerCount: q.answer_count,
      latestAnswerCursor: cursor(q.last_answer_id ?? 0),
      topics: (q.topics as [string, string][]).map(([slug, name]) => ({ slug, name })),
      answers: {
        totalCount: q.answer_count, // visible answers, kept by a trigger
        pageInfo: {
          hasNextPage: answers.length > first,
          endCursor: edges.length ? edges[edges.length - 1]!.cursor : null,
        },
        edges,
      },
      relevantBlogs: (q.blogs as [string, string, string, number][]).map(([slug, title, url, publishedAt]) => ({
        slug,
        title,
        url,
        publishedAt: iso(publishedAt),
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// List page: answered questions of a topic, most recently answered first, and how many there are.
// ---------------------------------------------------------------------------------------------
// The topic's answered questions are read once, for both the count and the page.
const QUESTION_LIST_SQL = `
WITH matching AS MATERIALIZED (
  SELECT q.id, q.slug, q.title, q.asked_at, q.answer_count, q.last_answered_at
  FROM "_question_topic" qt JOIN question q ON q.id = qt."A"
  WHERE qt."B" = (SELECT id FROM topic WHERE slug = $1) AND q.answer_count > 0)
SELECT (SELECT count(*) FROM matching)::int AS total,
  (SELECT coalesce(json_agg(json_build_array(p.id, p.slug, p.title, ${ms('p.asked_at')}, p.answer_count, ${ms('p.last_answered_at')})
            ORDER BY p.last_answered_at DESC, p.id DESC), '[]')
     FROM (SELECT * FROM matching ORDER BY last_answered_at DESC, id DESC LIMIT $2) p) AS page`;

async function questionList(sql: Sql, variables: { filter?: { topic?: string }; orderBy?: string; first?: number }) {
  if (variables.orderBy !== 'RECENTLY_ANSWERED' || !variables.filter?.topic)
    throw new Error('the floor serves only topic lists, RECENTLY_ANSWERED');
  const first = variables.first ?? 20;
  const { rows } = await sql('question-list', QUESTION_LIST_SQL, [variables.filter.topic, first + 1]);
  const page = (rows[0]?.page ?? []) as [number, string, string, number, number, number | null][];
  const edges = page.slice(0, first).map(([id, slug, title, askedAt, answerCount, lastAnsweredAt]) => ({
    node: {
      id: globalId('Question', id),
      slug,
      title,
      askedAt: iso(askedAt),
      answerCount,
      lastAnsweredAt: iso(lastAnsweredAt),
    },
  }));
  const last = page[Math.min(first, page.length) - 1];
  return {
    questions: {
      totalCount: rows[0]?.total ?? 0,
      pageInfo: { hasNextPage: page.length > first, endCursor: last ? cursor(last[0]) : null },
      edges,
    },
  };
}

// ---------------------------------------------------------------------------------------------

// Each operation reads its own variables' shape from the request's JSON.
const operations: Record<string, (sql: Sql, variables: never) => Promise<unknown>> = {
  QuestionPage: questionPage,
  QuestionList: questionList,
};

function send(res: ServerResponse, status: number, body: string, statements = 0) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    // How many SQL statements the request ran: the bench reports it beside the API's count.
    'x-sql-statements': statements,
  });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, '{"error":"not found"}');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const { operationName, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const operation = operations[operationName];
  if (!operation) return send(res, 400, '{"error":"unknown operation"}');
  let statements = 0;
  // Named: each connection prepares a statement once, and PostgreSQL can then reuse its plan.
  const sql: Sql = (name, text, values) => {
    statements++;
    return pool.query({ name, text, values });
  };
  const data = await operation(sql, (variables ?? {}) as never);
  send(res, 200, JSON.stringify({ data }), statements);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, JSON.stringify({ error: String(error) }));
  });
});
// Idle plain WebSockets: what holding a socket costs before any protocol (memory baseline).
new WebSocketServer({ server, path: '/graphql' });

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`ready port=${(server.address() as AddressInfo).port}`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
