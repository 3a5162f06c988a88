import { builder, type BuilderTypes } from '../builder';
import { prismaNodeDefaults } from '../schema/nodes';
import { Doctor } from '../doctors/types';
import { StaffMember } from '../staff/types';

export const AnswerAuthor = builder.unionType('AnswerAuthor', {
  description: "Who wrote an answer: a doctor, or a member of the site's team (an editorial answer).",
  types: [Doctor, StaffMember],
});

export const Answer = builder.prismaNode('Answer', {
  description: 'An answer to a question, by a doctor or by a staff member.',
  // Nullable, so node(id)/nodes(ids) get null for hidden answers too (and for unknown ids): not
  // nullable, Pothos loads nodes with findUniqueOrThrow and a hidden answer's ID was an "Unexpected error."
  ...prismaNodeDefaults,
  // Hidden answers do not exist for readers, not even through node(id).
  findUnique: (id) => ({ id: Number(id), hiddenAt: null }),
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Plain text exactly as written; never HTML.' }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime' }),
    lastEditedAt: t.expose('lastEditedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the answer was last edited; null if never.',
    }),
    editorial: t.boolean({
      description: "True when written by the site's team rather than a doctor.",
      select: { staffMemberId: true },
      resolve: (answer) => answer.staffMemberId !== null,
    }),
    author: t.field({
      type: AnswerAuthor,
      // Loads only the author that the query's fragments ask for, in the parent's SQL statement.
      select: (_args, _ctx, nestedSelection) => ({
        doctor: nestedSelection(true, [], 'Doctor'),
        staffMember: nestedSelection(true, [], 'StaffMember'),
      }),
      resolve: (answer) => (answer.doctor ? Doctor.addBrand(answer.doctor) : StaffMember.addBrand(answer.staffMember!)),
    }),
    question: t.relation('question'),
  }),
});

/**
 * A field holding the answer whose id its parent has (a mutation payload's `answer`: the one it
 * wrote), loaded with the selection the client asked for.
 */
export const answerField = <Shape extends { answerId: number }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
) =>
  t.prismaField({
    type: Answer,
    resolve: (query, { answerId }, _args, ctx) =>
      ctx.db.answer.findUniqueOrThrow({ ...query, where: { id: answerId } }),
  });
