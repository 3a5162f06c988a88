/**
 * The API as `npm start` runs it (src/main.ts), under a command line of the bench's own, so that
 * the bench's servers are told apart from any other server on the machine (`pkill -f src/main.ts`
 * run elsewhere leaves them alone, and they are easy to find in `ps`).
 */
import '../src/main';
