import type { HygienicLatrineCompletedData } from './hygienic-latrine.events';

export type HygienicLatrineState =
  { status: 'none' } | ({ status: 'completed'; completedAt?: string } & HygienicLatrineCompletedData);

export const initialHygienicLatrineState: HygienicLatrineState = { status: 'none' };
