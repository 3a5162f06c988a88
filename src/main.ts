import { createApplication } from './application';
import { ConfigError, loadConfig } from './config';

// `npm start`: the application from the environment; SIGTERM/SIGINT stop it in order.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const application = createApplication(config);
await application.start();

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return; // a second signal changes nothing: the first stop goes on
    stopping = true;
    application.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    void application.stop().then(() => process.exit(0));
  });
}
