import { killLaunchedAfterAll } from '../helpers/process';

// Every test file: processes launched in its hooks are killed after its last test.
killLaunchedAfterAll();
