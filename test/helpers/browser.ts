import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it); playwright cannot download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  /** URLs the pages asked for that `allowed` refused: they were aborted, never sent. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * Headless chromium with a fresh profile, quiet (no background, update or sync traffic), whose
 * pages may only reach URLs that `allowed` accepts; anything else is aborted and recorded.
 */
export async function launchBrowser(allowed: (url: URL) => boolean): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'medqa-chromium-'));
  const refused: string[] = [];
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const isAllowed = (url: string) => url.startsWith('data:') || allowed(new URL(url)); // data: is inline
    // Every request is seen here (workers' too), before the router below aborts a refused one.
    context.on('request', (request) => {
      if (!isAllowed(request.url())) refused.push(request.url());
    });
    await context.route('**/*', (route) =>
      isAllowed(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
    );
    return {
      context,
      refused,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
