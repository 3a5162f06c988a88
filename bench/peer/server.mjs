/**
 * The bench's peer: PostGraphile 5 (amber preset, Grafserv on node:http) over the bench database,
 * with the same pool size as the API and the floor. Prints "ready port=N" like the floor.
 *
 * PostGraphile 5.1 declares Node ≥ 22; on Node 20 it runs with one polyfill, Promise.withResolvers,
 * set here before it loads. SQL statements are counted on the pg client it uses, and GET
 * /statements answers how many ran since the last such request (the bench asks between requests
 * sent one at a time).
 *
 * Run: DATABASE_URL=… [DATABASE_POOL_SIZE=10] [PORT=0] node bench/peer/server.mjs
 */
import { createServer } from 'node:http';
import pg from 'pg';

Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new this((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};

const { postgraphile } = await import('postgraphile');
const { grafserv } = await import('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
  schema: { pgForbidSetofFunctionsToReturnNull: true },
});
const serv = pgl.createServ(grafserv);
await serv.ready();
const graphql = serv.createHandler();
const server = createServer((request, response) => {
  if (request.method !== 'GET' || request.url !== '/statements') return graphql(request, response);
  response.end(String(statements));
  statements = 0;
});
// WebSockets are not part of the comparison; the handler alone serves HTTP.
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`ready port=${server.address().port}`);
});
const stop = () =>
  server.close(() =>
    pgl
      .release()
      .then(() => pool.end())
      .then(() => process.exit(0)),
  );
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
