import { builder } from '../builder';
import { Answer } from '../answers/types';
import { pageSize } from '../schema/pagination';

// Agreement and thanks on the Answer type. The counters are columns (kept in the vote's
// transaction), and agreedBy is a relation join: the question page stays one statement for them.
builder.prismaObjectFields(Answer, (t) => ({
  agreeCount: t.exposeInt('agreeCount', { description: 'Doctors who agree with this answer.' }),
  thankCount: t.exposeInt('thankCount', { description: 'Thanks from the asker of the question.' }),
  agreedBy: t.relatedConnection('agreedBy', {
    description: 'The doctors who agree with this answer, in the order they joined the site.',
    cursor: 'id',
    ...pageSize,
    query: { orderBy: { id: 'asc' } },
  }),
}));
