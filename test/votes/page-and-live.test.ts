import { print } from 'graphql';
import { describe, expect } from 'vitest';
import { QuestionPageDocument, type QuestionPageQuery } from '../../src/client/generated/graphql';
import { issueCredential } from '../../src/auth/tokens';
import { bearer } from '../helpers/http';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { expectData, graphql } from '../helpers/graphql';
import { it } from '../helpers/world';
import { AGREE, answered, doctorWithToken, THANK } from './support';

/* Votes as subscribers and the question page see them. The votes themselves: votes.test.ts. */

/** The question page's own operation, with agreement and thanks on each answer. */
const PAGE_WITH_VOTES = print(QuestionPageDocument).replace(
  /\beditorial\b/,
  'editorial agreeCount thankCount agreedBy(first: 3) { edges { node { name slug } } }',
);
type PageAnswer = NonNullable<QuestionPageQuery['question']>['answers']['edges'][number]['node'];
/** What PAGE_WITH_VOTES returns (a string built at run time, so typed here). */
interface PageWithVotes {
  question: {
    answers: {
      edges: {
        node: PageAnswer & {
          agreeCount: number;
          thankCount: number;
          agreedBy: { edges: { node: { name: string; slug: string } }[] };
        };
      }[];
    };
  } | null;
}

describe('live and on the page', () => {
  it('sends the new counts to answerUpdated subscribers', async ({ server }) => {
    const author = await doctorWithToken(server, 'Dr. Live Author');
    const voter = await doctorWithToken(server, 'Dr. Live Voter');
    const { answerId, askerToken, questionId } = await answered(server, author.doctor.id);
    const client = wsClient(server.url);
    const live = subscribe(
      client,
      graphql(
        `subscription VotesAnswerUpdated($q: ID!) { answerUpdated(questionId: $q) { kind answer { agreeCount thankCount } } }`,
      ),
      { q: questionId },
    );
    await eventually(() => server.pubSub.listenerCount() === 1, 10_000, 'the subscriber');
    await server.request(AGREE, { input: { answerId } }, bearer(voter.token));
    await server.request(AGREE, { input: { answerId } }, bearer(voter.token)); // no change: no event
    await server.request(THANK, { input: { answerId } }, bearer(askerToken));
    expect(await live.waitFor(2, 10_000)).toEqual([
      { answerUpdated: { kind: 'VOTED', answer: { agreeCount: 1, thankCount: 0 } } },
      { answerUpdated: { kind: 'VOTED', answer: { agreeCount: 1, thankCount: 1 } } },
    ]);
    await client.dispose();
  });

  it('shows counts and who agreed on the question page in the same single SQL statement', async ({ server }) => {
    const page = async () => {
      let data: PageWithVotes | undefined;
      const counted = await server.countStatements(async () => {
        data = expectData(
          await server.request<PageWithVotes>(PAGE_WITH_VOTES, { slug: 'is-scalp-micropigmentation-permanent' }),
        );
      });
      return { count: counted.count, answers: data!.question!.answers.edges.map((e) => e.node) };
    };
    expect((await page()).count).toBe(1);
    const harish = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: harish.id });
    const before = await page();
    const others = before.answers.filter(
      (a) => a.author.__typename === 'Doctor' && a.author.slug !== 'harish-kumar-kabilan',
    );
    for (const answer of others) await server.request(AGREE, { input: { answerId: answer.id } }, bearer(token));
    const after = await page();
    expect(after.count).toBe(1);
    expect(after.answers.map((a) => [a.author.name, a.agreeCount, a.agreedBy.edges.map((e) => e.node.name)])).toEqual(
      before.answers.map((a) => {
        const agreed = others.some((o) => o.id === a.id);
        return [a.author.name, agreed ? 1 : 0, agreed ? ['Dr. Harish Kumar Kabilan'] : []];
      }),
    );
  });
});
