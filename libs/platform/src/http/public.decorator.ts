import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ragstream:public';

/** Marks a route that needs no credentials (health probes, sign-up, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
