// The write routes of the one-off actions (a payment, an enrolment, a measurement...), made from their descriptors.
import { Module } from '@nestjs/common';
import { actionControllers } from '../http/actions/action-controller.factory';

@Module({ controllers: actionControllers('one-off-actions') })
export class OneOffActionsModule {}
