import { builder } from '../builder';
import type { Prisma } from '../generated/prisma/client';
import { lookupNotFound, slugOrIdWhere } from '../schema/lookup';
import { pageSize } from '../schema/pagination';
import { Doctor } from './types';

const DoctorOrder = builder.enumType('DoctorOrder', {
  values: {
    NAME: { description: 'Alphabetical (the default).' },
    EXPERIENCE: { description: 'Most years of experience first.' },
    ANSWER_COUNT: { description: 'Most answers first.' },
  } as const,
});

const DoctorFilter = builder.inputType('DoctorFilter', {
  fields: (t) => ({
    specialty: t.string({ description: 'Slug of the specialty.' }),
    country: t.string({ description: 'Country name, e.g. "India".' }),
  }),
});

// Every order ends on the id, so that equal values page in a stable order.
const orderBy: Record<'NAME' | 'EXPERIENCE' | 'ANSWER_COUNT', Prisma.DoctorOrderByWithRelationInput[]> = {
  NAME: [{ name: 'asc' }, { id: 'asc' }],
  EXPERIENCE: [{ careerStartYear: 'asc' }, { id: 'asc' }],
  ANSWER_COUNT: [{ answerCount: 'desc' }, { id: 'asc' }],
};

function doctorWhere(filter: { specialty?: string | null; country?: string | null } | null | undefined) {
  const where: Prisma.DoctorWhereInput = {};
  if (filter?.specialty != null) where.specialty = { slug: filter.specialty };
  if (filter?.country != null) where.country = filter.country;
  return where;
}

builder.queryFields((t) => ({
  doctor: t.prismaField({
    description: 'One doctor, by slug or by ID. NOT_FOUND when there is none.',
    authScopes: { public: true },
    type: Doctor,
    nullable: true,
    args: { slug: t.arg.string(), id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      // findFirst, not findUnique: see slugOrIdWhere (src/schema/lookup.ts).
      const doctor = await ctx.db.doctor.findFirst({ ...query, where: slugOrIdWhere('Doctor', args) });
      if (!doctor) throw lookupNotFound('doctor', args);
      return doctor;
    },
  }),
  doctors: t.prismaConnection({
    description: 'Doctors, filtered by specialty or country; alphabetical by default.',
    authScopes: { public: true },
    type: Doctor,
    cursor: 'id',
    ...pageSize,
    args: {
      filter: t.arg({ type: DoctorFilter }),
      orderBy: t.arg({ type: DoctorOrder, defaultValue: 'NAME', required: true }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.doctor.findMany({ ...query, where: doctorWhere(args.filter), orderBy: orderBy[args.orderBy] }),
    totalCount: (_root, args, ctx) => ctx.db.doctor.count({ where: doctorWhere(args.filter) }),
  }),
}));
