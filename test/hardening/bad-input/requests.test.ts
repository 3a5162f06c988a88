import { describe } from 'vitest';
import { post, send, type RawResponse } from '../../helpers/http';
import { csrfHeaders, type TestServer } from '../../helpers/server';
import {
  type Auth,
  bad,
  type BadInputContext,
  BY_SLUG,
  type Expected,
  expectError,
  it,
  itLeavesEverythingAsItWas,
  serverOptions,
  POST_ANSWER,
} from './support';

/* Bad input over HTTP: malformed requests, and bad operations (support.ts says what each file checks). */

it.override({ serverOptions });

describe('bad input', () => {
  describe('over HTTP: malformed requests', () => {
    const raw = (
      server: TestServer,
      body: string,
      headers: Record<string, string> = { 'content-type': 'application/json' },
    ) => send(server.url, { method: 'POST', headers, body });

    it.for<{ name: string; request: (context: BadInputContext) => Promise<RawResponse>; expected: Expected }>([
      {
        name: 'malformed JSON',
        request: ({ server }) => raw(server, '{"query": '),
        expected: { status: 400, message: 'POST body sent invalid JSON.' },
      },
      {
        name: 'an empty body',
        request: ({ server }) => raw(server, ''),
        expected: { status: 400, message: 'POST body sent invalid JSON.' },
      },
      {
        name: 'JSON that is not an object',
        request: ({ server }) => raw(server, '"{ topics { name } }"'),
        expected: { status: 400, message: /POST body is expected to be object but received string/ },
      },
      {
        name: 'no query',
        request: ({ server }) => post(server.url, {}),
        expected: { status: 400, message: 'Must provide query string.', extensions: bad('BAD_REQUEST') },
      },
      {
        name: 'a query that is not a string',
        request: ({ server }) => post(server.url, { query: 1 }),
        expected: {
          status: 400,
          message: 'Expected "query" param to be a string, but given number.',
          extensions: bad('BAD_REQUEST'),
        },
      },
      {
        name: 'variables that are not an object',
        request: ({ server }) => post(server.url, { query: '{ topics { name } }', variables: 'x' }),
        expected: {
          status: 400,
          message: 'Expected "variables" param to be empty or an object, but given string.',
          extensions: bad('BAD_REQUEST'),
        },
      },
      {
        name: 'unknown parameters',
        request: ({ server }) => post(server.url, { query: '{ topics { name } }', rootValue: {} }),
        expected: { status: 400, message: /Unexpected parameter "rootValue"/ },
      },
      {
        name: 'a batch',
        request: ({ server }) => post(server.url, [{ query: '{ topics { name } }' }]),
        expected: { status: 400, message: 'Batching is not supported.', extensions: bad('BAD_REQUEST') },
      },
      {
        name: 'an XML content type',
        request: ({ server }) => raw(server, '<query/>', { 'content-type': 'application/xml' }),
        expected: {
          status: 415,
          message:
            'Unsupported content type "application/xml": send the operation as JSON, with content-type: application/json.',
          extensions: bad('BAD_REQUEST'),
        },
      },
      {
        name: 'text/plain without the CSRF header',
        request: ({ server }) => raw(server, '{"query":"{ topics { name } }"}', { 'content-type': 'text/plain' }),
        expected: {
          status: 403,
          message:
            'Refused as a possible cross-site request forgery: a POST with content-type "text/plain" needs the x-graphql-yoga-csrf header. Send the operation as JSON, with content-type: application/json.',
          extensions: bad('BAD_REQUEST'),
        },
      },
      {
        name: 'text/plain with the CSRF header',
        request: ({ server }) =>
          raw(server, '{"query":"{ topics { name } }"}', { 'content-type': 'text/plain', ...csrfHeaders }),
        expected: { status: 415, message: /^Unsupported content type "text\/plain"/ },
      },
      {
        name: 'multipart (no uploads)',
        request: ({ server }) =>
          raw(server, '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--', {
            'content-type': 'multipart/form-data; boundary=x',
            ...csrfHeaders,
          }),
        expected: { status: 415, message: /^Unsupported content type "multipart\/form-data/ },
      },
      {
        name: 'an Accept header the server cannot satisfy',
        request: ({ server }) => post(server.url, { query: '{ topics { name } }' }, { accept: 'image/png' }),
        expected: { status: 406, message: /^Cannot answer in any media type the request accepts \("image\/png"\)/ },
      },
      {
        name: 'a PUT',
        request: ({ server }) =>
          send(server.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }),
        expected: { status: 405, message: 'GraphQL only supports GET and POST requests.' },
      },
      {
        name: 'a mutation over GET',
        request: ({ server, auth }) =>
          send(server.url, {
            path: `/graphql?query=${encodeURIComponent('mutation { hideAnswer(input: { answerId: "x" }) { answerId } }')}`,
            headers: { ...csrfHeaders, ...auth.staff },
          }),
        expected: { status: 405, message: 'Can only perform a mutation operation from a POST request.' },
      },
      {
        name: 'a body over the size limit',
        request: ({ server }) => post(server.url, { query: BY_SLUG, variables: { s: 'x'.repeat(300_000) } }),
        expected: { status: 413, message: 'Request body too large', extensions: bad('REQUEST_ENTITY_TOO_LARGE') },
      },
    ])('$name', async ({ request, expected }, { server, auth, questionId }) => {
      expectError(await request({ server, auth, questionId }), expected);
    });
  });

  describe('over HTTP: bad operations', () => {
    it.for<{ name: string; body: unknown; headers?: (auth: Auth) => Record<string, string>; expected: Expected }>([
      {
        name: 'a syntax error',
        body: { query: '{ topics { name }' },
        expected: {
          status: 400,
          message: 'Syntax Error: Expected Name, found <EOF>.',
          extensions: bad('GRAPHQL_PARSE_FAILED'),
        },
      },
      {
        name: 'an unknown field',
        body: { query: '{ topics { colour } }' },
        expected: {
          status: 400,
          message: 'Cannot query field "colour" on type "Topic".',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'an unknown directive',
        body: { query: '{ topics @cached { name } }' },
        expected: {
          status: 400,
          message: 'Unknown directive "@cached".',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'an unknown operation name',
        body: { query: 'query A { topics { name } } query B { specialties { name } }', operationName: 'C' },
        expected: {
          status: 400,
          message: 'Could not determine what operation to execute.',
          extensions: bad('OPERATION_RESOLUTION_FAILURE'),
        },
      },
      {
        name: 'two operations and no name',
        body: { query: 'query A { topics { name } } query B { specialties { name } }' },
        expected: {
          status: 400,
          message: 'Could not determine what operation to execute.',
          extensions: bad('OPERATION_RESOLUTION_FAILURE'),
        },
      },
      {
        name: 'a variable of the wrong type',
        body: { query: 'query($n: Int) { questions(first: $n) { totalCount } }', variables: { n: 'ten' } },
        expected: {
          status: 400,
          message: 'Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'a missing required variable',
        body: { query: 'query($s: String!) { question(slug: $s) { id } }' },
        expected: {
          status: 400,
          message: 'Variable "$s" of required type "String!" was not provided.',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'a mutation input of the wrong shape',
        body: { query: POST_ANSWER, variables: { input: { questionId: 'x', body: 7 } } },
        headers: (auth) => auth.doctor,
        expected: {
          status: 400,
          message:
            'Variable "$input" got invalid value 7 at "input.body"; String cannot represent a non string value: 7',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'a fragment cycle',
        body: { query: '{ topics { ...A } } fragment A on Topic { name ...B } fragment B on Topic { slug ...A }' },
        expected: {
          status: 400,
          message: 'Cannot spread fragment "A" within itself via "B".',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'a deep query',
        body: {
          query: `{ question(slug: "x") { ${'answers { edges { node { question { '.repeat(3)}id${' } } } }'.repeat(3)} } }`,
        },
        expected: {
          status: 400,
          message: 'Query depth limit of 10 exceeded, found 14. Select fewer levels of nested fields.',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'a wide query',
        body: { query: `{ topics { ${'name '.repeat(900)}} }` },
        expected: {
          status: 400,
          message: 'The operation selects too many fields to validate. Select fewer fields, or split the operation.',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'an alias bomb',
        body: { query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: topics { name }`).join(' ')} }` },
        expected: {
          status: 400,
          message: 'Aliases limit of 15 exceeded, found 100. Use fewer aliases, or split the operation.',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'an alias bomb past the token limit',
        body: { query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: topics { name }`).join(' ')} }` },
        expected: {
          status: 400,
          message: 'Syntax Error: Token limit of 1000 exceeded.',
          extensions: bad('GRAPHQL_PARSE_FAILED'),
        },
      },
      {
        name: 'a costly nesting of lists',
        body: {
          query: '{ doctors(first: 100) { edges { node { answers(first: 100) { edges { node { body } } } } } } }',
        },
        expected: { status: 400, message: /^Query cost of 30301 exceeds the limit of 5000\./ },
      },
      {
        name: 'a page too large',
        body: { query: '{ questions(last: 101) { totalCount } }' },
        expected: {
          status: 200,
          message: '"last" must be between 0 and 100; got 101.',
          extensions: bad('BAD_USER_INPUT', 'last'),
        },
      },
    ])('$name', async ({ body, headers, expected }, { server, auth }) => {
      expectError(await post(server.url, body, headers?.(auth)), expected);
    });
  });

  itLeavesEverythingAsItWas();
});
