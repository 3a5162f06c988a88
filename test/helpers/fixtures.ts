import type { Db } from '../../src/db/client';

/** Small builders for test worlds: each returns the created row. */
// Module-wide, so that two fixtures() of one test file never make the same slug.
let n = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++n}`;

export function fixtures(db: Db) {
  return {
    specialty: (name: string) => db.specialty.create({ data: { name, slug: unique('specialty') } }),
    topic: (name: string) => db.topic.create({ data: { name, slug: unique('topic') } }),
    doctor: (data: { name: string; careerStartYear?: number; country?: string; specialtyId?: number | null }) =>
      db.doctor.create({
        data: { slug: unique('doctor'), careerStartYear: 2010, country: 'India', verified: true, ...data },
      }),
    staffMember: (name: string) => db.staffMember.create({ data: { name, email: `${unique('staff')}@example.test` } }),
    async question(data: { title: string; body?: string; askedAt?: Date; topicIds?: number[] }) {
      const asker = await db.asker.create({ data: {} });
      return db.question.create({
        data: {
          slug: unique('question'),
          title: data.title,
          body: data.body ?? data.title,
          askedAt: data.askedAt ?? new Date(),
          askerId: asker.id,
          topics: { connect: (data.topicIds ?? []).map((id) => ({ id })) },
        },
      });
    },
    answer: (data: {
      questionId: number;
      doctorId?: number;
      staffMemberId?: number;
      answeredAt?: Date;
      body?: string;
    }) => db.answer.create({ data: { body: 'An answer.', ...data } }),
  };
}
