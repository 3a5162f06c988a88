import type { Plugin } from 'graphql-yoga';

/**
 * Every response says `X-Content-Type-Options: nosniff`, so that no browser takes a JSON answer
 * holding "<script>" for HTML. And where Yoga answers a content type it cannot read (415) or an
 * Accept header it cannot satisfy (406) with an empty body, this says what to send instead, in
 * the usual GraphQL error shape; so does the 404 of a path that serves nothing.
 */
export function useHttpResponses(graphqlEndpoint = '/graphql'): Plugin {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status === 404 && !response.headers.get('content-type')) {
        const message = `Nothing at ${new URL(request.url).pathname}: GraphQL is served at ${graphqlEndpoint}.`;
        response = fetchAPI.Response.json(
          { errors: [{ message, extensions: { code: 'NOT_FOUND' } }] },
          { status: 404 },
        );
        setResponse(response);
      }
      if ((response.status === 415 || response.status === 406) && !response.headers.get('content-type')) {
        const message =
          response.status === 415
            ? `Unsupported content type ${JSON.stringify(request.headers.get('content-type') ?? '')}: send the operation as JSON, with content-type: application/json.`
            : `Cannot answer in any media type the request accepts (${JSON.stringify(request.headers.get('accept') ?? '')}): accept application/graphql-response+json, application/json or text/event-stream.`;
        response = fetchAPI.Response.json(
          { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] },
          { status: response.status },
        );
        setResponse(response);
      }
      response.headers.set('x-content-type-options', 'nosniff');
    },
  };
}
