/**
 * zod, by default, tests whether it may compile code at run time to build faster validators.
 * The task pane's Content-Security-Policy forbids compiling code from strings (SECURITY.md), and
 * even the test is reported as a policy violation, so zod runs without it. Imported first by
 * every module that builds a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
