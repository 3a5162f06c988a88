import { builder } from '../builder';

export const StaffMember = builder.prismaNode('StaffMember', {
  description: "A member of the site's own team, author of editorial answers. Their email is private.",
  id: { field: 'id' },
  nullable: true, // node(id) of a missing row is null, as Relay expects
  select: { id: true }, // select mode: load only the columns a query asks for
  fields: (t) => ({
    name: t.exposeString('name'),
  }),
});
