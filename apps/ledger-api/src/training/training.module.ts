// The write routes of the training actions, made from their descriptors.
import { Module } from '@nestjs/common';
import { actionControllers } from '../http/actions/action-controller.factory';

@Module({ controllers: actionControllers('training') })
export class TrainingModule {}
