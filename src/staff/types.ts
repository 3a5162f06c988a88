import { builder } from '../builder';

export const StaffMember = builder.prismaNode('StaffMember', {
  description: "A member of the site's own team, author of editorial answers. Their email is private.",
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
  }),
});
