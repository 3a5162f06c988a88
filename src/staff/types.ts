import { builder } from '../builder';
import { prismaNodeDefaults } from '../schema/nodes';

export const StaffMember = builder.prismaNode('StaffMember', {
  description: "A member of the site's own team, author of editorial answers. Their email is private.",
  ...prismaNodeDefaults,
  fields: (t) => ({
    name: t.exposeString('name'),
  }),
});
