import { Module } from '@nestjs/common';
import { GuidesModule } from '../guides/guides.module';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

/** The operator's management of the municipalities (issue 21). */
@Module({ imports: [GuidesModule], controllers: [TenantsController], providers: [TenantsService], exports: [TenantsService] })
export class TenantsModule {}
