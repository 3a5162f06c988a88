import { builder } from '../builder';

export const Specialty = builder.prismaNode('Specialty', {
  description: 'A medical specialty shared by doctors, e.g. "Plastic Surgeon".',
  id: { field: 'id' },
  nullable: true, // node(id) of a missing row is null, as Relay expects
  select: { id: true }, // select mode: load only the columns a query asks for
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
