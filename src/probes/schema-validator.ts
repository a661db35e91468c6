/** Response bodies are validated with the loader's validator (the loader checks the mock's bodies with it too). */
export { validateBody } from '../spec/body-schema.ts';
