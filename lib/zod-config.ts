import { z } from 'zod';

// Extension pages forbid eval; zod must never try to compile parsers with `new Function`.
z.config({ jitless: true });

export { z };
