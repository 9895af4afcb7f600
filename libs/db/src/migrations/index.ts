import { PlatformCore1732240000000 } from './1732240000000-platform-core';
import { EmbeddingCache1795320000000 } from './1795320000000-embedding-cache';

/** Every platform migration, oldest first. Projections create their own versioned tables. */
export const platformMigrations = [PlatformCore1732240000000, EmbeddingCache1795320000000];
