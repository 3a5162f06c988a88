import { Random } from '../random';
import { pickCountry } from '../vocabulary/countries';
import { SPECIALTIES } from '../vocabulary/specialties';
import { kebab } from '../vocabulary/words';
import { insert } from '../writer';
import type { PhaseContext, Reference } from './context';

/** The doctors written, for the answers phase: answers prefer doctors of the question's specialties. */
export interface DoctorPool {
  bySpecialty: Map<string, number[]>;
  all: number[];
}

const SPECIALTY_WEIGHT_TOTAL = SPECIALTIES.reduce((sum, [, weight]) => sum + weight, 0);

/** An index into SPECIALTIES, the common ones more often. */
function pickSpecialty(r: Random): number {
  let x = r.next() * SPECIALTY_WEIGHT_TOTAL;
  for (let i = 0; i < SPECIALTIES.length; i++) {
    x -= (SPECIALTIES[i] as readonly [string, number])[1];
    if (x < 0) return i;
  }
  return 0;
}

export async function writeDoctors(ctx: PhaseContext, reference: Reference, count: number): Promise<DoctorPool> {
  const { writer, seed, now } = ctx;
  const r = new Random(seed, 1);
  const currentYear = new Date(now).getUTCFullYear();
  const pool: DoctorPool = { bySpecialty: new Map(), all: [] };
  const doctorIds = await writer.reserveIds('doctor', count);
  await writer.writeBatches('doctors', count, (start, n) => {
    const ids = doctorIds.subarray(start, start + n);
    const columns = {
      slugs: [] as string[],
      names: [] as string[],
      specialties: [] as (number | null)[],
      years: [] as number[],
      countries: [] as string[],
      cities: [] as (string | null)[],
      pictures: [] as (string | null)[],
      verified: [] as boolean[],
    };
    for (const id of ids) {
      const country = pickCountry(r);
      const name = `Dr. ${r.pick(country.firstNames)} ${r.pick(country.lastNames)}`;
      const slug = `${kebab(name.slice('Dr. '.length))}-${id}`;
      const specialtyIndex = r.chance(0.1) ? null : pickSpecialty(r);
      const specialtyId = specialtyIndex === null ? null : (reference.specialtyIds[specialtyIndex] ?? null);
      columns.slugs.push(slug);
      columns.names.push(name);
      columns.specialties.push(specialtyId);
      // 1975–2024, recent careers being more common.
      columns.years.push(Math.min(currentYear, 2024 - Math.floor(50 * r.next() ** 1.4)));
      columns.countries.push(country.name);
      columns.cities.push(r.chance(0.05) ? null : r.pick(country.cities));
      columns.pictures.push(r.chance(0.7) ? `https://images.clinicspots.example/doctors/${slug}.jpg` : null);
      columns.verified.push(r.chance(0.93));
      pool.all.push(id);
      if (specialtyId !== null) {
        const specialtyName = (SPECIALTIES[specialtyIndex as number] as readonly [string, number])[0];
        const list = pool.bySpecialty.get(specialtyName) ?? [];
        list.push(id);
        pool.bySpecialty.set(specialtyName, list);
      }
    }
    const { slugs, names, specialties, years, countries, cities, pictures, verified } = columns;
    return {
      rows: n,
      statements: [
        insert(
          'doctor',
          'id, slug, name, specialty_id, career_start_year, country, city, profile_picture_url, verified',
          'int, text, text, int, int, text, text, text, bool',
          [Array.from(ids), slugs, names, specialties, years, countries, cities, pictures, verified],
          n,
        ),
      ],
    };
  });
  return pool;
}
