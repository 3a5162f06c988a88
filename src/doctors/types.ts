import { builder } from '../builder';
import { prismaNodeDefaults } from '../schema/nodes';
import { AnswerOrder, answerOrderBy, visibleAnswers } from '../answers/order';
import { pageSize } from '../schema/pagination';

const Location = builder.objectRef<{ country: string; city: string | null }>('Location').implement({
  description: 'Where a doctor practises.',
  fields: (t) => ({
    country: t.exposeString('country'),
    city: t.exposeString('city', { nullable: true }),
  }),
});

/** Whole years since the career started, so that "23 years" is still right next year. */
export function yearsOfExperience(careerStartYear: number, now = new Date()): number {
  return Math.max(0, now.getUTCFullYear() - careerStartYear);
}

export const Doctor = builder.prismaNode('Doctor', {
  description: 'A doctor who answers questions.',
  ...prismaNodeDefaults,
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    specialty: t.relation('specialty', { nullable: true, description: 'Missing for some doctors.' }),
    yearsOfExperience: t.int({
      description: 'Whole years since the doctor started practising.',
      select: { careerStartYear: true },
      resolve: (doctor) => yearsOfExperience(doctor.careerStartYear),
    }),
    practisingSince: t.exposeInt('careerStartYear', { description: 'The year the career started.' }),
    location: t.field({
      type: Location,
      select: { country: true, city: true },
      resolve: ({ country, city }) => ({ country, city }),
    }),
    profilePictureUrl: t.exposeString('profilePictureUrl', { nullable: true }),
    verified: t.exposeBoolean('verified', { description: 'Credentials checked by the site.' }),
    answerCount: t.exposeInt('answerCount', { description: 'Visible answers written by this doctor.' }),
    answers: t.relatedConnection('answers', {
      description: "The doctor's visible answers, newest first unless `order` says otherwise.",
      cursor: 'id',
      ...pageSize,
      totalCount: true,
      args: { order: t.arg({ type: AnswerOrder, defaultValue: 'NEWEST_FIRST', required: true }) },
      query: (args) => ({ where: visibleAnswers, orderBy: answerOrderBy(args.order) }),
    }),
  }),
});
