import { describe, expect } from 'vitest';
import { DoctorListDocument } from '../../src/client/generated/graphql';
import { fixtures } from '../helpers/fixtures';
import { expectData, graphql } from '../helpers/graphql';
import { it, test } from '../helpers/world';
import type { TestServer } from '../helpers/server';

let cardiology: string;

test.override({ serverOptions: { seed: false } });
test.beforeAll(async ({ server }) => {
  const make = fixtures(server.db);
  const cardiologist = await make.specialty('Cardiologist');
  const dentist = await make.specialty('Dentist');
  cardiology = cardiologist.slug;
  const anand = await make.doctor({
    name: 'Dr. Anand',
    careerStartYear: 2000,
    specialtyId: cardiologist.id,
    country: 'India',
  });
  const beyza = await make.doctor({
    name: 'Dr. Beyza',
    careerStartYear: 1990,
    specialtyId: cardiologist.id,
    country: 'Turkey',
  });
  await make.doctor({ name: 'Dr. Chen', careerStartYear: 2015, specialtyId: dentist.id, country: 'India' });
  await make.doctor({ name: 'Dr. Dara', careerStartYear: 2020, specialtyId: null, country: 'India' });
  const question = await make.question({ title: 'Chest pain when running' });
  for (const doctorId of [anand.id, anand.id, beyza.id]) await make.answer({ questionId: question.id, doctorId });
});

async function names(server: TestServer, variables: Record<string, unknown>) {
  const data = expectData(await server.request(DoctorListDocument, variables));
  return {
    names: data!.doctors.edges.map((e) => e.node.name),
    total: data!.doctors.totalCount,
    edges: data!.doctors.edges,
  };
}

describe('doctors', () => {
  it('lists alphabetically by default, with experience, location and specialty', async ({ server }) => {
    const { names: all, total, edges } = await names(server, {});
    expect(all).toEqual(['Dr. Anand', 'Dr. Beyza', 'Dr. Chen', 'Dr. Dara']);
    expect(total).toBe(4);
    expect(edges[1]!.node).toMatchObject({
      yearsOfExperience: new Date().getUTCFullYear() - 1990,
      verified: true,
      answerCount: 1,
      specialty: { name: 'Cardiologist', slug: cardiology },
      location: { country: 'Turkey', city: null },
    });
    expect(edges[3]!.node.specialty).toBeNull();
  });

  it('filters by specialty and country', async ({ server }) => {
    expect((await names(server, { filter: { specialty: cardiology } })).names).toEqual(['Dr. Anand', 'Dr. Beyza']);
    expect((await names(server, { filter: { country: 'India' } })).names).toEqual([
      'Dr. Anand',
      'Dr. Chen',
      'Dr. Dara',
    ]);
    expect(await names(server, { filter: { specialty: cardiology, country: 'India' } })).toMatchObject({
      names: ['Dr. Anand'],
      total: 1,
    });
  });

  it('orders by experience and by answer count', async ({ server }) => {
    expect((await names(server, { orderBy: 'EXPERIENCE' })).names).toEqual([
      'Dr. Beyza',
      'Dr. Anand',
      'Dr. Chen',
      'Dr. Dara',
    ]);
    expect((await names(server, { orderBy: 'ANSWER_COUNT' })).names).toEqual([
      'Dr. Anand',
      'Dr. Beyza',
      'Dr. Chen',
      'Dr. Dara',
    ]);
  });

  it('finds one doctor by slug with their answers, and says NOT_FOUND for an unknown one', async ({ server }) => {
    const slug = (await server.db.doctor.findFirstOrThrow({ where: { name: 'Dr. Anand' } })).slug;
    const found = await server.request(
      graphql(
        `query DoctorsDoctor($slug: String!) { doctor(slug: $slug) { name answers(first: 1) { totalCount edges { node { question { title } } } } } }`,
      ),
      { slug },
    );
    expect(found).toEqual({
      data: {
        doctor: {
          name: 'Dr. Anand',
          answers: { totalCount: 2, edges: [{ node: { question: { title: 'Chest pain when running' } } }] },
        },
      },
    });
    const missing = await server.request(graphql(`query DoctorsDoctor2 { doctor(slug: "nobody") { name } }`));
    expect(missing.errors?.[0]).toMatchObject({
      message: 'No doctor with slug "nobody".',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('lists specialties and topics by name', async ({ server }) => {
    const { data } = await server.request(graphql(`query DoctorsSpecialties { specialties { name } }`));
    expect(data).toEqual({ specialties: [{ name: 'Cardiologist' }, { name: 'Dentist' }] });
  });
});
