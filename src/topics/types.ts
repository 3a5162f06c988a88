import { builder } from '../builder';

export const Topic = builder.prismaNode('Topic', {
  description: 'A subject shared by questions and blog posts, e.g. "Hair treatments".',
  id: { field: 'id' },
  nullable: true, // node(id) of a missing row is null, as Relay expects
  select: { id: true }, // select mode: load only the columns a query asks for
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
