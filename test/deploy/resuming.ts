import { request } from 'node:http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql, sourceOf, type Operation } from '../helpers/graphql';
import { operationBody } from '../helpers/http';
import type { GraphQLResponse } from '../helpers/server';

// Clients as the README describes them, behind a load balancer (not a test file itself).

export const ANSWER_ADDED = graphql(
  `subscription DeployResumingAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor node { body } } }`,
);

export interface Resuming {
  received: { cursor: string; body: string }[];
  /** Connections lost (the instance behind died) and resumed. */
  drops: number;
  errors: unknown[];
  /** Resolves once the first connection is open (so the balancer has placed it). */
  connected: Promise<void>;
  stop(): void;
}

type Event = { answerAdded: { cursor: string; node: { body: string } } };

function resuming(
  open: (state: Resuming, after: string, onOpen: () => void, onDrop: () => void) => () => void,
  after: string,
): Resuming {
  let markConnected: () => void = () => {};
  let stopped = false;
  let close = () => {};
  const state: Resuming = {
    received: [],
    drops: 0,
    errors: [],
    connected: new Promise((resolve) => (markConnected = resolve)),
    stop: () => {
      stopped = true;
      close();
    },
  };
  const connect = () => {
    close = open(state, state.received.at(-1)?.cursor ?? after, markConnected, () => {
      if (stopped) return;
      state.drops++;
      // To the balancer again, which sends it to a live instance; a moment apart, as clients back off.
      setTimeout(() => !stopped && connect(), 100);
    });
  };
  connect();
  return state;
}

const record = (state: Resuming, event: Event) =>
  state.received.push({ cursor: event.answerAdded.cursor, body: event.answerAdded.node.body });

/** graphql-ws through the balancer; on a drop, a new connection with `after:` the last cursor. */
export function wsSubscriber(baseUrl: string, questionId: string, after: string): Resuming {
  return resuming((state, from, onOpen, onDrop) => {
    const client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      on: { connected: onOpen },
    });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      void client.dispose();
      onDrop();
    };
    client.subscribe<Event>(
      { query: sourceOf(ANSWER_ADDED), variables: { q: questionId, after: from } },
      {
        next: ({ data, errors }) => (errors ? state.errors.push(...errors) : data && record(state, data)),
        error: drop,
        complete: drop,
      },
    );
    return () => {
      dropped = true;
      void client.dispose();
    };
  }, after);
}

/** SSE (a POST with `accept: text/event-stream`) through the balancer, resuming the same way. */
export function sseSubscriber(baseUrl: string, questionId: string, after: string): Resuming {
  return resuming((state, from, onOpen, onDrop) => {
    const controller = new AbortController();
    let closed = false;
    void (async () => {
      try {
        const response = await fetch(`${baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ query: ANSWER_ADDED, variables: { q: questionId, after: from } }),
          signal: controller.signal,
        });
        if (response.status !== 200) throw new Error(`SSE answered ${response.status}`);
        onOpen();
        let buffer = '';
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!message.startsWith('event: next')) continue;
            const data = message.split('\n').find((line) => line.startsWith('data: '))!;
            const payload = JSON.parse(data.slice(6)) as { data?: Event; errors?: unknown[] };
            if (payload.errors) state.errors.push(...payload.errors);
            else if (payload.data) record(state, payload.data);
          }
        }
      } catch {
        // the instance went away mid-stream (or we stopped)
      }
      if (!closed) onDrop();
    })();
    return () => {
      closed = true;
      controller.abort();
    };
  }, after);
}

/** POST /graphql from a given local address (127.0.0.x), as a client on another machine would be. */
export function postFrom<T, V>(
  localAddress: string,
  baseUrl: string,
  query: Operation<T, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const payload = operationBody(query, variables);
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/graphql`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode!, body: JSON.parse(text) });
          } catch {
            resolve({ status: response.statusCode!, body: { errors: [{ message: text }] } });
          }
        });
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}
