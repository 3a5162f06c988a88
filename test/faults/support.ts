import { issueCredential } from '../../src/auth/tokens';
import type { Db } from '../../src/db/client';
import { startServerProcess as launchServer, type ServerProcess } from '../helpers/process';

// What the fault tests that run real server processes share (not a test file itself).

export type { ServerProcess };

/**
 * The server as `npm start` runs it, in a process (group) of its own (test/helpers/process.ts),
 * on any free port, with only the configuration given here: `crash()` kills it as a machine
 * failure would.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  return launchServer({ DATABASE_URL: undefined, REDIS_URL: undefined, SEED_DEMO: 'false', ...env });
}

/**
 * Bearer tokens of one doctor, a new credential every `perCredential` uses: fault tests post
 * more answers than one credential may in an hour (RATE_LIMIT_POST_ANSWER_PER_HOUR), and what
 * they test is delivery, not the limit.
 */
export function doctorTokens(db: Db, doctorId: number, perCredential = 20) {
  let current: Promise<string> | null = null;
  let uses = 0;
  return async (): Promise<string> => {
    if (!current || uses >= perCredential) {
      current = issueCredential(db, { role: 'doctor', doctorId });
      uses = 0;
    }
    uses++;
    return current;
  };
}
