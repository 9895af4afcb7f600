import { PlatformCore1732240000000 } from './1732240000000-platform-core';
import { EmbeddingCache1795320000000 } from './1795320000000-embedding-cache';
import { ProjectionGenerations1795400000000 } from './1795400000000-projection-generations';

/** Every platform migration, oldest first. Projections create their own versioned tables. */
export const platformMigrations = [PlatformCore1732240000000, EmbeddingCache1795320000000, ProjectionGenerations1795400000000];
