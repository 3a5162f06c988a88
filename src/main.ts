import { createApplication } from './application';
import { ConfigError, loadConfig } from './config';
import { StartupError } from './startup';

// `npm start`: the application from the environment; SIGTERM/SIGINT stop it in order. A mistake
// in the configuration or the surroundings ends it with its one-line message and exit code 1.
try {
  const application = createApplication(loadConfig());
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return; // a second signal changes nothing: the first stop goes on
      stopping = true;
      application.logger.info({ signal }, 'shutting down: finishing in-flight requests');
      void application.stop().then(() => process.exit(0));
    });
  }
  await application.start().catch(async (error: unknown) => {
    await application.stop();
    throw error;
  });
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof StartupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
