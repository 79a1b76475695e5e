/** Where `npm start` records the development server it started, so `npm run stop` ends only that one. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PID_FILE = join(tmpdir(), 'equality-self-assessment-dev-server.pid');
