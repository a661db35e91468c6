/** Setup file of every vitest config: the temporary folders a test file made go when it ends (temp-dir.ts). */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.ts';

afterAll(removeTempDirs);
