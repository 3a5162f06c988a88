import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import {
  AnswerAddedDocument,
  type AnswerAddedSubscription,
  type AnswerAddedSubscriptionVariables,
} from './generated/graphql';

/** One new answer as the AnswerAdded document selects it: its `cursor` and the answer (`node`). */
export type AnswerAddedEdge = AnswerAddedSubscription['answerAdded'];

export interface FollowAnswersOptions<Edge extends { cursor: string } = AnswerAddedEdge>
  extends Omit<ClientOptions, 'lazy' | 'onNonLazyError'> {
  /** The question's global ID. */
  questionId: string;
  /**
   * Where to start: `Question.latestAnswerCursor` of the page being shown (not its
   * `pageInfo.endCursor`: newest first, that is the oldest answer on the page).
   */
  after: string;
  /** Each new answer, once, oldest first, across reconnects. */
  onAnswer(edge: Edge): void;
  /**
   * Something went wrong: the subscription was refused (GraphQL errors, e.g. NOT_FOUND or a bad
   * cursor) or the connection could not be re-established within `retryAttempts` (the close
   * event): then it has stopped for good. Logged to the console when not given.
   */
  onError?(error: unknown): void;
  /** Another selection of `answerAdded` (it must select `cursor`); the AnswerAdded operation by default. */
  document?: TypedDocumentNode<{ answerAdded: Edge }, AnswerAddedSubscriptionVariables>;
}

export interface FollowedAnswers {
  /** The cursor of the last answer delivered (where the next reconnect resumes). */
  readonly cursor: string;
  /** The graphql-ws client, for its events (`client.on('connected', …)`). */
  readonly client: Client;
  /** Stops following and closes the connection. */
  close(): Promise<void>;
}

/**
 * Follows a question's new answers over graphql-ws, from a page's `latestAnswerCursor`, and keeps
 * following through dropped connections with nothing missed and nothing twice.
 *
 * graphql-ws retries a dropped connection by itself, but re-sends the subscription exactly as it
 * was first given: with the first `after`, the server replays every answer since the page was
 * read, duplicates included; without `after`, the answers posted while disconnected are lost.
 * It has no hook to change a subscription's variables on retry. What it does is serialise the
 * payload object it was given each time it (re)subscribes, so this helper keeps that object's
 * `after` at the cursor of the last answer delivered, and every retry resumes from exactly there.
 * (test/client/live-answers.test.ts pins this through an instance killed mid-stream.)
 *
 * All graphql-ws client options pass through: `url` (a function can return another instance's
 * address on each attempt), `connectionParams`, `retryAttempts`, `retryWait`, and on Node 20,
 * which has no global WebSocket, `webSocketImpl` (the `ws` package).
 */
export function followAnswers<Edge extends { cursor: string } = AnswerAddedEdge>(
  options: FollowAnswersOptions<Edge>,
): FollowedAnswers {
  const {
    questionId,
    after,
    onAnswer,
    onError = (error) => console.error('answerAdded stopped:', error),
    document,
    ...clientOptions
  } = options;
  const client = createClient({ ...clientOptions, lazy: true });
  // Read by graphql-ws at every (re)subscribe: see above.
  const variables: AnswerAddedSubscriptionVariables = { questionId, after };
  const query = print(document ?? AnswerAddedDocument);
  client.subscribe<{ answerAdded: Edge }, AnswerAddedSubscriptionVariables>(
    { query, variables },
    {
      next: ({ data, errors }) => {
        if (errors) onError(errors);
        if (!data) return;
        variables.after = data.answerAdded.cursor;
        onAnswer(data.answerAdded);
      },
      error: onError,
      complete: () => {},
    },
  );
  return {
    get cursor() {
      return variables.after!;
    },
    client,
    close: async () => {
      await client.dispose();
    },
  };
}
