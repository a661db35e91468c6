/** The tool's version, from its package.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../spec/bundled.ts';

export const TOOL_VERSION: string = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
