/**
 * `npm run db:seed`: applies pending migrations, then loads the demo question page.
 * `npm run db:seed -- --scale 10000 [--doctors N] [--seed N]`: also generates a larger data set
 * (10,000 questions with their answers, doctors, askers, blog posts), appended to what is there.
 *
 * The database is the configured one (DATABASE_URL, or the embedded one when it is unset).
 * Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { seedDemo } from '../../prisma/seed/demo';
import { generateData } from '../../prisma/seed/generator';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { createLogger } from '../logger';
import { cliMain, runIfEntry } from './cli';

const USAGE = `Usage: npm run db:seed [-- [--scale QUESTIONS] [--doctors N] [--seed N]]

Applies pending migrations and loads the demo question page (idempotent).

  --scale QUESTIONS  also generate QUESTIONS questions (0–30 answers each), with doctors,
                     askers, topics and blog posts; appended to the existing data
  --doctors N        doctors to generate with --scale (default: max(2000, QUESTIONS / 50))
  --seed N           random seed of the generated data (default 1): same seed, same data
  -h, --help         show this help`;

interface SeedArgs {
  scale: number | null;
  doctors: number | undefined;
  seed: number;
}

class UsageError extends Error {}

function parseInteger(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
  }
  return Number(value);
}

const parseSeedOptions = (argv: string[]) =>
  parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      doctors: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });

function parseSeedArgs(argv: string[]): SeedArgs | 'help' {
  let values: ReturnType<typeof parseSeedOptions>['values'];
  try {
    ({ values } = parseSeedOptions(argv));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const scale = parseInteger('scale', values.scale, 1) ?? null;
  const doctors = parseInteger('doctors', values.doctors, 1);
  const seed = parseInteger('seed', values.seed, 0) ?? 1;
  if (scale === null && (doctors !== undefined || values.seed !== undefined)) {
    throw new UsageError('--doctors and --seed only apply together with --scale');
  }
  return { scale, doctors, seed };
}

export const main = cliMain('db:seed failed', async (argv, env, output) => {
  let args: SeedArgs;
  try {
    const parsed = parseSeedArgs(argv);
    if (parsed === 'help') {
      output.out(`${USAGE}\n`);
      return 0;
    }
    args = parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`db:seed: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  const config = loadConfig(env); // a ConfigError names every bad variable; cliMain prints it
  const logger = createLogger(config.logLevel);

  let database: Database | null = null;
  try {
    database = await openDatabase(config.database, logger, 'client');
    await migrate(database.url, { logger });
    // Always the demo page first, so that the demo question is there at any scale.
    await seedDemo(database.db, logger);
    if (args.scale !== null) {
      // The generator uses its own single connection; free the client's first.
      await database.db.$disconnect();
      await generateData(database.url, {
        questions: args.scale,
        doctors: args.doctors,
        seed: args.seed,
        logger,
      });
    }
    return 0;
  } finally {
    await database?.close();
  }
});

runIfEntry(import.meta.url, main);
