import { PlatformCore1732240000000 } from './1732240000000-platform-core';

/** Every platform migration, oldest first. Projections create their own versioned tables. */
export const platformMigrations = [PlatformCore1732240000000];
