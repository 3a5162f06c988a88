import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { issueCredential } from '../../src/auth/tokens';
import { AnswerAddedDocument, QuestionPageDocument, type QuestionPageQuery } from '../../src/client/generated/graphql';
import { bearer } from '../helpers/http';
import { eventually } from '../helpers/live';
import { expectData, graphql } from '../helpers/graphql';
import { it, test } from '../helpers/world';

// A real client rendering a question page while answers keep coming: Apollo Client with its
// relay-style cache policy, over HTTP for the page and graphql-ws for the live answers, resuming
// from the value the page itself gives (`latestAnswerCursor`).

let token: string;
test.beforeAll(async ({ server }) => {
  const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
  token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
});

function apolloClient(url: string) {
  const ws = createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  const client = new ApolloClient({
    link: split(isSubscription, new GraphQLWsLink(ws), new HttpLink({ uri: `${url}/graphql` })),
    cache: new InMemoryCache({ typePolicies: { Question: { fields: { answers: relayStylePagination(['order']) } } } }),
  });
  return {
    client,
    dispose: () => {
      client.stop();
      void ws.dispose();
    },
  };
}

type Page = NonNullable<QuestionPageQuery['question']>;

/** Apollo adds `__typename` where the document has none; compared without them. */
const withoutTypenames = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value, (key, field) => (key === '__typename' ? undefined : field)));

it("renders the page, follows answerAdded from the page's latestAnswerCursor, and shows every answer once, newest first", async ({
  server,
}) => {
  const asked = await server.request(
    graphql(
      `mutation ApolloPageAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }`,
    ),
    {
      input: {
        title: 'Does a page resume where it ends?',
        body: 'Asked for a page that is read while answers are posted.',
      },
    },
  );
  const { id: questionId, slug } = asked.data!.askQuestion.question as { id: string; slug: string };
  let posted = 0;
  const post = async () => {
    expectData(
      await server.request(
        graphql(
          `mutation ApolloPagePostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
        ),
        { input: { questionId, body: `Answer ${++posted}` } },
        bearer(token),
      ),
    );
  };
  for (let i = 0; i < 3; i++) await post();

  const { client, dispose } = apolloClient(server.url);
  const live: string[] = [];
  let rendered: Page | null = null;
  let stopWriting = false;
  try {
    // Answers keep being posted while the page is read and the subscription starts, and until
    // the subscription has delivered some: the page read always falls among the writes.
    const writer = (async () => {
      while (!stopWriting && posted < 300) await post();
    })();
    await eventually(() => posted >= 6, 10_000, 'answers posted before the page');

    const page = client.watchQuery({ query: QuestionPageDocument, variables: { slug, answers: 100 } });
    const rendering = page.subscribe(({ data }) => {
      if (data?.question) rendered = data.question as Page;
    });
    await eventually(() => rendered !== null, 10_000, 'the page');
    const first: Page = rendered!;
    // Newest first, the page's endCursor is its OLDEST answer: not where live answers start.
    expect(first.answers.pageInfo.endCursor).toBe(first.answers.edges.at(-1)!.cursor);
    expect(first.latestAnswerCursor).toBe(first.answers.edges[0]!.cursor);

    const unsubscribe = page.subscribeToMore({
      document: AnswerAddedDocument,
      variables: { questionId, after: first.latestAnswerCursor },
      updateQuery: (_unsafe, { previousData, subscriptionData }) => {
        const edge = subscriptionData.data.answerAdded;
        live.push(edge.node.body);
        const question = previousData?.question as Page | undefined;
        if (!question) return; // no page yet: nothing to add to
        return {
          ...previousData,
          question: {
            ...question,
            answerCount: question.answerCount + 1,
            answers: {
              ...question.answers,
              totalCount: question.answers.totalCount + 1,
              edges: [edge, ...question.answers.edges],
            },
          },
        };
      },
    });
    await eventually(() => live.length >= 5, 10_000, 'live answers');
    stopWriting = true;
    await writer;
    await eventually(() => first.answers.edges.length + live.length >= posted, 10_000, `all ${posted} answers`);

    // Exactly the answers posted after the page was read, each once, oldest first...
    const all = Array.from({ length: posted }, (_, i) => `Answer ${i + 1}`);
    const shown = first.answers.edges.map((edge) => edge.node.body);
    expect(shown).toEqual(all.slice(0, shown.length).reverse());
    expect(live).toEqual(all.slice(shown.length));
    // ...so the rendered page has every answer once, newest first, as the server lists them.
    const reread = await server.request(QuestionPageDocument, { slug, answers: 100 });
    expect(rendered!.answers.edges.map((edge) => edge.node.body)).toEqual(all.slice().reverse());
    expect(withoutTypenames(rendered!.answers.edges)).toEqual(withoutTypenames(reread.data!.question!.answers.edges));
    expect(rendered!.answerCount).toBe(posted);
    unsubscribe();
    rendering.unsubscribe();
  } finally {
    stopWriting = true;
    dispose();
  }
}, 60_000);
