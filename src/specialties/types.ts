import { builder } from '../builder';
import { prismaNodeDefaults } from '../schema/nodes';

export const Specialty = builder.prismaNode('Specialty', {
  description: 'A medical specialty shared by doctors, e.g. "Plastic Surgeon".',
  ...prismaNodeDefaults,
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug', { description: 'Stable, URL-friendly name; filter doctors with it.' }),
  }),
});

builder.queryField('specialties', (t) =>
  t.prismaField({
    description: 'Every specialty, by name.',
    authScopes: { public: true },
    type: [Specialty],
    resolve: (query, _root, _args, ctx) => ctx.db.specialty.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
);
