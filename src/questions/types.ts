import { builder } from '../builder';
import { AnswerOrder, answerOrderBy, visibleAnswers } from '../answers/order';
import { BlogPost } from '../blogs/types';
import { badUserInput } from '../errors';
import { pageSize } from '../schema/pagination';

export const MAX_RELEVANT_BLOGS = 20;

export const Question = builder.prismaNode('Question', {
  description: 'A health question asked by a patient. Who asked is never revealed.',
  id: { field: 'id' },
  nullable: true, // node(id) of a missing row is null, as Relay expects
  select: { id: true }, // select mode: load only the columns a query asks for
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Human-readable, unique; used in page URLs.' }),
    title: t.exposeString('title'),
    body: t.exposeString('body', { description: 'Plain text exactly as written; never HTML.' }),
    askedAt: t.expose('askedAt', { type: 'DateTime' }),
    askedAnonymously: t.boolean({
      description: 'Always true: the API never identifies askers.',
      resolve: () => true,
    }),
    answerCount: t.exposeInt('answerCount', { description: 'Visible answers.' }),
    lastAnsweredAt: t.expose('lastAnsweredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Time of the newest visible answer; null while unanswered.',
    }),
    answers: t.relatedConnection('answers', {
      description: 'Visible answers, newest first unless `order` says otherwise.',
      cursor: 'id',
      ...pageSize,
      totalCount: true,
      args: { order: t.arg({ type: AnswerOrder, defaultValue: 'NEWEST_FIRST', required: true }) },
      query: (args) => ({ where: visibleAnswers, orderBy: answerOrderBy(args.order) }),
    }),
    topics: t.relation('topics', { query: { orderBy: { name: 'asc' } } }),
    relevantBlogs: t.prismaField({
      description: `Blog posts that share a topic with the question, newest first (at most ${MAX_RELEVANT_BLOGS}).`,
      type: [BlogPost],
      args: { first: t.arg.int({ defaultValue: 5, required: true }) },
      resolve: (query, question, { first }, ctx) => {
        if (first < 0 || first > MAX_RELEVANT_BLOGS) {
          throw badUserInput(`"first" must be between 0 and ${MAX_RELEVANT_BLOGS}; got ${first}.`, 'first');
        }
        return ctx.db.blogPost.findMany({
          ...query,
          where: { topics: { some: { questions: { some: { id: question.id } } } } },
          orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
          take: first,
        });
      },
    }),
  }),
});
