import { Global, Module } from '@nestjs/common';
import { Tenancy } from './tenancy.service';

/** Which municipalities the installation serves, for every capability (issue 21). */
@Global()
@Module({ providers: [Tenancy], exports: [Tenancy] })
export class TenancyModule {}
