import { builder } from '../builder';
import { prismaNodeDefaults } from '../schema/nodes';
import { lookupNotFound, slugOrIdWhere } from '../schema/lookup';

export const BlogPost = builder.prismaNode('BlogPost', {
  description: "An article of the site's blog, related to questions through shared topics.",
  ...prismaNodeDefaults,
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    summary: t.exposeString('summary'),
    url: t.exposeString('url', { description: 'Where the article is published.' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    topics: t.relation('topics', { query: { orderBy: { name: 'asc' } } }),
  }),
});

builder.queryField('blogPost', (t) =>
  t.prismaField({
    description: 'One blog post, by slug or by ID. NOT_FOUND when there is none.',
    authScopes: { public: true },
    type: BlogPost,
    nullable: true,
    args: { slug: t.arg.string(), id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      // findFirst, not findUnique: see slugOrIdWhere (src/schema/lookup.ts).
      const post = await ctx.db.blogPost.findFirst({ ...query, where: slugOrIdWhere('BlogPost', args) });
      if (!post) throw lookupNotFound('blog post', args);
      return post;
    },
  }),
);
