import { builder } from '../builder';
import { prismaNodeDefaults } from '../schema/nodes';

export const Topic = builder.prismaNode('Topic', {
  description: 'A subject shared by questions and blog posts, e.g. "Hair treatments".',
  ...prismaNodeDefaults,
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug', { description: 'Stable, URL-friendly name; filter questions with it.' }),
  }),
});

builder.queryField('topics', (t) =>
  t.prismaField({
    description: 'Every topic, by name.',
    authScopes: { public: true },
    type: [Topic],
    resolve: (query, _root, _args, ctx) => ctx.db.topic.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
);
