import { join } from 'node:path';

// This module sits directly in server/src (tests) and is bundled into server/out (runtime):
// both are siblings of server/templates.
export const BUNDLED_TEMPLATE_PATH = join(__dirname, '..', 'templates', 'senlin-spec-template.rst');
