/** The action's entry (dist/index.js): everything happens inside run(), nothing at import time. */
import { run } from './action/main.js';

await run();
