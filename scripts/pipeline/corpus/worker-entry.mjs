// Worker entry in plain JavaScript: registers tsx's loader in this thread (under `npm run extract`
// the parent's loader flags are inherited too; under vitest they are not), then loads the
// TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
