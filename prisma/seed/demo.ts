import type { Prisma, PrismaClient } from '../../src/generated/prisma/client';
import type { Logger } from '../../src/logger';
import {
  DEMO_BLOG_POSTS,
  DEMO_DOCTORS,
  DEMO_QUESTION,
  DEMO_SPECIALTIES,
  DEMO_STAFF_MEMBERS,
  DEMO_TOPICS,
} from './demo-page';

/** Which specialties answer which demo topics: the doctors' feed follows this (issue 11). */
export const DEMO_TOPIC_SPECIALTIES: Readonly<Record<string, readonly string[]>> = {
  'scalp-micropigmentation': ['plastic-surgeon'],
  'hair-treatments': ['plastic-surgeon', 'unani-dermatologist'],
  'cosmetic-procedures': ['plastic-surgeon'],
  'dental-care': [],
};

/** Any Prisma client of this schema, whatever log levels it was created with. */
type AnyPrismaClient = Pick<PrismaClient<Prisma.LogLevel>, '$transaction'>;

/** Serialises demo seeding between processes starting together (pg_advisory_xact_lock key). */
const DEMO_SEED_LOCK = 0x6d65_6471; // "medq"

/**
 * Loads the demo question page (prisma/seed/demo-page.ts) idempotently, in one transaction:
 *
 * - specialties, doctors, the staff member, topics and blog posts are upserted by slug/email
 *   and set to the page's values, so running it again repairs them and creates nothing new;
 * - the asker, the question, its answers and the answer edit are created only when no question
 *   with the demo slug exists (they have no natural key of their own), so a second run leaves
 *   exactly the same rows. `created` tells whether the question was created by this call.
 */
export async function seedDemo(db: AnyPrismaClient, logger: Logger): Promise<{ created: boolean }> {
  const log = logger.child({ component: 'seed-demo' });
  const created = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK}::bigint)`;

      const specialtyIds = new Map<string, number>();
      for (const specialty of DEMO_SPECIALTIES) {
        const row = await tx.specialty.upsert({
          where: { slug: specialty.slug },
          create: specialty,
          update: { name: specialty.name },
        });
        specialtyIds.set(specialty.slug, row.id);
      }

      const doctorIds = new Map<string, number>();
      for (const doctor of DEMO_DOCTORS) {
        const specialtyId = doctor.specialtySlug === null ? null : required(specialtyIds, doctor.specialtySlug);
        const fields = {
          name: doctor.name,
          specialtyId,
          careerStartYear: doctor.careerStartYear,
          country: doctor.country,
          city: doctor.city,
          verified: doctor.verified,
          profilePictureUrl: doctor.profilePictureUrl,
        };
        const row = await tx.doctor.upsert({
          where: { slug: doctor.slug },
          create: { slug: doctor.slug, ...fields },
          update: fields,
        });
        doctorIds.set(doctor.slug, row.id);
      }

      const staffIds = new Map<string, number>();
      for (const staff of DEMO_STAFF_MEMBERS) {
        const row = await tx.staffMember.upsert({
          where: { email: staff.email },
          create: staff,
          update: { name: staff.name },
        });
        staffIds.set(staff.email, row.id);
      }

      for (const topic of DEMO_TOPICS) {
        const specialties = (DEMO_TOPIC_SPECIALTIES[topic.slug] ?? []).map((slug) => ({ slug }));
        await tx.topic.upsert({
          where: { slug: topic.slug },
          create: { ...topic, specialties: { connect: specialties } },
          update: { name: topic.name, specialties: { set: specialties } },
        });
      }

      for (const post of DEMO_BLOG_POSTS) {
        const { topicSlugs, ...fields } = post;
        const topics = topicSlugs.map((slug) => ({ slug }));
        await tx.blogPost.upsert({
          where: { slug: post.slug },
          create: { ...fields, topics: { connect: topics } },
          update: { ...fields, topics: { set: topics } },
        });
      }

      const existing = await tx.question.findUnique({
        where: { slug: DEMO_QUESTION.slug },
        select: { id: true },
      });
      if (existing) return false;

      const question = await tx.question.create({
        data: {
          slug: DEMO_QUESTION.slug,
          title: DEMO_QUESTION.title,
          body: DEMO_QUESTION.body,
          askedAt: DEMO_QUESTION.askedAt,
          asker: { create: {} },
          topics: { connect: DEMO_QUESTION.topicSlugs.map((slug) => ({ slug })) },
        },
        select: { id: true },
      });

      // Oldest first, so that ids follow the page's chronology.
      const chronological = [...DEMO_QUESTION.answers].sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
      for (const answer of chronological) {
        const author =
          answer.author.kind === 'doctor'
            ? { doctorId: required(doctorIds, answer.author.doctorSlug), staffMemberId: null }
            : { doctorId: null, staffMemberId: required(staffIds, answer.author.email) };
        await tx.answer.create({
          data: {
            questionId: question.id,
            ...author,
            body: answer.body,
            answeredAt: answer.answeredAt,
            lastEditedAt: answer.lastEditedAt,
            edits: {
              create: answer.edits.map((edit) => ({
                staffMemberId: required(staffIds, edit.editorEmail),
                editedAt: edit.editedAt,
                previousBody: edit.previousBody,
              })),
            },
          },
        });
      }
      return true;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  log.info(
    { question: DEMO_QUESTION.slug, created },
    created ? 'demo question page loaded' : 'demo question page already present',
  );
  return { created };
}

function required<V>(map: Map<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data refers to unknown "${key}"`);
  return value;
}
