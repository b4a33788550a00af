// GET /actions: the public catalogue of actions, read from the descriptors.
import { Module } from '@nestjs/common';
import { ActionsHttpController } from './actions.http.controller';

@Module({ controllers: [ActionsHttpController] })
export class ActionsCatalogueHttpModule {}
