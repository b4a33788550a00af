// The write routes of the remains actions, made from their descriptors.
import { Module } from '@nestjs/common';
import { actionControllers } from '../http/actions/action-controller.factory';

@Module({ controllers: actionControllers('remains') })
export class RemainsModule {}
