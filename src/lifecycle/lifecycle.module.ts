import { Module } from '@nestjs/common';
import { LifecycleController } from './lifecycle.controller';

@Module({ controllers: [LifecycleController] })
export class LifecycleModule {}
