// The write routes of the housing actions, made from their descriptors.
import { Module } from '@nestjs/common';
import { actionControllers } from '../http/actions/action-controller.factory';

@Module({ controllers: actionControllers('housing') })
export class HousingModule {}
